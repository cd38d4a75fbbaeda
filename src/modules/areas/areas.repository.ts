import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { below, inScopes } from '../../db/scope-filter';
import type { AreaLevel, AreaRow, AreaVersionRow, GridStaffRow } from './areas.table';

type Q = Kysely<Database> | Transaction<Database>;

export function findAreaByCode(db: Q, code: string): Promise<AreaRow | undefined> {
  return db.selectFrom('areas').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findAreasByCodes(db: Q, codes: string[]): Promise<AreaRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('areas').selectAll().where('code', 'in', codes).execute();
}

export function listChildren(
  db: Q,
  opts: { parentCode: string; level?: AreaLevel | undefined; afterCode?: string | undefined; limit: number },
): Promise<AreaRow[]> {
  let q = db
    .selectFrom('areas')
    .selectAll()
    .where('parentCode', '=', opts.parentCode)
    .where('status', '=', 'active');
  if (opts.level) q = q.where('level', '=', opts.level);
  if (opts.afterCode) q = q.where('code', '>', opts.afterCode);
  return q.orderBy('code').limit(opts.limit).execute();
}

/** The codes among `codes` that have at least one active child. */
export async function codesWithChildren(db: Q, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('areas')
    .select('parentCode')
    .distinct()
    .where('parentCode', 'in', codes)
    .where('status', '=', 'active')
    .execute();
  return new Set(rows.map((r) => r.parentCode as string));
}

/** Active places strictly below `path`, counted by level. */
export async function countBelowByLevel(db: Q, path: string): Promise<Map<AreaLevel, number>> {
  const rows = await db
    .selectFrom('areas')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => below(eb, 'path', path))
    .where('status', '=', 'active')
    .groupBy('level')
    .execute();
  return new Map(rows.map((r) => [r.level, Number(r.n)]));
}

/**
 * Households below each of the given places, in one grouped query per path length: every place
 * of one level has a path of the same length, so the prefix of a household's path names it.
 */
export async function householdsBelowEach(db: Q, paths: string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>(paths.map((p) => [p, 0]));
  const byLength = new Map<number, string[]>();
  for (const p of paths) byLength.set(p.length, [...(byLength.get(p.length) ?? []), p]);
  for (const [length, group] of byLength) {
    const rows = await db
      .selectFrom('areas')
      .select([
        sql<string>`substr(path, 1, ${sql.lit(length)})`.as('prefix'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('level', '=', 'household')
      .where('status', '=', 'active')
      .where((eb) => inScopes(eb, 'path', group))
      // By position: PostgreSQL sees two bound parameters as two different expressions.
      .groupBy(sql`1`)
      .execute();
    for (const r of rows) if (result.has(r.prefix)) result.set(r.prefix, Number(r.n));
  }
  return result;
}

export function searchAreas(
  db: Q,
  opts: { scopes: string[]; q: string; level?: AreaLevel | undefined; limit: number },
): Promise<AreaRow[]> {
  const escaped = opts.q.replace(/[\\%_]/g, (c) => `\\${c}`);
  let q = db
    .selectFrom('areas')
    .selectAll()
    .where((eb) => inScopes(eb, 'path', opts.scopes))
    .where((eb) =>
      /^\d+$/.test(opts.q)
        ? eb('code', 'like', `${escaped}%`)
        : sql<boolean>`${sql.ref('name')} like ${`%${escaped}%`} escape '\\'`,
    );
  if (opts.level) q = q.where('level', '=', opts.level);
  // Households are found through the people ledger, not by room number across the city.
  else q = q.where('level', 'not in', ['unit', 'household']);
  return q.orderBy('depth').orderBy('code').limit(opts.limit).execute();
}

export function polygonsBelow(db: Q, opts: { parentPath: string; level: AreaLevel }): Promise<AreaRow[]> {
  return db
    .selectFrom('areas')
    .selectAll()
    .where('level', '=', opts.level)
    .where('status', '=', 'active')
    .where((eb) => below(eb, 'path', opts.parentPath))
    .orderBy('code')
    .execute();
}

/** Versions of places of a level below a path that were in force on `date` (YYYY-MM-DD). */
export function versionsAt(
  db: Q,
  opts: { parentPath: string; level: AreaLevel; date: string },
): Promise<AreaVersionRow[]> {
  return db
    .selectFrom('areaVersions')
    .selectAll()
    .where('level', '=', opts.level)
    .where((eb) => below(eb, 'path', opts.parentPath))
    .where('validFrom', '<=', opts.date)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', opts.date)]))
    .orderBy('areaCode')
    .execute();
}

export function allActivePolygons(db: Q, levels: AreaLevel[]) {
  return db
    .selectFrom('areas')
    .select(['code', 'name', 'level', 'kind', 'path', 'parentCode', 'status', 'lng', 'lat', 'boundary'])
    .where('level', 'in', levels)
    .where('status', '=', 'active')
    .where('boundary', 'is not', null)
    .execute();
}

export function versionsOf(db: Q, code: string) {
  return db
    .selectFrom('areaVersions')
    .leftJoin('areaChanges', 'areaChanges.id', 'areaVersions.changeId')
    .select([
      'areaVersions.areaCode',
      'areaVersions.name',
      'areaVersions.level',
      'areaVersions.parentCode',
      'areaVersions.path',
      'areaVersions.validFrom',
      'areaVersions.validTo',
      'areaChanges.kind as changeKind',
    ])
    .where('areaVersions.areaCode', '=', code)
    .orderBy('areaVersions.validFrom')
    .execute();
}

export function staffOfGrid(db: Q, gridCode: string): Promise<GridStaffRow[]> {
  return db
    .selectFrom('gridStaff')
    .selectAll()
    .where('gridCode', '=', gridCode)
    .orderBy('sortOrder')
    .execute();
}

export async function readRevision(db: Q): Promise<number> {
  const row = await db.selectFrom('areaRevision').select('revision').where('id', '=', 1).executeTakeFirst();
  return Number(row?.revision ?? 0);
}

export async function bumpRevision(db: Q): Promise<void> {
  await db
    .updateTable('areaRevision')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}
