import { z } from 'zod';
import { areaCodeSchema, polygonalSchema } from '../areas/areas.schemas';

// The grid boundaries a person filing a demand may see to tap the place of a problem. Grid
// boundaries are public (滨州市社会治理网格化服务管理条例 art. 6: grids are publicised), so the
// answer carries the grid's name and where it lies, and nothing else (no staff, no counts).

/** Which grids: around a point (lng and lat together) or under a street or community (areaCode). */
export const placeGridsQuerySchema = z.strictObject({
  lng: z.coerce.number().min(-180).max(180).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  areaCode: areaCodeSchema.optional().describe('A street or community: its grids'),
});
export type PlaceGridsQuery = z.infer<typeof placeGridsQuerySchema>;

export const placeGridFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: polygonalSchema,
  properties: z.object({
    code: z.string(),
    name: z.string(),
    communityName: z.string(),
    streetName: z.string(),
  }),
});
export type PlaceGridFeature = z.infer<typeof placeGridFeatureSchema>;

export const placeGridsSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(placeGridFeatureSchema),
});
export type PlaceGrids = z.infer<typeof placeGridsSchema>;

const placeNameSchema = z.object({ code: z.string(), name: z.string() });
export const placeStreetsSchema = z.object({
  items: z.array(placeNameSchema.extend({ communities: z.array(placeNameSchema) })),
});
export type PlaceStreets = z.infer<typeof placeStreetsSchema>;
