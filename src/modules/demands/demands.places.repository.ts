import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Position } from '../../lib/geo/index';
import { locatePlaces } from '../areas/index';

// Where a demand lies: a point through the area locator (point → grid → compound), an area
// picked from the tree, or the path alone; each with the grid and compound codes on its path.
// The locator keeps its index per database handle, so call it with the root handle and never
// inside a transaction (on SQLite a root query inside a transaction would wait for itself).

type Q = Kysely<Database> | Transaction<Database>;

export interface DemandPlace {
  path: string;
  gridCode: string | null;
  compoundCode: string | null;
}

/** Levels a demand may be placed at from the tree: a street or anything below it. */
const PLACEABLE_LEVELS = new Set([
  'street',
  'community',
  'grid',
  'compound',
  'building',
  'unit',
  'household',
]);

/**
 * The place holding the point: its compound if it lies in one, else its grid, community or
 * street; undefined when no street, community or grid of the city holds it.
 */
export async function placeOfPoint(db: Kysely<Database>, point: Position): Promise<DemandPlace | undefined> {
  const found = await locatePlaces(db, point);
  const area = found.compound ?? found.grid ?? found.community ?? found.street;
  if (!area) return undefined;
  return placeOfPath(db, area.path);
}

export type AreaPlaceResult =
  | { ok: true; place: DemandPlace }
  | { ok: false; reason: 'unknown' | 'inactive' | 'too_coarse' };

/** An area chosen from the tree: it must be in force and a street or below. */
export async function placeOfArea(db: Q, code: string): Promise<AreaPlaceResult> {
  const area = await db
    .selectFrom('areas')
    .select(['path', 'level', 'status'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!area) return { ok: false, reason: 'unknown' };
  if (area.status !== 'active') return { ok: false, reason: 'inactive' };
  if (!PLACEABLE_LEVELS.has(area.level)) return { ok: false, reason: 'too_coarse' };
  return { ok: true, place: await placeOfPath(db, area.path) };
}

/** The grid and compound codes among the path's segments (either may be missing). */
export async function placeOfPath(db: Q, path: string): Promise<DemandPlace> {
  const codes = path.split('/');
  const rows = await db
    .selectFrom('areas')
    .select(['code', 'level'])
    .where('code', 'in', codes)
    .where('level', 'in', ['grid', 'compound'])
    .execute();
  const codeAt = (level: string) => rows.find((r) => r.level === level)?.code ?? null;
  return { path, gridCode: codeAt('grid'), compoundCode: codeAt('compound') };
}
