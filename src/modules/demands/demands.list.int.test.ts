import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendDemandEvent } from './demands.events.repository';
import { ensureFixtureCategory, fileTestDemand, POINT_B1, walk } from './demands.fixtures';
import { createHandlingTestApp, type HandlingTestApp } from './demands.handling.fixtures';
import type { DemandListItem } from './demands.schemas';

// The inbox: scope first, then every filter; the resident's own; paging; the Excel export.

let h: HandlingTestApp;
const D: Record<string, { id: string; number: string }> = {};
const china = (local: string) => new Date(`${local}+08:00`);
const HOUR = 3_600_000;

interface ListBody {
  items: DemandListItem[];
  nextCursor: string | null;
  total: number;
}

beforeAll(async () => {
  h = await createHandlingTestApp();
  const db = h.t.db.kysely;
  const noise = await ensureFixtureCategory(db, { code: 'fixture.noise' });
  const file = async (
    key: string,
    at: string,
    over: Parameters<typeof fileTestDemand>[2] = {},
    s = h.as.district,
  ) => {
    const f = await fileTestDemand(h.t, s, {
      description: `诉求${key}：楼道灯坏了`,
      now: china(at),
      ...over,
    });
    D[key] = { id: f.id, number: f.number };
    return f.id;
  };
  await file('mobile', '2025-03-10T10:00:00', {}, h.as.resident);
  await file('late', '2025-03-10T23:30:00');
  await file('midnight', '2025-03-11T00:00:00', { categoryCode: noise });
  await file('streetB', '2025-03-12T10:00:00', { location: POINT_B1 });
  await file('patrol', '2025-03-12T11:00:00', { channel: 'patrol' }, h.as.gridA1);
  for (const k of [
    'overdue',
    'soon',
    'contact',
    'property',
    'closed',
    'followed',
    'target',
    'merged',
    'handled',
  ]) {
    await file(
      k,
      `2025-03-13T${String(8 + Object.keys(D).length).padStart(2, '0')}:00:00`,
      {},
      k === 'merged' ? h.as.resident : h.as.district,
    );
  }
  await walk(h.t, h.as.district, D.late!.id, ['register']);
  for (const k of ['overdue', 'soon', 'contact'])
    await walk(h.t, h.as.district, D[k]!.id, ['register', 'dispatch']);
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  await db
    .updateTable('demands')
    .set({ dueAt: iso(now - HOUR) })
    .where('id', '=', D.overdue!.id)
    .execute();
  await db
    .updateTable('demands')
    .set({ dueAt: iso(now + 60_000), firstContactedAt: iso(now) })
    .where('id', '=', D.soon!.id)
    .execute();
  await db
    .updateTable('demands')
    .set({ dueAt: iso(now + 400 * HOUR), firstContactDueAt: iso(now - HOUR) })
    .where('id', '=', D.contact!.id)
    .execute();
  await db
    .updateTable('demands')
    .set({ firstContactedAt: iso(now) })
    .where('id', '=', D.overdue!.id)
    .execute();
  await walk(h.t, h.as.district, D.property!.id, [
    'register',
    {
      action: 'dispatch',
      responsible: { kind: 'property_company', ref: h.units.propertyA1 },
      handlerUserId: h.ids.propA1,
    },
  ]);
  await walk(h.t, h.as.district, D.handled!.id, [
    'register',
    {
      action: 'dispatch',
      responsible: { kind: 'community', ref: '371602001001' },
      handlerUserId: h.ids.gridA1,
    },
  ]);
  await walk(h.t, h.as.district, D.closed!.id, [
    'register',
    'dispatch',
    'accept',
    'reply',
    'verify_pass',
    'close',
  ]);
  await db
    .updateTable('demands')
    .set({ dueAt: iso(now + 400 * HOUR) })
    .where('id', 'in', [D.property!.id, D.handled!.id])
    .execute();
  // The resident follows one demand and had theirs merged into another.
  await appendDemandEvent(db, {
    demandId: D.followed!.id,
    action: 'follow',
    fromStatus: 'received',
    toStatus: 'received',
    actorId: h.ids.resident,
    actorLabel: '诉求人',
    data: { userId: h.ids.resident },
    at: new Date().toISOString(),
  });
  await walk(h.t, h.as.district, D.merged!.id, [{ action: 'merge', intoId: D.target!.id }]);
});
afterAll(() => h.close());

