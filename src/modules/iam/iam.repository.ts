import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import type { ApiTokenRow, NewUserRow, SessionRow, UserRoleRow, UserRow } from './iam.table';

type Q = Kysely<Database> | Transaction<Database>;

// ---- users -------------------------------------------------------------------------------------

export function findUserByUsername(db: Q, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Q, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Q, row: NewUserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Q, id: string, patch: Partial<Omit<UserRow, 'id'>>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export function listUsersInScopes(
  db: Q,
  opts: { scopes: string[]; search?: string | undefined; after?: string | undefined; limit: number },
): Promise<UserRow[]> {
  let q = db
    .selectFrom('users')
    .selectAll()
    .where((eb) => inScopes(eb, 'homeScopePath', opts.scopes));
  if (opts.search) {
    const like = `%${opts.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('username', 'like', like), eb('displayName', 'like', like)]));
  }
  if (opts.after) q = q.where('id', '>', opts.after);
  return q.orderBy('id').limit(opts.limit).execute();
}

// ---- role assignments --------------------------------------------------------------------------

export function rolesOfUsers(db: Q, userIds: string[]): Promise<UserRoleRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('userRoles')
    .selectAll()
    .where('userId', 'in', userIds)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function replaceRoles(db: Q, userId: string, rows: UserRoleRow[]): Promise<void> {
  await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
  if (rows.length > 0) await db.insertInto('userRoles').values(rows).execute();
}

// ---- sessions ----------------------------------------------------------------------------------

export async function insertSession(db: Q, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export function findSession(db: Q, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(
  db: Q,
  id: string,
  lastSeenAt: string,
  idleExpiresAt: string,
): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt, idleExpiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Q, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Q, userId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Q, now: string): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('idleExpiresAt', '<=', now), eb('absoluteExpiresAt', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ---- login throttle ----------------------------------------------------------------------------

export function findThrottle(db: Q, key: string) {
  return db.selectFrom('loginThrottle').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveThrottle(db: Q, row: { key: string; windowStart: string; attempts: number }) {
  await db
    .insertInto('loginThrottle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ windowStart: row.windowStart, attempts: row.attempts }),
    )
    .execute();
}

// ---- API tokens --------------------------------------------------------------------------------

export async function insertApiToken(db: Q, row: ApiTokenRow): Promise<void> {
  await db.insertInto('apiTokens').values(row).execute();
}

export function findApiTokenByHash(db: Q, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('apiTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export function findApiTokenById(db: Q, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listApiTokensInScopes(db: Q, scopes: string[]): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('apiTokens')
    .selectAll()
    .where((eb) => inScopes(eb, 'scopePath', scopes))
    .orderBy('createdAt', 'desc')
    .execute();
}

export async function updateApiToken(db: Q, id: string, patch: Partial<Omit<ApiTokenRow, 'id'>>) {
  await db.updateTable('apiTokens').set(patch).where('id', '=', id).execute();
}
