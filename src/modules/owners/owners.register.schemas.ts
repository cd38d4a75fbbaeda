import { z } from 'zod';
import { areaCodeSchema, idSchema, isoDateSchema } from './owners.schemas';
import { OWNER_KINDS, UNIT_USE_KINDS } from './owners.table';

// The owners' register of a compound: exclusive parts (专有部分), owners and who owns what.

/** Square metres as a plain decimal with up to four places, more than zero (SPC interpretation art. 8). */
export const areaSchema = z
  .string()
  .regex(/^\d{1,7}(\.\d{1,4})?$/, 'square metres as a decimal with up to 4 places')
  .refine((v) => /[1-9]/.test(v), 'an area must be more than zero');

const optionalArea = areaSchema.nullable().optional();

export const unitBodySchema = z.strictObject({
  /** 1号楼1单元0101室, 商铺3, 地下车位B-012 … unique within the compound. */
  label: z.string().trim().min(1).max(100),
  /** The household node of the area tree, for flats; none for shops and parking spaces. */
  householdCode: areaCodeSchema.nullable().optional(),
  useKind: z.enum(UNIT_USE_KINDS).default('residence'),
  registeredArea: optionalArea,
  surveyedArea: optionalArea,
  contractArea: optionalArea,
  /** The day the unit was handed over to its buyer (交付). */
  deliveredOn: isoDateSchema.nullable().optional(),
  /** Not sold by the developer, or sold but not delivered (SPC art. 9). */
  developerUnsold: z.boolean().default(false),
  owners: z
    .array(z.strictObject({ ownerId: idSchema, share: z.string().trim().max(20).nullable().optional() }))
    .max(20)
    .default([]),
});
export const unitPatchSchema = unitBodySchema.partial();

export const unitViewSchema = z.object({
  id: z.string(),
  compoundCode: z.string(),
  householdCode: z.string().nullable(),
  label: z.string(),
  useKind: z.enum(UNIT_USE_KINDS),
  registeredArea: z.string().nullable(),
  surveyedArea: z.string().nullable(),
  contractArea: z.string().nullable(),
  /** The area that counts (art. 8), four decimals. */
  area: z.string(),
  deliveredOn: z.string().nullable(),
  developerUnsold: z.boolean(),
  owners: z.array(
    z.object({
      ownerId: z.string(),
      name: z.string(),
      kind: z.enum(OWNER_KINDS),
      share: z.string().nullable(),
    }),
  ),
  updatedAt: z.string(),
});

export const ownerBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(OWNER_KINDS).default('person'),
  /** A natural person's ID number; sealed at once (ciphertext, blind index, mask). */
  idNumber: z.string().trim().min(1).max(32).nullable().optional(),
  phone: z.string().trim().min(1).max(32).nullable().optional(),
});
export const ownerPatchSchema = ownerBodySchema.partial();

/** Numbers appear only masked: the owners module never unmasks them. */
export const ownerViewSchema = z.object({
  id: z.string(),
  compoundCode: z.string(),
  name: z.string(),
  kind: z.enum(OWNER_KINDS),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  /** Matched to a registered resident by ID number (so a party membership can be recognised). */
  residentLinked: z.boolean(),
  units: z.number().int(),
  createdAt: z.string(),
});

export const registerListQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(50).optional(),
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const registerSummarySchema = z.object({
  compound: z.object({ code: z.string(), name: z.string(), path: z.string() }),
  units: z.number().int(),
  owners: z.number().int(),
  /** Exact sum of the units' areas (art. 8), four decimals. */
  totalArea: z.string(),
  /** Owners as SPC interpretation art. 9 counts them. */
  headcount: z.number().int(),
  deliveredUnits: z.number().int(),
  deliveredArea: z.string(),
  deliveredAreaPercent: z.string().nullable(),
  deliveredUnitsPercent: z.string().nullable(),
  firstDeliveryOn: z.string().nullable(),
  /** 山东省物业管理条例 art. 20 on today; null for an empty register. */
  firstMeeting: z
    .object({
      triggered: z.boolean(),
      conditions: z.array(
        z.enum(['delivered_area_half', 'delivered_owners_half', 'two_years_and_quarter_owners']),
      ),
      twoYearsCompleteFrom: z.string().nullable(),
      triggeredSince: z.string().nullable(),
      /** Art. 21: the preparatory group is due within sixty days of the trigger. */
      preparatoryGroupDueBy: z.string().nullable(),
    })
    .nullable(),
  today: z.string(),
});

export const importQuerySchema = z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') });

export const importResultSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  problems: z.array(
    z.object({
      row: z.number().int(),
      field: z.string(),
      reason: z.string(),
      message: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
  created: z.object({ units: z.number().int(), owners: z.number().int(), ownerships: z.number().int() }),
  auditSeq: z.number().int().nullable(),
});
