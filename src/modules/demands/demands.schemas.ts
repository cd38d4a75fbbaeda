import { z } from 'zod';
import {
  DEMAND_CHANNELS,
  DEMAND_ORIGINS,
  DEMAND_STATUSES,
  LIMIT_UNITS,
  RATINGS,
  RESPONSIBLE_KINDS,
} from './demands.table';
import { DEMAND_ACTION_NAMES, type DemandAction } from './demands.workflow';

// The demands API contract (console, mobile and outside systems through /api/v1; Open311 has its
// own in demands.open311.schemas.ts). The web imports the inferred types.

export const areaCodeSchema = z.string().regex(/^\d{2,32}$/, 'an area code of 2–32 digits');
export const idParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');
export const demandStatusSchema = z.enum(DEMAND_STATUSES);
export const responsibleKindSchema = z.enum(RESPONSIBLE_KINDS);
export const ratingSchema = z.enum(RATINGS);
export const limitUnitSchema = z.enum(LIMIT_UNITS);
const isoInstant = z.string();

/** Up to nine photos, uploaded first through POST /api/v1/demands/files. */
export const photoIdsSchema = z.array(sha256Schema).max(9);

/** A category's attribute answers: Open311 attribute codes → a value or several. */
export const attributeAnswersSchema = z.record(
  z.string().max(64),
  z.union([z.string().max(500), z.array(z.string().max(100)).max(20)]),
);

/**
 * Filing a demand (受理). The place is a point picked on the map, an area code picked from the tree,
 * or a typed address the hotline places later; at least one of the three. `channel` says who is
 * filing: `mobile` a signed-in resident, `patrol` a grid worker, `hotline` an operator.
 */
export const createDemandBodySchema = z.strictObject({
  categoryCode: z.string().min(1).max(64),
  description: z.string().trim().min(1).max(2000),
  channel: z.enum(['mobile', 'patrol', 'hotline']),
  origin: z.enum(DEMAND_ORIGINS).default('resident'),
  location: z
    .strictObject({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })
    .nullish(),
  areaCode: areaCodeSchema.nullish(),
  address: z.string().trim().max(300).nullish(),
  reporterName: z.string().trim().max(50).nullish(),
  reporterPhone: z.string().trim().max(32).nullish(),
  anonymous: z.boolean().default(false),
  /** The reporter agrees to be called back (回访); without a reachable phone there is no valid callback. */
  callbackConsent: z.boolean().default(true),
  photos: photoIdsSchema.default([]),
  attributes: attributeAnswersSchema.default({}),
});
export type CreateDemandBody = z.infer<typeof createDemandBodySchema>;

export const responsibleSchema = z.strictObject({
  kind: responsibleKindSchema,
  /** A grid/community/street code, a handling unit id, or an owners' committee id. */
  ref: z.string().min(1).max(64),
});
export type Responsible = z.infer<typeof responsibleSchema>;

/** One handling step. Which fields an action needs is checked by the service, naming the field. */
export const demandActionBodySchema = z.strictObject({
  action: z.enum(DEMAND_ACTION_NAMES as [DemandAction, ...DemandAction[]]),
  note: z.string().trim().max(2000).nullish(),
  photos: photoIdsSchema.default([]),
  /** dispatch, reassign: to whom. */
  responsible: responsibleSchema.nullish(),
  /** dispatch, reassign, accept: the user who handles it (optional). */
  handlerUserId: z.string().max(64).nullish(),
  /** merge: the open demand this one joins. */
  intoId: z.string().max(64).nullish(),
  /** extend: the new limit, counted from now. */
  extension: z.strictObject({ limit: z.number().int().min(1).max(365), unit: limitUnitSchema }).nullish(),
  /** whistle: the unit summoned. report_in: the whistle answered. */
  unitId: z.string().max(64).nullish(),
  whistleId: z.string().max(64).nullish(),
  /** rate: the resident's answers on callback. */
  rating: ratingSchema.nullish(),
  resolved: z.boolean().nullish(),
});
export type DemandActionBody = z.infer<typeof demandActionBodySchema>;

export const dueFlagsSchema = z.object({
  /** The handling deadline has passed and the demand is not yet replied. */
  overdue: z.boolean(),
  /** The deadline falls within the due-soon window (settings.dueSoonHours working hours). */
  dueSoon: z.boolean(),
  /** Dispatched, no first contact yet, and the first-contact deadline has passed. */
  contactOverdue: z.boolean(),
});
export type DueFlags = z.infer<typeof dueFlagsSchema>;

export const demandListItemSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: demandStatusSchema,
  categoryCode: z.string(),
  categoryName: z.object({ zh: z.string(), en: z.string() }),
  channel: z.enum(DEMAND_CHANNELS),
  origin: z.enum(DEMAND_ORIGINS),
  /** The first 120 characters. */
  summary: z.string(),
  address: z.string().nullable(),
  path: z.string(),
  gridCode: z.string().nullable(),
  compoundCode: z.string().nullable(),
  placeName: z.string().nullable(),
  responsibleKind: responsibleKindSchema.nullable(),
  responsibleName: z.string().nullable(),
  receivedAt: isoInstant,
  dispatchedAt: isoInstant.nullable(),
  firstContactDueAt: isoInstant.nullable(),
  firstContactedAt: isoInstant.nullable(),
  dueAt: isoInstant.nullable(),
  closedAt: isoInstant.nullable(),
  rating: ratingSchema.nullable(),
  reworkCount: z.number().int(),
  flags: dueFlagsSchema,
});
export type DemandListItem = z.infer<typeof demandListItemSchema>;

