import type { Bilingual } from '../../server/errors';
import { open311Errors } from './demands.open311.errors';
import { OPEN311_MAX_REQUESTS, OPEN311_WINDOW_DAYS, type RequestsQuery } from './demands.open311.schemas';
import { type CreateDemandBody, createDemandBodySchema } from './demands.schemas';

// Reading what an Open311 client sends (GeoReport v2 "POST Service Request", "GET Service
// Requests"): form fields or JSON, `attribute[code]` answers, W3C dates, comma lists. Pure. An empty
// parameter counts as absent (GeoReport v2 "Optional Arguments").

export type FormFields = Record<string, string | string[]>;

/** application/x-www-form-urlencoded → fields; a name sent twice (`attribute[c][]`) keeps every value. */
export function parseFormBody(text: string): FormFields {
  const out: FormFields = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else out[k] = [prev, v].flat();
  }
  return out;
}

function scalar(v: unknown): string | null {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return first.trim() === '' ? null : first.trim();
  if (typeof first === 'number' && Number.isFinite(first)) return String(first);
  if (typeof first === 'boolean') return String(first);
  return null;
}

function values(v: unknown): string[] {
  return [v]
    .flat()
    .map(scalar)
    .filter((x): x is string => x !== null);
}

export interface Open311PostInput {
  apiKey: string | null;
  jurisdictionId: string | null;
  serviceCode: string | null;
  lat: string | null;
  long: string | null;
  addressString: string | null;
  addressId: string | null;
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  description: string | null;
  mediaUrl: string | null;
  /** attribute[code]=v → {code: 'v'}; attribute[code][]=v1&…=v2 → {code: ['v1','v2']}. */
  attributes: Record<string, string | string[]>;
}

const ATTRIBUTE_FIELD = /^attribute\[([^\]]{1,64})\](\[\])?$/;

/** The POST fields, from the body (form or JSON) with `api_key`/`jurisdiction_id` also read from the query. */
export function readPostInput(
  body: Record<string, unknown> | undefined,
  query: { api_key?: string | undefined; jurisdiction_id?: string | undefined },
): Open311PostInput {
  const b = body ?? {};
  const attributes: Record<string, string | string[]> = {};
  const put = (code: string, v: unknown, many: boolean) => {
    const vs = values(v);
    if (vs.length === 0) return;
    attributes[code] = many || vs.length > 1 ? vs : (vs[0] as string);
  };
  for (const [k, v] of Object.entries(b)) {
    const m = ATTRIBUTE_FIELD.exec(k);
    if (m?.[1]) put(m[1], v, !!m[2]);
  }
  // JSON clients may nest the answers: {"attribute": {"code": "v", "other": ["a", "b"]}}.
  if (b.attribute && typeof b.attribute === 'object' && !Array.isArray(b.attribute))
    for (const [code, v] of Object.entries(b.attribute as Record<string, unknown>))
      put(code, v, Array.isArray(v));
  return {
    apiKey: scalar(b.api_key) ?? scalar(query.api_key),
    jurisdictionId: scalar(b.jurisdiction_id) ?? scalar(query.jurisdiction_id),
    serviceCode: scalar(b.service_code),
    lat: scalar(b.lat),
    long: scalar(b.long),
    addressString: scalar(b.address_string),
    addressId: scalar(b.address_id),
    email: scalar(b.email),
    deviceId: scalar(b.device_id),
    accountId: scalar(b.account_id),
    firstName: scalar(b.first_name),
    lastName: scalar(b.last_name),
    phone: scalar(b.phone),
    description: scalar(b.description),
    mediaUrl: scalar(b.media_url),
    attributes,
  };
}

const CJK = /^[\u3400-\u9fff\u00b7]+$/;

/** first_name + last_name as one name: 姓 before 名 for Chinese names, "first last" otherwise. */
export function reporterNameOf(first: string | null, last: string | null): string | null {
  if (first && last) return CJK.test(first) && CJK.test(last) ? `${last}${first}` : `${first} ${last}`;
  return first ?? last ?? null;
}

const problem = (zh: string, en: string): Bilingual => ({ zh, en });
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Our intake's field names → the Open311 parameter a client sent, for error descriptions. */
export function open311FieldName(field: string): string {
  if (field.startsWith('attributes.')) return `attribute[${field.slice('attributes.'.length).split('.')[0]}]`;
  if (field.startsWith('location')) return 'lat/long';
  const names: Record<string, string> = {
    categoryCode: 'service_code',
    description: 'description',
    location: 'lat/long',
    areaCode: 'address_id',
    address: 'address_string',
    reporterName: 'first_name/last_name',
    reporterPhone: 'phone',
    attributes: 'attribute',
  };
  return names[field] ?? field;
}

/**
 * The intake body of a POST: lat/long → location, address_string → address, address_id → an area
 * code of ours (a building or compound), first/last name → reporterName, phone → reporterPhone,
 * attributes as given, media_url kept as the `media_url` attribute (we do not fetch remote files).
 * A missing description is the service's name. Checked against the intake contract
 * (createDemandBodySchema); every problem is collected and thrown at once (400). The category's
 * attribute answers and the phone number are checked by intake itself (demands.intake.rules.ts).
 */
