import { maskPersonalText } from '../../lib/mask';
import type { Open311Attribute, Open311Request, Open311Service } from './demands.open311.schemas';
import type { CategoryAttribute } from './demands.schemas';
import type { CategoryRow, CategoryVersionRow, DemandStatus, LimitUnit } from './demands.table';

// Our demands as Open311 sees them (GeoReport v2): the ten fine states folded into open/closed with
// the fine state told in `status_notes`, the category catalogue as services, W3C dates in China
// time. Pure: no I/O.

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A stored ISO instant as a W3C date-time in China time: 2026-11-27T14:05:00+08:00 (no fractions). */
export function toW3c(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`open311: not an instant: ${iso}`);
  return `${new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** Open while the demand is being handled; closed once ended, whichever way (办结, 不予立案, 合并). */
export const OPEN311_STATUS: Readonly<Record<DemandStatus, 'open' | 'closed'>> = {
  received: 'open',
  registered: 'open',
  dispatched: 'open',
  in_hand: 'open',
  replied: 'open',
  verified: 'open',
  closed: 'closed',
  rated: 'closed',
  declined: 'closed',
  merged: 'closed',
};

/** Our states that fold into one Open311 status, for filtering. */
export function demandStatusesOf(open311: 'open' | 'closed'): DemandStatus[] {
  return (Object.keys(OPEN311_STATUS) as DemandStatus[]).filter((s) => OPEN311_STATUS[s] === open311);
}

export interface StatusFacts {
  status: DemandStatus;
  responsibleName: string | null;
  /** The note of the decline step: the reason told to the resident. */
  declineNote: string | null;
  mergedIntoNumber: string | null;
}

/** Our fine state in Chinese, for `status_notes`. */
export function statusNotes(f: StatusFacts): string {
  const party = f.responsibleName ?? '承办单位';
  switch (f.status) {
    case 'received':
      return '已受理，等待立案';
    case 'registered':
      return '已立案，等待派遣';
    case 'dispatched':
      return `已派遣至${party}`;
    case 'in_hand':
      return `${party}已签收，正在办理`;
    case 'replied':
      return `${party}已反馈办理结果，等待核查`;
    case 'verified':
      return '办理结果已核查通过，等待结案';
    case 'closed':
      return '已办结';
    case 'rated':
      return '已办结，已回访评价';
    case 'declined':
      // Beijing art. 15(2)-style explanation to the resident: the reason is told, not hidden.
      return f.declineNote?.trim() ? `不予立案：${f.declineNote.trim()}` : '不予立案';
    case 'merged':
      return f.mergedIntoNumber
        ? `与诉求 ${f.mergedIntoNumber} 为同一事项，已合并办理`
        : '已与同一事项合并办理';
  }
}

const UNIT_ZH: Readonly<Record<LimitUnit, string>> = {
  working_hours: '个工作小时',
  working_days: '个工作日',
  calendar_days: '个自然日',
};

/**
 * The time limits of a category version, told to the resident (`service_notice`): the handling
 * limit marked on the order (Beijing art. 13) and first contact by the handler (art. 15(1)).
 */
export function serviceNotice(
  v: Pick<CategoryVersionRow, 'handleLimit' | 'handleUnit' | 'firstContactHours'>,
): string {
  return (
    `本类诉求办理时限为${v.handleLimit}${UNIT_ZH[v.handleUnit]}，` +
    `承办单位应在${v.firstContactHours}个工作小时内与诉求人首次联系。`
  );
}

/** A service (GET services): an active leaf category; `group` is its parent's name. */
export function toOpen311Service(
  c: Pick<CategoryRow, 'code' | 'nameZh' | 'nameEn' | 'eventClass'>,
  v: Pick<CategoryVersionRow, 'handleLimit' | 'handleUnit' | 'firstContactHours' | 'attributes'>,
  parentName: string | null,
): Open311Service {
  const attributes = JSON.parse(v.attributes) as unknown[];
  const keywords = [c.nameEn, c.eventClass, parentName].filter((k): k is string => !!k?.trim());
  return {
    service_code: c.code,
    service_name: c.nameZh,
    description: `${c.nameZh}（${c.nameEn}）。${serviceNotice(v)}`,
    metadata: attributes.length > 0,
    type: 'realtime',
    keywords: keywords.join(', '),
    group: parentName,
  };
}

const DATATYPE_DESCRIPTION: Readonly<Record<CategoryAttribute['datatype'], string | null>> = {
  string: null,
  text: null,
  number: '填写数字 (a number)',
  datetime: '日期时间，如 2026-11-27T14:05:00+08:00 (an ISO 8601 date-time)',
  singlevaluelist: '从下列选项中选择一项 (choose one key)',
  multivaluelist: '可选择多项 (choose one key or several)',
};

/** A category's intake attributes as a GeoReport v2 service definition, in their order. */
export function toOpen311Attributes(attrs: readonly CategoryAttribute[]): Open311Attribute[] {
  return [...attrs]
    .sort((a, b) => a.order - b.order)
    .map((a) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: DATATYPE_DESCRIPTION[a.datatype],
      order: a.order,
      description: a.description.zh,
      ...(a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist'
        ? { values: a.values.map((v) => ({ key: v.key, name: v.name.zh })) }
        : {}),
    }));
}

/** What the public request view is made from: one demand with its category, version and last step. */
export interface PublicDemandFacts extends StatusFacts {
  number: string;
  categoryCode: string;
  serviceName: string;
  description: string;
  receivedAt: string;
  /** The last step on the timeline; the row's updatedAt when there is none. */
  lastEventAt: string | null;
  updatedAt: string;
  dueAt: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  /** The demand's attribute answers (JSON text); only `media_url` is published. */
  attributes: string;
  handleLimit: number | null;
  handleUnit: LimitUnit | null;
  firstContactHours: number | null;
}

/**
 * A demand as a public service request. No personal data: no reporter name, phone, email or
 * account, whether or not the demand was anonymous; the description is the resident's own text,
 * published under the disclosure duty of Beijing art. 34 (接诉即办工作公开制度), with any phone
 * or ID number typed into it (or into the address) masked (PIPL art. 6, 最小必要).
 */
export function toOpen311Request(d: PublicDemandFacts): Open311Request {
  let mediaUrl: string | null = null;
  try {
    const attrs = JSON.parse(d.attributes) as Record<string, unknown>;
    if (typeof attrs.media_url === 'string' && attrs.media_url) mediaUrl = attrs.media_url;
  } catch {
    mediaUrl = null;
  }
  return {
    service_request_id: d.number,
    status: OPEN311_STATUS[d.status],
    status_notes: statusNotes(d),
    service_name: d.serviceName,
    service_code: d.categoryCode,
    description: maskPersonalText(d.description),
    agency_responsible: d.responsibleName,
    service_notice:
      d.handleLimit !== null && d.handleUnit !== null && d.firstContactHours !== null
        ? serviceNotice({
            handleLimit: d.handleLimit,
            handleUnit: d.handleUnit,
            firstContactHours: d.firstContactHours,
          })
        : null,
    requested_datetime: toW3c(d.receivedAt),
    updated_datetime: toW3c(d.lastEventAt ?? d.updatedAt),
    expected_datetime: d.dueAt ? toW3c(d.dueAt) : null,
    address: d.address === null ? null : maskPersonalText(d.address),
    address_id: null,
    zipcode: null,
    lat: d.lat,
    long: d.lng,
    media_url: mediaUrl,
  };
}
