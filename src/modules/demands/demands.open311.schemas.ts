import { z } from 'zod';

// The Open311 GeoReport v2 contract (/work/shared/open311: GeoReport_v2_index.md, Service_Discovery.md).
// Names are the spec's, snake_case. JSON follows the Spark convention: lists are top-level arrays
// and `<services><service>`, `<service_requests><request>`, `<errors><error>` in XML
// (demands.open311.xml.ts). Ids are strings. Dates are W3C with the +08:00 offset.

/** We serve one jurisdiction; `jurisdiction_id` is optional and any other value is 404. */
export const OPEN311_JURISDICTION = 'binzhou.gov.cn';
export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];
/** GET requests: the default window and the most requests one answer holds. */
export const OPEN311_WINDOW_DAYS = 90;
export const OPEN311_MAX_REQUESTS = 1000;

/** Repeated query parameters arrive as arrays; the spec also allows comma lists. */
const listParam = z.union([z.string(), z.array(z.string())]).optional();
const param = z.string().optional();

// Path params: `format` is checked in a hook (anything but json/xml is 404, not 400).
export const formatParamsSchema = z.object({
  format: z.string().describe('json or xml'),
});
export const serviceParamsSchema = formatParamsSchema.extend({ service_code: z.string().min(1).max(64) });
export const requestParamsSchema = formatParamsSchema.extend({
  service_request_id: z.string().min(1).max(64),
});
export const tokenParamsSchema = formatParamsSchema.extend({ token: z.string().min(1).max(128) });

// Query strings are not strict: outside clients send what their library sends; unknown names are ignored.
export const jurisdictionQuerySchema = z.object({ jurisdiction_id: param });
export const requestsQuerySchema = z.object({
  jurisdiction_id: param,
  service_request_id: listParam.describe('comma-separated; overrides every other argument'),
  service_code: listParam.describe('comma-separated'),
  start_date: param.describe('W3C date-time, e.g. 2026-11-01T00:00:00+08:00'),
  end_date: param.describe('W3C date-time; the range may not span more than 90 days'),
  status: listParam.describe('open, closed, or both comma-separated'),
});
export type RequestsQuery = z.infer<typeof requestsQuerySchema>;
export const postQuerySchema = z.object({ jurisdiction_id: param, api_key: param });

/** A form field, or a JSON value of it; null counts as absent (GeoReport v2 "Optional Arguments"). */
const field = z
  .union([z.string(), z.number(), z.array(z.string())])
  .nullable()
  .optional();

/**
 * POST requests body: form-encoded (`attribute[code]=v`, `attribute[code][]=v1&attribute[code][]=v2`)
 * or JSON (the same names, or `attribute: {code: v}`). Read and checked by readPostInput/toDemandBody.
 */
export const postBodySchema = z
  .object({
    api_key: field.describe(
      'an API token of ours whose role holds demands.create (may also be in the query)',
    ),
    jurisdiction_id: field.describe('binzhou.gov.cn, or absent'),
    service_code: field.describe('required: a service_code of GET services'),
    lat: field.describe('WGS84; with long, or address_string, or address_id'),
    long: field,
    address_string: field,
    address_id: field.describe('one of our area codes (a building or compound)'),
    email: field.describe('accepted, not kept'),
    device_id: field.describe('accepted, not kept'),
    account_id: field.describe('echoed in the answer, not kept'),
    first_name: field,
    last_name: field,
    phone: field.describe('an 11-digit mainland mobile number; kept encrypted for the callback'),
    description: field.describe('at most 2000 characters; the service name when absent'),
    media_url: field.describe('an http(s) URL, kept as given and published; not fetched'),
    attribute: z
      .record(z.string(), z.unknown())
      .nullable()
      .optional()
      .describe('JSON: {code: value}; form: attribute[code]=value'),
  })
  .catchall(z.unknown())
  .optional();

export const open311ErrorSchema = z.object({ code: z.number().int(), description: z.string() });
export const open311ErrorsSchema = z.array(open311ErrorSchema);
export type Open311ErrorBody = z.infer<typeof open311ErrorSchema>;

export const open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string().nullable(),
});
export type Open311Service = z.infer<typeof open311ServiceSchema>;

export const open311AttributeSchema = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int(),
  description: z.string(),
  /** Only for singlevaluelist and multivaluelist. */
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});
export type Open311Attribute = z.infer<typeof open311AttributeSchema>;

export const open311ServiceDefinitionSchema = z.object({
  service_code: z.string(),
  attributes: z.array(open311AttributeSchema),
});
export type Open311ServiceDefinition = z.infer<typeof open311ServiceDefinitionSchema>;

/** POST answer: `service_request_id` or `token`, never both. */
export const open311PostResultSchema = z.object({
  service_request_id: z.string().optional(),
  token: z.string().optional(),
  service_notice: z.string().nullable(),
  account_id: z.string().nullable(),
});
export type Open311PostResult = z.infer<typeof open311PostResultSchema>;

/** GET tokens answer: `service_request_id` appears once the demand is registered. */
export const open311TokenResultSchema = z.object({
  service_request_id: z.string().optional(),
  token: z.string(),
});
export type Open311TokenResult = z.infer<typeof open311TokenResultSchema>;

export const open311RequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().nullable(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type Open311Request = z.infer<typeof open311RequestSchema>;

export const open311DiscoverySchema = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
export type Open311Discovery = z.infer<typeof open311DiscoverySchema>;
