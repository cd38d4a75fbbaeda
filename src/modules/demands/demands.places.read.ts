import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { below, inScopes } from '../../db/scope-filter';
import type { Position } from '../../lib/geo/index';
import type { PlaceGridFeature, PlaceGrids, PlaceStreets } from './demands.places.schemas';

// Reads of the `areas` table for the filing page's map. DESIGN lets a module read another's table
// only through its index; the areas module exports no public-boundary query and its geojson read
// is scope-filtered by areas.read, which a resident lacks. These reads name only what the grid
// regulation (art. 6) makes public: names and boundaries of places in force.

type Db = Kysely<Database>;

/** How far around the point grids are drawn, and the caps on the answers. */
export const NEAR_METERS = 1500;
export const NEAR_CAP = 60;
export const UNDER_CAP = 200;
const METERS_PER_DEGREE_LAT = 111_320;

/** The box of `meters` around a point, in degrees: [west, south, east, north]. */
export function boxAround([lng, lat]: Position, meters: number): [number, number, number, number] {
  const dLat = meters / METERS_PER_DEGREE_LAT;
  // Near the poles a degree of longitude shrinks to nothing; keep the box finite.
  const dLng = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

function gridsQuery(db: Db, cities: string[]) {
  return db
    .selectFrom('areas as g')
    .innerJoin('areas as c', 'c.code', 'g.parentCode')
    .innerJoin('areas as s', 's.code', 'c.parentCode')
    .select([
      'g.code',
      'g.name',
      'g.boundary',
      'c.name as communityName',
      's.name as streetName',
      'g.sortOrder',
    ])
    .where('g.level', '=', 'grid')
    .where('g.status', '=', 'active')
    .where('g.boundary', 'is not', null)
    .where((eb) => inScopes(eb, 'g.path', cities));
}

type GridRow = {
  code: string;
  name: string;
  boundary: string | null;
  communityName: string;
  streetName: string;
};

function toCollection(rows: GridRow[]): PlaceGrids {
  const features: PlaceGridFeature[] = [];
  for (const r of rows) {
    let geometry: PlaceGridFeature['geometry'];
    try {
      geometry = JSON.parse(r.boundary as string);
    } catch {
      continue;
    }
    features.push({
      type: 'Feature',
      id: r.code,
      geometry,
      properties: { code: r.code, name: r.name, communityName: r.communityName, streetName: r.streetName },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Active grids of the cities whose bounding box meets the box around the point, nearest centre
 * first. Plain comparisons on the stored min/max columns (no function of a column), so an index on
 * them can serve the query.
 */
export async function gridsNear(db: Db, cities: string[], point: Position): Promise<PlaceGrids> {
  const [west, south, east, north] = boxAround(point, NEAR_METERS);
  const lng = sql`cast(${point[0]} as double precision)`;
  const lat = sql`cast(${point[1]} as double precision)`;
  const rows = await gridsQuery(db, cities)
    .where('g.minLng', '<=', east)
    .where('g.maxLng', '>=', west)
    .where('g.minLat', '<=', north)
    .where('g.maxLat', '>=', south)
    .orderBy(
      sql`abs((${sql.ref('g.minLng')} + ${sql.ref('g.maxLng')}) / 2 - ${lng}) + abs((${sql.ref('g.minLat')} + ${sql.ref('g.maxLat')}) / 2 - ${lat})`,
    )
    .orderBy('g.code')
    .limit(NEAR_CAP)
    .execute();
  return toCollection(rows);
}

/** Active grids below a place path, in their order. */
export async function gridsUnder(db: Db, cities: string[], path: string): Promise<PlaceGrids> {
  const rows = await gridsQuery(db, cities)
    .where((eb) => below(eb, 'g.path', path))
    .orderBy('g.sortOrder')
    .orderBy('g.code')
    .limit(UNDER_CAP)
    .execute();
  return toCollection(rows);
}

/** An area in force within the cities, by code. */
export async function findActiveArea(db: Db, cities: string[], code: string) {
  return db
    .selectFrom('areas')
    .select(['code', 'path', 'level'])
    .where('code', '=', code)
    .where('status', '=', 'active')
    .where((eb) => inScopes(eb, 'path', cities))
    .executeTakeFirst();
}

/** The active streets of the cities and their active communities, in their order. */
export async function streetsWithCommunities(db: Db, cities: string[]): Promise<PlaceStreets> {
  const rows = await db
    .selectFrom('areas')
    .select(['code', 'name', 'level', 'parentCode'])
    .where('level', 'in', ['street', 'community'])
    .where('status', '=', 'active')
    .where((eb) => inScopes(eb, 'path', cities))
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
  const items: PlaceStreets['items'] = [];
  const byCode = new Map<string, PlaceStreets['items'][number]>();
  for (const r of rows)
    if (r.level === 'street') {
      const street = { code: r.code, name: r.name, communities: [] };
      byCode.set(r.code, street);
      items.push(street);
    }
  for (const r of rows)
    if (r.level === 'community' && r.parentCode)
      byCode.get(r.parentCode)?.communities.push({ code: r.code, name: r.name });
  return { items };
}