export const demandListQuerySchema = z.strictObject({
  areaCode: areaCodeSchema.optional(),
  status: z
    .union([demandStatusSchema, z.string().regex(/^[a-z_]+(,[a-z_]+)*$/)])
    .optional()
    .describe('a status or several, comma-separated'),
  categoryCode: z.string().max(64).optional(),
  channel: z.enum(DEMAND_CHANNELS).optional(),
  /** open = not ended; overdue / dueSoon / contactOverdue as in the flags. */
  due: z.enum(['overdue', 'dueSoon', 'contactOverdue']).optional(),
  open: z.enum(['true', 'false']).optional(),
  /** Dispatched to this party. */
  responsibleKind: responsibleKindSchema.optional(),
  responsibleRef: z.string().max(64).optional(),
  /** Only demands whose handler is the caller, or dispatched to the caller's grid or unit. */
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  receivedFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  receivedTo: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DemandListQuery = z.infer<typeof demandListQuerySchema>;

export const demandListSchema = z.object({
  items: z.array(demandListItemSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});

export const attachmentSchema = z.object({
  sha256: z.string(),
  mime: z.string(),
  size: z.number().int(),
  /** GET this to fetch the bytes (same auth as the demand). */
  url: z.string(),
});

export const demandEventSchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  fromStatus: demandStatusSchema.nullable(),
  toStatus: demandStatusSchema,
  actorLabel: z.string(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: isoInstant,
  attachments: z.array(attachmentSchema),
});
export type DemandEvent = z.infer<typeof demandEventSchema>;

export const whistleSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  summonedAt: isoInstant,
  reportDueAt: isoInstant,
  reportedAt: isoInstant.nullable(),
  /** Reported in by the due time (null while waiting and not yet late). */
  onTime: z.boolean().nullable(),
});

export const demandDetailSchema = demandListItemSchema.extend({
  description: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  categoryVersion: z.number().int(),
  limits: z.object({
    handleLimit: z.number().int(),
    handleUnit: limitUnitSchema,
    firstContactHours: z.number().int(),
  }),
  attributes: z.record(z.string(), z.unknown()),
  /** Masked unless the caller may see the reporter (see demands.privacy.ts); null for found problems. */
  reporter: z
    .object({
      name: z.string().nullable(),
      phone: z.string().nullable(),
      anonymous: z.boolean(),
      masked: z.boolean(),
    })
    .nullable(),
  /** The caller filed it. */
  isMine: z.boolean(),
  callbackValid: z.boolean(),
  responsibleRef: z.string().nullable(),
  handlerUserId: z.string().nullable(),
  registeredAt: isoInstant.nullable(),
  repliedAt: isoInstant.nullable(),
  verifiedAt: isoInstant.nullable(),
  ratedAt: isoInstant.nullable(),
  resolved: z.boolean().nullable(),
  ratingComment: z.string().nullable(),
  extensionCount: z.number().int(),
  mergedInto: z.object({ id: z.string(), number: z.string(), status: demandStatusSchema }).nullable(),
  mergedFrom: z.array(z.object({ id: z.string(), number: z.string() })),
  photos: z.array(attachmentSchema),
  events: z.array(demandEventSchema),
  whistles: z.array(whistleSchema),
  /** The actions the caller may take now (state and permission both allow). */
  allowedActions: z.array(z.string()),
});
export type DemandDetail = z.infer<typeof demandDetailSchema>;

export const storedFileSchema = z.object({ sha256: z.string(), mime: z.string(), size: z.number().int() });

export const duplicatesQuerySchema = z.strictObject({
  categoryCode: z.string().max(64),
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});
export const duplicateCandidateSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: demandStatusSchema,
  summary: z.string(),
  receivedAt: isoInstant,
  distanceMeters: z.number(),
});

/** An Open311-style attribute asked on intake for a category (GeoReport v2 service definition). */
export const categoryAttributeSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  description: z.object({ zh: z.string(), en: z.string() }),
  order: z.number().int(),
  values: z
    .array(z.object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }) }))
    .default([]),
});
export type CategoryAttribute = z.infer<typeof categoryAttributeSchema>;

/** A category with the limits of its current version (GET /api/v1/demands/categories). */
export const categoryViewSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.object({ zh: z.string(), en: z.string() }),
  eventClass: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  validFrom: isoInstant,
  handleLimit: z.number().int(),
  handleUnit: limitUnitSchema,
  firstContactHours: z.number().int(),
  defaultParty: responsibleKindSchema,
  departmentName: z.string().nullable(),
  attributes: z.array(categoryAttributeSchema),
});
export type CategoryView = z.infer<typeof categoryViewSchema>;

/** Who a demand can be dispatched to, with the catalogue's default for its place first. */
export const responsibleOptionSchema = z.object({
  kind: responsibleKindSchema,
  ref: z.string(),
  name: z.string(),
});
export const responsibleOptionsSchema = z.object({
  /** The category's default party resolved at the demand's place (falls back up the tree). */
  suggested: responsibleOptionSchema.nullable(),
  options: z.array(responsibleOptionSchema),
  /** Users who may handle it there (demands.handle over the place), for the handler picker. */
  handlers: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string() })),
});
export type ResponsibleOptions = z.infer<typeof responsibleOptionsSchema>;
