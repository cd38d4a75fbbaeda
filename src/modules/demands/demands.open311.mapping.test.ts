import { describe, expect, it } from 'vitest';
import {
  demandStatusesOf,
  OPEN311_STATUS,
  type PublicDemandFacts,
  serviceNotice,
  statusNotes,
  toOpen311Attributes,
  toOpen311Request,
  toOpen311Service,
  toW3c,
} from './demands.open311.mapping';
import type { CategoryAttribute } from './demands.schemas';
import { DEMAND_STATUSES, type DemandStatus } from './demands.table';

describe('toW3c: China time with the +08:00 offset (GeoReport v2 "Date/time format")', () => {
  it.each([
    ['2026-11-27T06:05:00.000Z', '2026-11-27T14:05:00+08:00'],
    // The China day turns at 16:00 UTC.
    ['2026-11-27T15:59:59.999Z', '2026-11-27T23:59:59+08:00'],
    ['2026-11-27T16:00:00.000Z', '2026-11-28T00:00:00+08:00'],
    // New year and a leap day.
    ['2026-12-31T16:00:00.000Z', '2027-01-01T00:00:00+08:00'],
    ['2028-02-28T16:30:00.000Z', '2028-02-29T00:30:00+08:00'],
    // Offsets in the input are honoured.
    ['2026-11-27T14:05:00+08:00', '2026-11-27T14:05:00+08:00'],
  ])('%s → %s', (iso, w3c) => expect(toW3c(iso)).toBe(w3c));

  it('refuses text that is not an instant', () => expect(() => toW3c('yesterday')).toThrow());
});

describe('open/closed', () => {
  const table: [DemandStatus, 'open' | 'closed'][] = [
    ['received', 'open'],
    ['registered', 'open'],
    ['dispatched', 'open'],
    ['in_hand', 'open'],
    ['replied', 'open'],
    ['verified', 'open'],
    ['closed', 'closed'],
    ['rated', 'closed'],
    ['declined', 'closed'],
    ['merged', 'closed'],
  ];
  it.each(table)('%s is %s', (s, o) => expect(OPEN311_STATUS[s]).toBe(o));

  it('covers every state exactly once', () => {
    expect(table.map(([s]) => s).sort()).toEqual([...DEMAND_STATUSES].sort());
    expect([...demandStatusesOf('open'), ...demandStatusesOf('closed')].sort()).toEqual(
      [...DEMAND_STATUSES].sort(),
    );
  });
});

describe('statusNotes names the fine state in Chinese', () => {
  const base = { responsibleName: '滨城物业公司', declineNote: null, mergedIntoNumber: null };
  it.each([
    ['received', '已受理，等待立案'],
    ['registered', '已立案，等待派遣'],
    ['dispatched', '已派遣至滨城物业公司'],
    ['in_hand', '滨城物业公司已签收，正在办理'],
    ['replied', '滨城物业公司已反馈办理结果，等待核查'],
    ['verified', '办理结果已核查通过，等待结案'],
    ['closed', '已办结'],
    ['rated', '已办结，已回访评价'],
    ['declined', '不予立案'],
    ['merged', '已与同一事项合并办理'],
  ] as [DemandStatus, string][])('%s → %s', (status, text) =>
    expect(statusNotes({ ...base, status })).toBe(text),
  );

  it('tells the reason of a decline and the demand a merged one joined', () => {
    expect(statusNotes({ ...base, status: 'declined', declineNote: ' 不属于受理范围 ' })).toBe(
      '不予立案：不属于受理范围',
    );
    expect(statusNotes({ ...base, status: 'merged', mergedIntoNumber: '2026112700003' })).toBe(
      '与诉求 2026112700003 为同一事项，已合并办理',
    );
  });

  it('says 承办单位 when nobody is named yet', () =>
    expect(statusNotes({ ...base, status: 'dispatched', responsibleName: null })).toBe('已派遣至承办单位'));
});

describe('serviceNotice', () => {
  it.each([
    [5, 'working_days', 24, '本类诉求办理时限为5个工作日，承办单位应在24个工作小时内与诉求人首次联系。'],
    [4, 'working_hours', 1, '本类诉求办理时限为4个工作小时，承办单位应在1个工作小时内与诉求人首次联系。'],
    [15, 'calendar_days', 8, '本类诉求办理时限为15个自然日，承办单位应在8个工作小时内与诉求人首次联系。'],
  ] as const)('%i %s', (handleLimit, handleUnit, firstContactHours, text) =>
    expect(serviceNotice({ handleLimit, handleUnit, firstContactHours })).toBe(text),
  );
});

const attr = (over: Partial<CategoryAttribute>): CategoryAttribute => ({
  code: 'floor',
  datatype: 'string',
  required: false,
  description: { zh: '所在楼层', en: 'Floor' },
  order: 1,
  values: [],
  ...over,
});