const list = async (s = h.as.district, qs = '') => {
  const res = await h.t.request(s, { method: 'GET', url: `/api/v1/demands${qs ? `?${qs}` : ''}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ListBody;
};
const keysOf = (b: ListBody) =>
  b.items.map((i) => Object.entries(D).find(([, v]) => v.id === i.id)?.[0] ?? i.id).sort();
const keys = (...k: string[]) => k.sort();

describe('scope comes first', () => {
  it('the district sees all, street A not street B’s, street B only its own', async () => {
    expect((await list()).total).toBe(Object.keys(D).length);
    expect(keysOf(await list(h.as.streetA))).not.toContain('streetB');
    expect(keysOf(await list(h.as.streetB))).toEqual(['streetB']);
    expect(keysOf(await list(h.as.district, 'areaCode=371602002'))).toEqual(['streetB']);
  });

  it('an area outside the caller’s scope is 404; a resident without mine is 403', async () => {
    expect(
      (await h.t.request(h.as.streetA, { method: 'GET', url: '/api/v1/demands?areaCode=371602002' }))
        .statusCode,
    ).toBe(404);
    expect((await h.t.request(h.as.resident, { method: 'GET', url: '/api/v1/demands' })).statusCode).toBe(
      403,
    );
  });
});

describe('each filter', () => {
  it.each([
    ['status=registered', ['late']],
    ['status=registered,closed', ['late', 'closed']],
    ['categoryCode=fixture.noise', ['midnight']],
    ['channel=mobile', ['mobile', 'merged']],
    ['channel=patrol', ['patrol']],
    ['open=false', ['closed', 'merged']],
    ['due=overdue', ['overdue']],
    ['due=dueSoon', ['soon']],
    ['due=contactOverdue', ['contact']],
    ['responsibleKind=property_company', ['property']],
    ['responsibleKind=community&responsibleRef=371602001001', ['handled']],
    ['receivedFrom=2025-03-10&receivedTo=2025-03-10', ['mobile', 'late']],
    ['receivedFrom=2025-03-11&receivedTo=2025-03-11', ['midnight']],
    ['q=%E8%AF%89%E6%B1%82patrol', ['patrol']],
  ])('%s', async (qs, expected) => {
    expect(keysOf(await list(h.as.district, qs))).toEqual(keys(...expected));
  });

  it('a parent category takes in its sub-categories', async () => {
    expect((await list(h.as.district, 'categoryCode=fixture')).total).toBe(Object.keys(D).length);
  });

  it('open=true leaves out what has ended', async () => {
    const open = keysOf(await list(h.as.district, 'open=true'));
    expect(open).not.toContain('closed');
    expect(open).not.toContain('merged');
    expect(open).toContain('late');
  });

  it('a number prefix finds the demand', async () => {
    const n = D.streetB!.number;
    expect(keysOf(await list(h.as.district, `q=${n}`))).toEqual(['streetB']);
    expect((await list(h.as.district, `q=${n.slice(0, 8)}`)).total).toBeGreaterThan(1);
  });

  it('an unknown status is a 400 naming the field', async () => {
    const res = await h.t.request(h.as.district, {
      method: 'GET',
      url: '/api/v1/demands?status=received,nope',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ field: 'status' }] });
  });

  it('items carry the place, the category name and the flags', async () => {
    const b = await list(h.as.district, 'due=overdue');
    expect(b.items[0]).toMatchObject({
      placeName: '市中1号小区',
      categoryName: { zh: '测试类别fixture.repair' },
      flags: { overdue: true, dueSoon: false, contactOverdue: false },
    });
  });
});

describe('mine', () => {
  it('a grid worker’s are those assigned to them or dispatched to their grid', async () => {
    expect(keysOf(await list(h.as.gridA1, 'mine=true'))).toEqual(
      keys('overdue', 'soon', 'contact', 'closed', 'handled'),
    );
  });

  it('property staff’s are those assigned to them', async () => {
    expect(keysOf(await list(h.as.propA1, 'mine=true'))).toEqual(['property']);
  });

  it('a resident’s are those they filed, follow, or had merged into another', async () => {
    expect(keysOf(await list(h.as.resident, 'mine=true'))).toEqual(
      keys('mobile', 'merged', 'followed', 'target'),
    );
    expect((await list(h.as.neighbour, 'mine=true')).total).toBe(0);
  });
});

describe('paging', () => {
  it('walks the whole list newest first, two at a time, with the same total on every page', async () => {
    const all = await list(h.as.district, 'limit=200');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ListBody = await list(h.as.district, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(all.total);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.id));
    const received = all.items.map((i) => i.receivedAt);
    expect([...received].sort().reverse()).toEqual(received);
  });
});

describe('the Excel export', () => {
  it('opens with exceljs, has Chinese headers and the filtered rows, masks the reporter, and is audited', async () => {
    const res = await h.t.request(h.as.streetA, {
      method: 'GET',
      url: '/api/v1/demands.xlsx?channel=mobile',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => {
      rows.push(
        (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
      );
    });
    expect(rows[0]?.slice(0, 4)).toEqual(['诉求编号', '状态', '类别', '渠道']);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([D.mobile!.number, D.merged!.number].sort());
    const text = rows.flat().join('|');
    expect(text).toContain('138****5678');
    expect(text).toContain('张*丰');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('张三丰');
    const audit = await h.t.db.kysely
      .selectFrom('auditLog')
      .select(['summary'])
      .where('action', '=', 'demands.export')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({ rows: 2, filters: { channel: 'mobile' } });
  });

  it('street A’s export has no street B row; a resident cannot export (403)', async () => {
    const res = await h.t.request(h.as.streetA, { method: 'GET', url: '/api/v1/demands.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const numbers: string[] = [];
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) numbers.push(String(row.getCell(1).value));
    });
    expect(numbers).toHaveLength(Object.keys(D).length - 1);
    expect(numbers).not.toContain(D.streetB!.number);
    expect(
      (await h.t.request(h.as.resident, { method: 'GET', url: '/api/v1/demands.xlsx?mine=true' })).statusCode,
    ).toBe(403);
  });
});

describe('a co-reporter of a merged demand', () => {
  it('follows the demand it joined: in their list, and open to them', async () => {
    const filed = async (key: string) => {
      const f = await fileTestDemand(h.t, h.as.district, { description: `诉求${key}：路灯不亮` });
      D[key] = { id: f.id, number: f.number };
      return f.id;
    };
    const away = await filed('coAway');
    const kept = await filed('coKept');
    const follow = await h.t.request(h.as.neighbour, {
      method: 'POST',
      url: `/api/v1/demands/${away}/follow`,
    });
    expect(follow.statusCode, follow.body).toBe(200);
    const detail = (id: string) =>
      h.t.request(h.as.neighbour, { method: 'GET', url: `/api/v1/demands/${id}` });
    expect((await detail(kept)).statusCode).toBe(404);
    await walk(h.t, h.as.district, away, [{ action: 'merge', intoId: kept }]);
    expect(keysOf(await list(h.as.neighbour, 'mine=true'))).toEqual(keys('coAway', 'coKept'));
    expect((await detail(kept)).statusCode).toBe(200);
  });
});
