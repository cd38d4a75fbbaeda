import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import type { PlaceRoleRow, ResidentMovesTable, ResidentRow, ResidentsTable } from './people.table';

type Q = Kysely<Database> | Transaction<Database>;

/** A unique index refused the row (SQLite SQLITE_CONSTRAINT_UNIQUE, PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

// ---- residents ---------------------------------------------------------------------------------

export function findResidentById(db: Q, id: string): Promise<ResidentRow | undefined> {
  return db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findResidentsByIds(db: Q, ids: string[]): Promise<ResidentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('residents')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export function findResidentByIdNumberHash(db: Q, hash: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('residents').select('id').where('idNumberHash', '=', hash).executeTakeFirst();
}

export function findResidentsByIdNumberHashes(
  db: Q,
  hashes: string[],
): Promise<{ id: string; idNumberHash: string | null; path: string }[]> {
  if (hashes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('residents')
    .select(['id', 'idNumberHash', 'path'])
    .where('idNumberHash', 'in', [...new Set(hashes)])
    .execute();
}

export async function insertResident(db: Q, row: ResidentRow): Promise<void> {
  await db.insertInto('residents').values(row).execute();
}

export async function updateResident(
  db: Q,
  id: string,
  patch: Partial<Omit<ResidentsTable, 'id' | 'createdAt'>>,
): Promise<void> {
  await db.updateTable('residents').set(patch).where('id', '=', id).execute();
}

export interface ResidentFilter {
  /** The caller's scopes: applied before any other condition. */
  scopes: string[];
  /** The place chosen in the filter: residents at or below it. */
  areaPath?: string | undefined;
  name?: string | undefined;
  idNumberHash?: string | undefined;
  phoneHash?: string | undefined;
  residenceType?: ResidentRow['residenceType'] | undefined;
  gender?: ResidentRow['gender'] | undefined;
  status?: ResidentRow['status'] | undefined;
  /** Born on or after this day (the oldest age asked for). */
  bornFrom?: string | undefined;
  /** Born on or before this day (the youngest age asked for). */
  bornTo?: string | undefined;
  after?: string | undefined;
  limit: number;
}

export function listResidents(db: Q, f: ResidentFilter): Promise<ResidentRow[]> {
  let q = db
    .selectFrom('residents')
    .selectAll()
    .where((eb) => inScopes(eb, 'path', f.scopes));
  if (f.areaPath) q = q.where((eb) => inScopes(eb, 'path', [f.areaPath as string]));
  if (f.name) {
    const escaped = f.name.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where(sql<boolean>`${sql.ref('name')} like ${`%${escaped}%`} escape '\\'`);
  }
  if (f.idNumberHash) q = q.where('idNumberHash', '=', f.idNumberHash);
  if (f.phoneHash) q = q.where('phoneHash', '=', f.phoneHash);
  if (f.residenceType) q = q.where('residenceType', '=', f.residenceType);
  if (f.gender) q = q.where('gender', '=', f.gender);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.bornFrom) q = q.where('birthDate', '>=', f.bornFrom);
  if (f.bornTo) q = q.where('birthDate', '<=', f.bornTo);
  if (f.after) q = q.where('id', '>', f.after);
  return q.orderBy('id').limit(f.limit).execute();
}

/** Everyone registered in a household who still lives there. */
export function membersOfHousehold(db: Q, householdCode: string): Promise<ResidentRow[]> {
  return db
    .selectFrom('residents')
    .selectAll()
    .where('householdCode', '=', householdCode)
    .where('status', '=', 'active')
    .orderBy('birthDate')
    .orderBy('id')
    .execute();
}

/** Residents living at or below a place (moved-out and deceased residents are not counted). */
export async function countActiveResidentsIn(db: Q, path: string): Promise<number> {
  const row = await db
    .selectFrom('residents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => inScopes(eb, 'path', [path]))
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---- moves -------------------------------------------------------------------------------------

export async function insertMove(db: Q, row: ResidentMovesTable): Promise<void> {
  await db.insertInto('residentMoves').values(row).execute();
}

export function movesOf(db: Q, residentId: string) {
  return db
    .selectFrom('residentMoves')
    .selectAll()
    .where('residentId', '=', residentId)
    .orderBy('movedOn')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function lastMoveDate(db: Q, residentId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('residentMoves')
    .select((eb) => eb.fn.max('movedOn').as('last'))
    .where('residentId', '=', residentId)
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? undefined;
}

// ---- roles on places ---------------------------------------------------------------------------

export async function insertPlaceRole(db: Q, row: PlaceRoleRow): Promise<void> {
  await db.insertInto('placeRoles').values(row).execute();
}

export function findPlaceRole(db: Q, id: string): Promise<PlaceRoleRow | undefined> {
  return db.selectFrom('placeRoles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function endPlaceRole(db: Q, id: string, until: string): Promise<void> {
  await db.updateTable('placeRoles').set({ until }).where('id', '=', id).execute();
}

export function placeRolesOf(db: Q, residentId: string): Promise<PlaceRoleRow[]> {
  return db
    .selectFrom('placeRoles')
    .selectAll()
    .where('residentId', '=', residentId)
    .orderBy('since', 'desc')
    .orderBy('id')
    .execute();
}

/** Roles on places at or below `path`; with `heldOn`, those begun by that day and not ended on or before it. */
export function placeRolesIn(
  db: Q,
  opts: {
    scopes: string[];
    path: string;
    role?: PlaceRoleRow['role'] | undefined;
    heldOn?: string | undefined;
    limit: number;
  },
): Promise<PlaceRoleRow[]> {
  let q = db
    .selectFrom('placeRoles')
    .selectAll()
    .where((eb) => inScopes(eb, 'path', opts.scopes))
    .where((eb) => inScopes(eb, 'path', [opts.path]));
  if (opts.role) q = q.where('role', '=', opts.role);
  if (opts.heldOn) {
    const day = opts.heldOn;
    q = q.where('since', '<=', day).where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', day)]));
  }
  return q.orderBy('path').orderBy('role').orderBy('since').limit(opts.limit).execute();
}

export function openRolesOfResident(db: Q, residentId: string): Promise<PlaceRoleRow[]> {
  return db
    .selectFrom('placeRoles')
    .selectAll()
    .where('residentId', '=', residentId)
    .where('until', 'is', null)
    .execute();
}

export async function isActivePartyMember(db: Q, residentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('partyMembers')
    .select('id')
    .where('residentId', '=', residentId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Boolean(row);
}

// ---- paths -------------------------------------------------------------------------------------

/** Every people table whose rows carry the area path of their place (migration 0003). */
const PATHED_TABLES = ['residents', 'placeRoles', 'partyMembers', 'partyTransfers', 'talents'] as const;

/** Replaces the prefix `oldPath` by `newPath` on every row at or below it, one statement per table. */
export async function rewritePaths(trx: Q, oldPath: string, newPath: string): Promise<void> {
  for (const table of PATHED_TABLES) {
    await trx
      .updateTable(table)
      .set({ path: sql<string>`${newPath} || substr(${sql.ref('path')}, ${oldPath.length + 1})` })
      .where((eb) => inScopes(eb, 'path', [oldPath]))
      .execute();
  }
}
