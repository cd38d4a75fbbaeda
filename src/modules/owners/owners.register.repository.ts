import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type {
  OwnerRow,
  OwnersTable,
  OwnerUnitRow,
  OwnerUnitsTable,
  UnitOwnershipsTable,
} from './owners.table';

// The owners' register: units (专有部分), owners and ownerships. Every SQL of these three tables.

type Q = Kysely<Database> | Transaction<Database>;

// 500 rows × 14 columns stays under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK = 500;

async function inChunks<T>(rows: T[], run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await run(rows.slice(i, i + CHUNK));
}

export function findUnit(db: Q, id: string): Promise<OwnerUnitRow | undefined> {
  return db.selectFrom('ownerUnits').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitByLabel(db: Q, compoundCode: string, label: string) {
  return db
    .selectFrom('ownerUnits')
    .select('id')
    .where('compoundCode', '=', compoundCode)
    .where('label', '=', label)
    .executeTakeFirst();
}

export async function unitLabelsOf(db: Q, compoundCode: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('ownerUnits')
    .select('label')
    .where('compoundCode', '=', compoundCode)
    .execute();
  return new Set(rows.map((r) => r.label));
}

export function unitsOf(
  db: Q,
  compoundCode: string,
  page?: { q?: string | undefined; after?: string | undefined; limit: number },
) {
  let q = db.selectFrom('ownerUnits').selectAll().where('compoundCode', '=', compoundCode);
  if (page?.q) q = q.where('label', 'like', `%${page.q.replace(/[%_\\]/g, '')}%`);
  if (page?.after) q = q.where('id', '>', page.after);
  q = q.orderBy('id');
  return page ? q.limit(page.limit).execute() : q.execute();
}

/** Units of several compounds with only the columns the register figures need. */
export function unitsForFigures(db: Q, compoundCodes: string[]) {
  if (compoundCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ownerUnits')
    .select([
      'id',
      'compoundCode',
      'registeredArea',
      'surveyedArea',
      'contractArea',
      'deliveredOn',
      'developerUnsold',
    ])
    .where('compoundCode', 'in', compoundCodes)
    .execute();
}

export async function ownershipsOfUnits(
  db: Q,
  unitIds: string[],
): Promise<Map<string, UnitOwnershipsTable[]>> {
  const out = new Map<string, UnitOwnershipsTable[]>();
  for (let i = 0; i < unitIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('unitOwnerships')
      .selectAll()
      .where('unitId', 'in', unitIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.unitId, [...(out.get(r.unitId) ?? []), r]);
  }
  return out;
}

/** Ownerships of every unit of the compounds, joined in SQL rather than by a long id list. */
export async function ownershipsInCompounds(db: Q, compoundCodes: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (compoundCodes.length === 0) return out;
  const rows = await db
    .selectFrom('unitOwnerships as o')
    .innerJoin('ownerUnits as u', 'u.id', 'o.unitId')
    .select(['o.unitId', 'o.ownerId'])
    .where('u.compoundCode', 'in', compoundCodes)
    .execute();
  for (const r of rows) out.set(r.unitId, [...(out.get(r.unitId) ?? []), r.ownerId]);
  return out;
}

export async function insertUnits(db: Q, rows: OwnerUnitRow[]): Promise<void> {
  await inChunks(rows, (c) => db.insertInto('ownerUnits').values(c).execute());
}

export async function updateUnit(db: Q, id: string, patch: Updateable<OwnerUnitsTable>): Promise<void> {
  await db.updateTable('ownerUnits').set(patch).where('id', '=', id).execute();
}

export async function deleteUnit(db: Q, id: string): Promise<void> {
  await db.deleteFrom('unitOwnerships').where('unitId', '=', id).execute();
  await db.deleteFrom('ownerUnits').where('id', '=', id).execute();
}

export async function replaceOwnerships(db: Q, unitId: string, rows: UnitOwnershipsTable[]): Promise<void> {
  await db.deleteFrom('unitOwnerships').where('unitId', '=', unitId).execute();
  if (rows.length > 0) await db.insertInto('unitOwnerships').values(rows).execute();
}

export async function insertOwnerships(db: Q, rows: UnitOwnershipsTable[]): Promise<void> {
  await inChunks(rows, (c) => db.insertInto('unitOwnerships').values(c).execute());
}

export function findOwner(db: Q, id: string): Promise<OwnerRow | undefined> {
  return db.selectFrom('owners').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOwners(db: Q, ids: string[]): Promise<OwnerRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('owners')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export function ownersOf(db: Q, compoundCode: string) {
  return db.selectFrom('owners').selectAll().where('compoundCode', '=', compoundCode).execute();
}

export function listOwners(
  db: Q,
  opts: { compoundCode: string; q?: string | undefined; after?: string | undefined; limit: number },
) {
  let q = db.selectFrom('owners').selectAll().where('compoundCode', '=', opts.compoundCode);
  if (opts.q) q = q.where('name', 'like', `%${opts.q.replace(/[%_\\]/g, '')}%`);
  if (opts.after) q = q.where('id', '>', opts.after);
  return q.orderBy('id').limit(opts.limit).execute();
}

export async function unitCountsOf(db: Q, ownerIds: string[]): Promise<Map<string, number>> {
  if (ownerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('unitOwnerships')
    .select(['ownerId', sql<number>`count(*)`.as('n')])
    .where('ownerId', 'in', ownerIds)
    .groupBy('ownerId')
    .execute();
  return new Map(rows.map((r) => [r.ownerId, Number(r.n)]));
}

export async function countOwners(db: Q, compoundCode: string): Promise<number> {
  const row = await db
    .selectFrom('owners')
    .select(sql<number>`count(*)`.as('n'))
    .where('compoundCode', '=', compoundCode)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findOwnerByIdHash(db: Q, compoundCode: string, hash: string) {
  return db
    .selectFrom('owners')
    .select('id')
    .where('compoundCode', '=', compoundCode)
    .where('idNumberHash', '=', hash)
    .executeTakeFirst();
}

export function findDeveloper(db: Q, compoundCode: string) {
  return db
    .selectFrom('owners')
    .select('id')
    .where('compoundCode', '=', compoundCode)
    .where('kind', '=', 'developer')
    .executeTakeFirst();
}

export async function insertOwners(db: Q, rows: OwnerRow[]): Promise<void> {
  await inChunks(rows, (c) => db.insertInto('owners').values(c).execute());
}

export async function updateOwner(db: Q, id: string, patch: Updateable<OwnersTable>): Promise<void> {
  await db.updateTable('owners').set(patch).where('id', '=', id).execute();
}

export async function deleteOwner(db: Q, id: string): Promise<void> {
  await db.deleteFrom('owners').where('id', '=', id).execute();
}