describe('services', () => {
  const version = {
    handleLimit: 5,
    handleUnit: 'working_days' as const,
    firstContactHours: 24,
    attributes: '[]',
  };
  const category = {
    code: 'property.repair',
    nameZh: '物业维修',
    nameEn: 'Property repairs',
    eventClass: null,
  };

  it('is realtime, named in Chinese, grouped under the parent, metadata false without attributes', () => {
    const s = toOpen311Service(category, version, '物业服务');
    expect(s).toEqual({
      service_code: 'property.repair',
      service_name: '物业维修',
      description: expect.stringContaining('物业维修（Property repairs）。本类诉求办理时限为5个工作日'),
      metadata: false,
      type: 'realtime',
      keywords: 'Property repairs, 物业服务',
      group: '物业服务',
    });
  });

  it('has metadata true with attributes, and no group at the top of the tree', () => {
    const s = toOpen311Service(
      { ...category, eventClass: '市容环境' },
      { ...version, attributes: JSON.stringify([attr({})]) },
      null,
    );
    expect(s.metadata).toBe(true);
    expect(s.group).toBeNull();
    expect(s.keywords).toBe('Property repairs, 市容环境');
  });

  it('defines attributes in order; values only for lists', () => {
    const defs = toOpen311Attributes([
      attr({
        code: 'trapped',
        datatype: 'singlevaluelist',
        required: true,
        order: 2,
        values: [{ key: 'yes', name: { zh: '是', en: 'Yes' } }],
      }),
      attr({ code: 'floor', order: 1 }),
    ]);
    expect(defs.map((d) => d.code)).toEqual(['floor', 'trapped']);
    expect(defs[0]).toEqual({
      variable: true,
      code: 'floor',
      datatype: 'string',
      required: false,
      datatype_description: null,
      order: 1,
      description: '所在楼层',
    });
    expect(defs[1]?.values).toEqual([{ key: 'yes', name: '是' }]);
    expect(defs[1]?.datatype_description).toContain('选择一项');
  });
});

describe('toOpen311Request', () => {
  const facts: PublicDemandFacts = {
    number: '2026112700001',
    status: 'dispatched',
    categoryCode: 'property.repair',
    serviceName: '物业维修',
    description: '楼道灯坏了',
    responsibleName: '第1网格',
    declineNote: null,
    mergedIntoNumber: null,
    receivedAt: '2026-11-27T06:05:00.000Z',
    lastEventAt: '2026-11-27T07:00:00.000Z',
    updatedAt: '2026-11-27T06:05:00.000Z',
    dueAt: '2026-12-02T09:00:00.000Z',
    address: '黄河五路 1 号',
    lat: 5,
    lng: 2,
    attributes: JSON.stringify({ media_url: 'https://example.org/p.jpg', floor: '3' }),
    handleLimit: 5,
    handleUnit: 'working_days',
    firstContactHours: 24,
  };

  it('maps every field with ids as strings and dates with the offset', () => {
    expect(toOpen311Request(facts)).toEqual({
      service_request_id: '2026112700001',
      status: 'open',
      status_notes: '已派遣至第1网格',
      service_name: '物业维修',
      service_code: 'property.repair',
      description: '楼道灯坏了',
      agency_responsible: '第1网格',
      service_notice: serviceNotice({ handleLimit: 5, handleUnit: 'working_days', firstContactHours: 24 }),
      requested_datetime: '2026-11-27T14:05:00+08:00',
      updated_datetime: '2026-11-27T15:00:00+08:00',
      expected_datetime: '2026-12-02T17:00:00+08:00',
      address: '黄河五路 1 号',
      address_id: null,
      zipcode: null,
      lat: 5,
      long: 2,
      media_url: 'https://example.org/p.jpg',
    });
  });

  it('falls back to updatedAt without steps, null expected date before a deadline, no media', () => {
    const r = toOpen311Request({
      ...facts,
      lastEventAt: null,
      dueAt: null,
      attributes: 'not json',
      handleLimit: null,
    });
    expect(r.updated_datetime).toBe('2026-11-27T14:05:00+08:00');
    expect(r.expected_datetime).toBeNull();
    expect(r.media_url).toBeNull();
    expect(r.service_notice).toBeNull();
  });

  it('carries no personal data, whatever the facts hold', () => {
    const withReporter = {
      ...facts,
      reporterNameMasked: '张*',
      reporterPhoneMasked: '138****5678',
    } as PublicDemandFacts;
    const text = JSON.stringify(toOpen311Request(withReporter));
    expect(text).not.toMatch(/张|138|reporter|email|phone|first_name|account/);
  });

  it('masks phone and ID numbers the resident typed into the description or the address', () => {
    const r = toOpen311Request({
      ...facts,
      description: '楼道灯坏了，请打13812345678联系我，身份证371602199001011234',
      address: '黄河五路1号，电话139-1234-5678',
    });
    expect(r.description).toBe('楼道灯坏了，请打138****5678联系我，身份证3716**********1234');
    expect(r.address).toBe('黄河五路1号，电话139****5678');
  });

  it('masks a name the resident introduced in the description or the address', () => {
    const r = toOpen311Request({
      ...facts,
      description: '我叫张三丰，楼道灯坏了',
      address: '黄河五路1号 联系人：李四',
    });
    expect(r.description).toBe('我叫张*丰，楼道灯坏了');
    expect(r.address).toBe('黄河五路1号 联系人：李*');
  });
});
