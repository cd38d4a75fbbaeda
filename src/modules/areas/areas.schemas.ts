import { z } from 'zod';
import { AREA_LEVELS } from './areas.table';

export const areaLevelSchema = z.enum(AREA_LEVELS);
export const areaCodeSchema = z.string().regex(/^\d{2,32}$/, 'an area code of 2–32 digits');
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4);
export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1)).min(1),
});
export const polygonalSchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);

/** Counts of active places below a node, by level. */
export const levelCountsSchema = z.object({
  district: z.number(),
  street: z.number(),
  community: z.number(),
  grid: z.number(),
  compound: z.number(),
  building: z.number(),
  unit: z.number(),
  household: z.number(),
});

export const areaSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  level: areaLevelSchema,
  kind: z.string().nullable(),
  path: z.string(),
  parentCode: z.string().nullable(),
  status: z.enum(['active', 'retired']),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  hasChildren: z.boolean(),
});

export const areaNodeSchema = areaSummarySchema.extend({
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorCode: z.string().nullable(),
  /** Present for a retired code: the current place it became (GB/T 2260 codes retired, grids merged). */
  successor: areaSummarySchema.nullable(),
  attrs: z.record(z.string(), z.unknown()),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  /** From the city down to the parent; names only, for breadcrumbs. */
  ancestors: z.array(z.object({ code: z.string(), name: z.string(), level: areaLevelSchema })),
  counts: levelCountsSchema,
});

export const areaTreeNodeSchema: z.ZodType<AreaTreeNode> = z.lazy(() =>
  areaSummarySchema.extend({ children: z.array(areaTreeNodeSchema).optional() }),
);
export type AreaTreeNode = z.infer<typeof areaSummarySchema> & { children?: AreaTreeNode[] };

export const treeQuerySchema = z.strictObject({
  root: areaCodeSchema.optional(),
  depth: z.coerce.number().int().min(1).max(3).default(1),
});

export const childrenQuerySchema = z.strictObject({
  level: areaLevelSchema.optional(),
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(64),
  level: areaLevelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const geojsonQuerySchema = z.strictObject({
  parent: areaCodeSchema.optional(),
  level: z.enum(['district', 'street', 'community', 'grid', 'compound']),
  /** The map as it was on this day (versions valid then); default today. */
  at: isoDateSchema.optional(),
});

export const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: polygonalSchema,
      properties: z.object({
        code: z.string(),
        name: z.string(),
        level: areaLevelSchema,
        households: z.number(),
        childCount: z.number(),
      }),
    }),
  ),
});

export const locateQuerySchema = z.strictObject({
  lng: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
});

export const locateResultSchema = z.object({
  district: areaSummarySchema.nullable(),
  street: areaSummarySchema.nullable(),
  community: areaSummarySchema.nullable(),
  grid: areaSummarySchema.nullable(),
  compound: areaSummarySchema.nullable(),
});

export const gridStaffSchema = z.object({
  id: z.string(),
  name: z.string(),
  duty: z.enum(['leader', 'full_time', 'part_time']),
  workPhone: z.string(),
});

export const gridProfileSchema = z.object({
  grid: areaNodeSchema,
  boundary: polygonalSchema.nullable(),
  staff: z.array(gridStaffSchema),
  supervisionPhone: z.string().nullable(),
  compounds: z.array(areaSummarySchema.extend({ households: z.number() })),
  households: z.number(),
  buildings: z.number(),
  /** Residents registered in the grid's households; null until the people ledger exists. */
  residents: z.number().nullable(),
  areaSquareMeters: z.number().nullable(),
});

/** What the public notice page of a grid shows (grid regulation art. 6): no personal data. */
export const publicGridSchema = z.object({
  code: z.string(),
  name: z.string(),
  community: z.string().nullable(),
  street: z.string().nullable(),
  district: z.string().nullable(),
  boundary: polygonalSchema.nullable(),
  staff: z.array(gridStaffSchema.omit({ id: true })),
  supervisionPhone: z.string().nullable(),
  households: z.number(),
  updatedAt: z.string(),
});

export const areaVersionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: areaLevelSchema,
  parentCode: z.string().nullable(),
  path: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  changeKind: z.string().nullable(),
});

export const splitGridBodySchema = z.strictObject({
  effectiveDate: isoDateSchema,
  note: z.string().max(500).optional(),
  parts: z
    .array(z.strictObject({ name: z.string().trim().min(1).max(64), boundary: polygonalSchema }))
    .min(2)
    .max(10),
});

export const mergeGridsBodySchema = z.strictObject({
  effectiveDate: isoDateSchema,
  note: z.string().max(500).optional(),
  codes: z.array(areaCodeSchema).min(2).max(10),
  name: z.string().trim().min(1).max(64),
});

export const createGridBodySchema = z.strictObject({
  communityCode: areaCodeSchema,
  name: z.string().trim().min(1).max(64),
  boundary: polygonalSchema,
  effectiveDate: isoDateSchema,
  supervisionPhone: z.string().max(32).optional(),
});

export const updateAreaBodySchema = z.strictObject({
  effectiveDate: isoDateSchema,
  name: z.string().trim().min(1).max(64).optional(),
  boundary: polygonalSchema.optional(),
  supervisionPhone: z.string().max(32).optional(),
});

export const moveAreaBodySchema = z.strictObject({
  effectiveDate: isoDateSchema,
  newParentCode: areaCodeSchema,
  note: z.string().max(500).optional(),
});
