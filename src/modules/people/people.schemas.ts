import { z } from 'zod';
import { GENDERS, PLACE_ROLES, RELATIONS_TO_HEAD, RESIDENCE_TYPES, RESIDENT_STATUSES } from './people.table';

// The people API contract. Requests carry personal numbers in bodies only, never in a URL: URLs
// end up in access logs, browser history and proxies (PIPL art. 51: security measures).

export const areaCodeSchema = z.string().regex(/^\d{2,32}$/, 'an area code of 2–32 digits');
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const idParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });
export const codeParamsSchema = z.strictObject({ code: areaCodeSchema });

/**
 * What a person types. Shapes only: the domain checks (GB 11643 ID numbers, mobile prefixes,
 * relation and residence words, also in Chinese) run in people.resident-rules.ts, which names every
 * problem by field.
 */
const residentFields = {
  name: z.string().max(200),
  gender: z.string().max(16).nullish(),
  birthDate: z.string().max(16).nullish(),
  idNumber: z.string().max(32).nullish(),
  phone: z.string().max(32).nullish(),
  ethnicity: z.string().trim().max(32).nullish(),
  relationToHead: z.string().max(32),
  residenceType: z.string().max(32),
  note: z.string().max(2000).nullish(),
};

export const createResidentBodySchema = z.strictObject({ householdCode: areaCodeSchema, ...residentFields });

/** Omitted fields stay as they are; `null` clears an optional one. */
export const updateResidentBodySchema = z.strictObject({
  name: residentFields.name.optional(),
  gender: residentFields.gender,
  birthDate: residentFields.birthDate,
  idNumber: residentFields.idNumber,
  phone: residentFields.phone,
  ethnicity: residentFields.ethnicity,
  relationToHead: residentFields.relationToHead.optional(),
  residenceType: residentFields.residenceType.optional(),
  note: residentFields.note,
});

const filterFields = {
  /** Residents at or below this place. */
  areaCode: areaCodeSchema.optional(),
  name: z.string().trim().min(1).max(64).optional(),
  residenceType: z.enum(RESIDENCE_TYPES).optional(),
  gender: z.enum(GENDERS).optional(),
  status: z.enum(RESIDENT_STATUSES).optional(),
  ageMin: z.coerce.number().int().min(0).max(150).optional(),
  ageMax: z.coerce.number().int().min(0).max(150).optional(),
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const residentListQuerySchema = z.strictObject(filterFields);

/** The list filters plus exact search by ID number or phone, through their blind indexes. */
export const residentSearchBodySchema = z.strictObject({
  ...filterFields,
  idNumber: z.string().trim().min(1).max(32).optional(),
  phone: z.string().trim().min(1).max(32).optional(),
});

export const placeRoleViewSchema = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  phoneMasked: z.string().nullable(),
  role: z.enum(PLACE_ROLES),
  areaCode: z.string(),
  areaName: z.string(),
  path: z.string(),
  since: z.string(),
  until: z.string().nullable(),
  active: z.boolean(),
});

/** A resident as every response shows one: personal numbers masked (PIPL art. 51: de-identification). */
export const residentViewSchema = z.object({
  id: z.string(),
  householdCode: z.string().nullable(),
  path: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  ethnicity: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  relationToHead: z.enum(RELATIONS_TO_HEAD),
  residenceType: z.enum(RESIDENCE_TYPES),
  status: z.enum(RESIDENT_STATUSES),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const residentListSchema = z.object({
  items: z.array(residentViewSchema.extend({ householdName: z.string().nullable() })),
  nextCursor: z.string().nullable(),
});

export const residentDetailSchema = residentViewSchema.extend({
  household: z.object({ code: z.string(), name: z.string(), address: z.string() }).nullable(),
  placeRoles: z.array(placeRoleViewSchema),
});

export const householdViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  path: z.string(),
  /** Street down to the unit, e.g. 市中街道 / 市中社区 / 第1网格 / 1号小区 / 1号楼 / 1单元. */
  address: z.string(),
  /** Head of household first, then by relation and age. */
  members: z.array(residentViewSchema),
});

export const moveResidentBodySchema = z.strictObject({
  toHouseholdCode: areaCodeSchema,
  movedOn: isoDateSchema,
  reason: z.string().trim().max(200).optional(),
});

export const residentStatusBodySchema = z.strictObject({
  status: z.enum(['moved_out', 'deceased']),
  on: isoDateSchema,
  reason: z.string().trim().max(200).optional(),
});

export const residentMovesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      fromHouseholdCode: z.string().nullable(),
      fromAddress: z.string().nullable(),
      toHouseholdCode: z.string().nullable(),
      toAddress: z.string().nullable(),
      movedOn: z.string(),
      reason: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const REVEALABLE_FIELDS = ['idNumber', 'phone'] as const;

/** Why the full numbers are needed: kept in the audit log with who asked (PIPL art. 6, minimum necessity). */
export const revealBodySchema = z.strictObject({
  reason: z.string().trim().min(2).max(200),
  fields: z.array(z.enum(REVEALABLE_FIELDS)).min(1).max(2).optional(),
});

export const revealedNumbersSchema = z.object({
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  /** The audit entry that records this reading. */
  auditSeq: z.number(),
});

export const createPlaceRoleBodySchema = z.strictObject({
  residentId: z.string().min(1).max(64),
  role: z.enum(PLACE_ROLES),
  areaCode: areaCodeSchema,
  since: isoDateSchema,
});

export const endPlaceRoleBodySchema = z.strictObject({ until: isoDateSchema });

export const placeRoleListQuerySchema = z.strictObject({
  /** Roles on this place and on places below it (a grid lists its building heads too). */
  areaCode: areaCodeSchema,
  role: z.enum(PLACE_ROLES).optional(),
  includeEnded: z.stringbool().default(false),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const placeRoleListSchema = z.object({ items: z.array(placeRoleViewSchema) });

const contact = z.object({ name: z.string(), phoneMasked: z.string().nullable() });

/**
 * The notice board of a building: who to turn to. Residents' phones appear masked even here — a
 * notice is read by anyone passing by, and PIPL art. 25 forbids making personal information public
 * without separate consent; the grid workers' work phones and the supervision phone are public by
 * the grid regulation (art. 6) and are the numbers to call.
 */
export const publicBuildingSchema = z.object({
  code: z.string(),
  name: z.string(),
  compound: z.string().nullable(),
  grid: z.object({ code: z.string(), name: z.string() }).nullable(),
  community: z.string().nullable(),
  street: z.string().nullable(),
  buildingHeads: z.array(contact),
  centralHouseholds: z.array(contact.extend({ household: z.string() })),
  gridStaff: z.array(
    z.object({ name: z.string(), duty: z.enum(['leader', 'full_time', 'part_time']), workPhone: z.string() }),
  ),
  partTimeGridWorkers: z.array(contact),
  supervisionPhone: z.string().nullable(),
});
