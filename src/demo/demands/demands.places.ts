// What the demands demo reads from the database as it stands: the places (districts down to
// compounds, with their shapes), the catalogue's categories with their current limits, and the
// demo accounts that appear on the timelines.

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { PolygonalGeometry } from '../../lib/geo/index';
import type { CategoryAttribute } from '../../modules/demands/demands.schemas';
import type { LimitUnit, ResponsibleKind } from '../../modules/demands/demands.table';

type Db = Kysely<Database>;

export interface Place {
  code: string;
  name: string;
  path: string;
  parentCode: string;
}

export interface ShapedPlace extends Place {
  /** west, south, east, north */
  bbox: [number, number, number, number] | null;
  boundary: PolygonalGeometry | null;
  /** The label point. */
  lng: number | null;
  lat: number | null;
}

export interface CompoundPlace extends ShapedPlace {
  /** 小区 (served by a property company) or 散居楼院 (not). */
  kind: string | null;
}

export interface DemandPlaces {
  districts: Place[];
  /** The streets with communities among those loaded (only `onlyStreets` when given). */
  streets: Place[];
  communities: Place[];
  grids: ShapedPlace[];
  compounds: CompoundPlace[];
}

export interface DemoCategory {
  code: string;
  parentCode: string | null;
  nameZh: string;
  version: number;
  handleLimit: number;
  handleUnit: LimitUnit;
  firstContactHours: number;
  defaultParty: ResponsibleKind;
  departmentName: string | null;
  attributes: CategoryAttribute[];
}

function shapeOf(row: {
  minLng: number | null;
  minLat: number | null;
  maxLng: number | null;
  maxLat: number | null;
  boundary: string | null;
  lng: number | null;
  lat: number | null;
}) {
  const { minLng, minLat, maxLng, maxLat } = row;
  return {
    bbox:
      minLng === null || minLat === null || maxLng === null || maxLat === null
        ? null
        : ([minLng, minLat, maxLng, maxLat] as [number, number, number, number]),
    boundary: row.boundary ? (JSON.parse(row.boundary) as PolygonalGeometry) : null,
    lng: row.lng,
    lat: row.lat,
  };
}

/** The places of the streets in scope, each list in path order. */
export async function readDemandPlaces(db: Db, onlyStreets: readonly string[] | null): Promise<DemandPlaces> {
  const rows = await db
    .selectFrom('areas')
    .select([
      'code',
      'name',
      'path',
      'parentCode',
      'level',
      'kind',
      'lng',
      'lat',
      'minLng',
      'minLat',
      'maxLng',
      'maxLat',
      'boundary',
    ])
    .where('status', '=', 'active')
    .where('level', 'in', ['district', 'street', 'community', 'grid', 'compound'])
    .orderBy('path')
    .execute();
  const streetOf = (path: string) => path.split('/')[2] ?? '';
  const wanted = (path: string) => !onlyStreets || onlyStreets.includes(streetOf(path));
  const places: DemandPlaces = { districts: [], streets: [], communities: [], grids: [], compounds: [] };
  const withCommunities = new Set<string>();
  for (const r of rows) {
    const base = { code: r.code, name: r.name, path: r.path, parentCode: r.parentCode ?? '' };
    if (r.level === 'district') places.districts.push(base);
    else if (!wanted(r.path)) continue;
    else if (r.level === 'street') places.streets.push(base);
    else if (r.level === 'community') {
      places.communities.push(base);
      withCommunities.add(base.parentCode);
    } else if (r.level === 'grid') places.grids.push({ ...base, ...shapeOf(r) });
    else if (r.level === 'compound') places.compounds.push({ ...base, ...shapeOf(r), kind: r.kind });
  }
  places.streets = places.streets.filter((s) => withCommunities.has(s.code));
  return places;
}

/** Active categories with their current version; the sub-categories when there are any, else every category. */
export async function readDemoCategories(db: Db): Promise<DemoCategory[]> {
  const rows = await db
    .selectFrom('demandCategories as c')
    .innerJoin('demandCategoryVersions as v', (j) =>
      j.onRef('v.categoryCode', '=', 'c.code').onRef('v.version', '=', 'c.currentVersion'),
    )
    .select([
      'c.code',
      'c.parentCode',
      'c.nameZh',
      'v.version',
      'v.handleLimit',
      'v.handleUnit',
      'v.firstContactHours',
      'v.defaultParty',
      'v.departmentName',
      'v.attributes',
    ])
    .where('c.active', '=', 1)
    .orderBy('c.code')
    .execute();
  const all = rows.map((r) => ({ ...r, attributes: JSON.parse(r.attributes) as CategoryAttribute[] }));
  const leaves = all.filter((c) => c.parentCode !== null);
  return leaves.length > 0 ? leaves : all;
}

export interface DemoAccounts {
  /** The `jumin` resident account, whose own demands the mobile pages show. */
  resident: { id: string; displayName: string } | null;
  /** The `wangge` grid worker and their grid. */
  gridWorker: { id: string; displayName: string; gridPath: string } | null;
  /** The `wuye` property company staff member and their compound. */
  propertyStaff: { id: string; displayName: string; compoundPath: string } | null;
}

export async function readDemoAccounts(db: Db): Promise<DemoAccounts> {
  const users = await db
    .selectFrom('users as u')
    .innerJoin('userRoles as r', 'r.userId', 'u.id')
    .select(['u.id', 'u.username', 'u.displayName', 'r.scopePath'])
    .where('u.username', 'in', ['jumin', 'wangge', 'wuye'])
    .execute();
  const jumin = users.find((u) => u.username === 'jumin');
  const wangge = users.find((u) => u.username === 'wangge');
  const wuye = users.find((u) => u.username === 'wuye');
  return {
    resident: jumin ? { id: jumin.id, displayName: jumin.displayName } : null,
    gridWorker: wangge
      ? { id: wangge.id, displayName: wangge.displayName, gridPath: wangge.scopePath }
      : null,
    propertyStaff: wuye ? { id: wuye.id, displayName: wuye.displayName, compoundPath: wuye.scopePath } : null,
  };
}