export function toDemandBody(
  input: Open311PostInput,
  service: { code: string; serviceName: string },
): CreateDemandBody {
  const problems: Bilingual[] = [];
  let location: { lng: number; lat: number } | null = null;
  if (input.lat !== null || input.long !== null) {
    if (input.lat === null || input.long === null)
      problems.push(problem('lat 与 long 须同时提供', 'lat and long must both be given'));
    else if (!NUMBER.test(input.lat) || !NUMBER.test(input.long))
      problems.push(problem('lat/long 不是有效的 WGS84 坐标', 'lat/long is not a valid WGS84 position'));
    else location = { lng: Number(input.long), lat: Number(input.lat) };
  }
  if (input.lat === null && input.long === null && input.addressString === null && input.addressId === null)
    problems.push(
      problem(
        '缺少位置：须提供 lat 与 long、address_string 或 address_id 之一',
        'A location is required: lat & long, address_string or address_id',
      ),
    );
  if (input.mediaUrl !== null && !/^https?:\/\/\S+$/i.test(input.mediaUrl))
    problems.push(problem('media_url 须为 http(s) 地址', 'media_url must be an http(s) URL'));
  const candidate = {
    categoryCode: service.code,
    description: input.description ?? service.serviceName,
    channel: 'hotline',
    origin: 'resident',
    location,
    areaCode: input.addressId,
    address: input.addressString,
    reporterName: reporterNameOf(input.firstName, input.lastName),
    reporterPhone: input.phone,
    anonymous: false,
    callbackConsent: input.phone !== null,
    photos: [],
    attributes: { ...input.attributes, ...(input.mediaUrl ? { media_url: input.mediaUrl } : {}) },
  };
  const parsed = createDemandBodySchema.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = open311FieldName(issue.path.map(String).join('.'));
      problems.push(
        problem(`${field} 不符合要求：${issue.message}`, `${field} is invalid: ${issue.message}`),
      );
    }
  if (problems.length || !parsed.success) throw open311Errors.invalid(problems);
  return parsed.data;
}

const W3C = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+\- ]\d{2}:\d{2}))?$/;

/**
 * A W3C date-time from a query string. A `+` left unencoded arrives as a space and is read as `+`.
 * A bare date is a China day: its start for `start_date`, its last millisecond for `end_date`.
 */
export function parseW3c(text: string, edge: 'start' | 'end'): Date | null {
  const m = W3C.exec(text.trim());
  if (!m) return null;
  const [, date, hh, mm, ss, frac, zone] = m;
  const iso = hh
    ? `${date}T${hh}:${mm}:${ss ?? '00'}${frac ?? ''}${zone === 'Z' ? 'Z' : zone?.replace(' ', '+')}`
    : `${date}T00:00:00+08:00`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  // Date.parse rolls 2026-02-30 over to March; refuse days that do not exist.
  const china = new Date(Date.parse(`${date}T12:00:00+08:00`) + 8 * 3_600_000).toISOString().slice(0, 10);
  if (china !== date) return null;
  return new Date(hh || edge === 'start' ? t : t + 86_400_000 - 1);
}

export type RequestsFilter =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'window'; from: Date; to: Date; serviceCodes: string[]; statuses: ('open' | 'closed')[] };

const list = (v: string | string[] | undefined) =>
  [v ?? []]
    .flat()
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);

const DAY_MS = 86_400_000;

/**
 * GET requests arguments: `service_request_id` overrides the rest; otherwise requested_datetime
 * within a window of at most 90 days, by default the last 90 days (GeoReport v2 "Response Volume").
 */
export function readRequestsQuery(q: RequestsQuery, now: Date): RequestsFilter {
  const ids = list(q.service_request_id);
  if (ids.length) return { kind: 'ids', ids: [...new Set(ids)].slice(0, OPEN311_MAX_REQUESTS) };
  const problems: Bilingual[] = [];
  const start = q.start_date ? parseW3c(q.start_date, 'start') : null;
  const end = q.end_date ? parseW3c(q.end_date, 'end') : null;
  if (q.start_date && !start)
    problems.push(
      problem(
        'start_date 须为 W3C 日期时间，如 2026-11-01T00:00:00+08:00',
        'start_date must be a W3C date-time',
      ),
    );
  if (q.end_date && !end)
    problems.push(
      problem('end_date 须为 W3C 日期时间，如 2026-11-30T23:59:59+08:00', 'end_date must be a W3C date-time'),
    );
  const span = OPEN311_WINDOW_DAYS * DAY_MS;
  const from = start ?? (end ? new Date(end.getTime() - span) : new Date(now.getTime() - span));
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  if (start && end && end < start)
    problems.push(problem('end_date 不能早于 start_date', 'end_date is before start_date'));
  else if (start && end && end.getTime() - start.getTime() > span)
    problems.push(problem('查询范围不能超过 90 天', 'The date range may not span more than 90 days'));
  const statuses = list(q.status).map((s) => s.toLowerCase());
  const badStatus = statuses.filter((s) => s !== 'open' && s !== 'closed');
  if (badStatus.length)
    problems.push(
      problem(`status 只能是 open 或 closed（收到 ${badStatus.join(',')}）`, 'status must be open or closed'),
    );
  if (problems.length) throw open311Errors.invalid(problems);
  return {
    kind: 'window',
    from,
    to,
    serviceCodes: [...new Set(list(q.service_code))],
    statuses: [...new Set(statuses)] as ('open' | 'closed')[],
  };
}
