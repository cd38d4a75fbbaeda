// The places residents are generated for, read from the area tree as it stands (it may have been
// edited since the demo city was drawn): the city's grids, and one grid's buildings and households.

import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

export interface GridRef {
  code: string;
  name: string;
  path: string;
  communityCode: string;
  /** Position among all active grids of the tree, by path: the grid's lane of ids and numbers. */
  ordinal: number;
  /** The ordinal of the community's first grid, which names the community's party organisation. */
  communityOrdinal: number;
}

export interface HouseholdPlace {
  code: string;
  path: string;
  name: string;
  floor: number;
}

export interface BuildingPlace {
  code: string;
  path: string;
  name: string;
  compoundName: string;
  households: HouseholdPlace[];
}

export interface GridPlaces {
  grid: GridRef;
  community: { code: string; name: string; path: string };
  /** How many grids the tree has: the number of lanes. */
  lanes: number;
  /** The county-level unit (GB/T 2260 code) the grid lies in. */
  countyCode: string;
  streetCode: string;
  buildings: BuildingPlace[];
}

/**
 * Every active grid, by path, numbered; only those of `streets` when given (numbers stay city-wide).
 * `lanes` is how many grids the whole tree has.
 */
export async function listGrids(
  db: Db,
  streets?: readonly string[] | null,
): Promise<{ grids: GridRef[]; lanes: number }> {
  const rows = await db
    .selectFrom('areas')
    .select(['code', 'name', 'path', 'parentCode'])
    .where('level', '=', 'grid')
    .where('status', '=', 'active')
    .orderBy('path')
    .execute();
  const firstOfCommunity = new Map<string, number>();
  const grids = rows.map((r, ordinal) => {
    const communityCode = r.parentCode ?? '';
    if (!firstOfCommunity.has(communityCode)) firstOfCommunity.set(communityCode, ordinal);
    return {
      code: r.code,
      name: r.name,
      path: r.path,
      communityCode,
      ordinal,
      communityOrdinal: firstOfCommunity.get(communityCode)!,
    };
  });
  const lanes = grids.length;
  if (!streets || streets.length === 0) return { grids, lanes };
  return { grids: grids.filter((g) => streets.some((s) => g.path.includes(`/${s}/`))), lanes };
}

function below(path: string) {
  return sql<boolean>`path >= ${`${path}/`} and path < ${`${path}0`}`;
}

/** The grid's community, compounds, buildings and households, in path order. */
export async function readGridPlaces(db: Db, grid: GridRef, lanes: number): Promise<GridPlaces> {
  const [community, rows] = await Promise.all([
    db
      .selectFrom('areas')
      .select(['code', 'name', 'path'])
      .where('code', '=', grid.communityCode)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('areas')
      .select(['code', 'parentCode', 'path', 'level', 'name', 'attrs'])
      .where(below(grid.path))
      .where('status', '=', 'active')
      .where('level', 'in', ['compound', 'building', 'unit', 'household'])
      .orderBy('path')
      .execute(),
  ]);
  const compounds = new Map<string, string>();
  const buildings = new Map<string, BuildingPlace>();
  // A household's building is found through its parents (a unit, usually; a building directly in some trees).
  const buildingOf = new Map<string, BuildingPlace>();
  for (const row of rows) {
    if (row.level === 'compound') compounds.set(row.code, row.name);
    else if (row.level === 'building') {
      const building: BuildingPlace = {
        code: row.code,
        path: row.path,
        name: row.name,
        compoundName: compounds.get(row.parentCode ?? '') ?? '',
        households: [],
      };
      buildings.set(row.code, building);
      buildingOf.set(row.code, building);
    } else if (row.level === 'unit') {
      const building = buildingOf.get(row.parentCode ?? '');
      if (building) buildingOf.set(row.code, building);
    } else {
      const building = buildingOf.get(row.parentCode ?? '');
      if (!building) continue;
      building.households.push({ code: row.code, path: row.path, name: row.name, floor: floorOf(row.attrs) });
    }
  }
  const parts = grid.path.split('/');
  return {
    grid,
    community,
    lanes,
    countyCode: parts[1] ?? '',
    streetCode: parts[2] ?? '',
    buildings: [...buildings.values()].filter((b) => b.households.length > 0),
  };
}

function floorOf(attrs: string): number {
  const floor = /"floor":(\d+)/.exec(attrs)?.[1];
  return floor ? Number(floor) : 1;
}
