import { z } from 'zod';
import { areaCodeSchema } from './demands.schemas';
import { HANDLING_UNIT_KINDS } from './demands.table';

// Handling units (承办单位) besides grids and communities: property companies with the compounds
// they serve, departments (职能部门) a street can summon (街乡吹哨、部门报到, Beijing art. 16) and
// co-building units (共建单位). A unit works in an area (its path); officials manage the units of
// their own area.

export const handlingUnitKindSchema = z.enum(HANDLING_UNIT_KINDS);

export const unitListQuerySchema = z.strictObject({
  kind: handlingUnitKindSchema.optional(),
  /** Units working in this place or below it, and those above it that serve it. */
  areaCode: areaCodeSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type UnitListQuery = z.infer<typeof unitListQuerySchema>;

const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,32}$/, 'digits, spaces, + and -');

export const createUnitBodySchema = z.strictObject({
  kind: handlingUnitKindSchema,
  name: z.string().trim().min(1).max(100),
  /** The area the unit works in: a district or street for departments, a street for a property company. */
  areaCode: areaCodeSchema,
  contactPhone: phoneSchema.nullish(),
  active: z.boolean().default(true),
});
export type CreateUnitBody = z.infer<typeof createUnitBodySchema>;

export const patchUnitBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  contactPhone: phoneSchema.nullish(),
  active: z.boolean().optional(),
});
export type PatchUnitBody = z.infer<typeof patchUnitBodySchema>;

/** The compounds a unit serves, all at once (replacing the list). */
export const unitPlacesBodySchema = z.strictObject({
  areaCodes: z.array(areaCodeSchema).max(500),
});
export type UnitPlacesBody = z.infer<typeof unitPlacesBodySchema>;

export const unitPlaceSchema = z.object({ code: z.string(), name: z.string(), path: z.string() });

export const unitViewSchema = z.object({
  id: z.string(),
  kind: handlingUnitKindSchema,
  name: z.string(),
  path: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  /** The compounds it serves (those in the caller's scope). */
  places: z.array(unitPlaceSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UnitView = z.infer<typeof unitViewSchema>;

export const unitListSchema = z.object({ items: z.array(unitViewSchema) });
