import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AreaLevel } from '../areas/index';

type Q = Kysely<Database> | Transaction<Database>;

// The places people live in and hold roles on, read from the area tree. Read-only, and the only
// file of this module that touches the areas tables: when areas/index exports its finders, these
// three functions become re-exports of them.

export interface Place {
  code: string;
  name: string;
  level: AreaLevel;
  path: string;
  status: 'active' | 'retired';
  attrs: string;
  updatedAt: string;
}

const PLACE_COLUMNS = ['code', 'name', 'level', 'path', 'status', 'attrs', 'updatedAt'] as const;

export function findPlace(db: Q, code: string): Promise<Place | undefined> {
  return db.selectFrom('areas').select(PLACE_COLUMNS).where('code', '=', code).executeTakeFirst();
}

export async function findPlaces(db: Q, codes: string[]): Promise<Map<string, Place>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('areas').select(PLACE_COLUMNS).where('code', 'in', unique).execute();
  return new Map(rows.map((r) => [r.code, r]));
}

/** Grid workers of a grid with their work phones, public by the grid regulation (art. 6). */
export function gridStaffOf(db: Q, gridCode: string) {
  return db
    .selectFrom('gridStaff')
    .select(['name', 'duty', 'workPhone'])
    .where('gridCode', '=', gridCode)
    .orderBy('sortOrder')
    .execute();
}

/** The codes above a place, from the city down, without the place itself. */
export function ancestorCodes(path: string): string[] {
  return path.split('/').slice(0, -1);
}

/** "市中街道 / 市中社区 / 第1网格 / 市中1号小区 / 1号楼 / 1单元": the street down to the parent. */
export async function addressesOf(db: Q, paths: string[]): Promise<Map<string, string>> {
  const codes = paths.flatMap((p) => ancestorCodes(p).slice(2));
  const places = await findPlaces(db, codes);
  return new Map(
    paths.map((p) => [
      p,
      ancestorCodes(p)
        .slice(2)
        .map((c) => places.get(c)?.name ?? c)
        .join(' / '),
    ]),
  );
}

export function parsePlaceAttrs(place: Pick<Place, 'attrs'>): Record<string, unknown> {
  try {
    const value = JSON.parse(place.attrs);
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}
