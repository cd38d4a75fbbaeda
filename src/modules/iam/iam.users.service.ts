import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId, randomToken } from '../../lib/ids';
import { appendAudit } from './iam.audit';
import { authorize, listScopes } from './iam.authorize';
import { iamErrors } from './iam.errors';
import { hashPassword, passwordProblems } from './iam.password';
import * as repo from './iam.repository';
import { ROLE_DEFINITIONS, type Role } from './iam.roles';
import { type Actor, type Assignment, can, scopeCovers } from './iam.scope';
import type { UserRoleRow, UserRow } from './iam.table';
import { toUserView } from './iam.views';

type Db = Kysely<Database>;

/**
 * Whether the actor may hand out `role` over `scopePath`: they must manage users there, and
 * either be a city administrator over it or hold a role the granted role lists as its grantor
 * (a street official may create community officials and grid workers, never another street
 * official or an auditor).
 */
export function mayGrant(actor: Actor, assignment: Assignment): boolean {
  const def = ROLE_DEFINITIONS[assignment.role as Role];
  if (!def) return false;
  return actor.assignments.some(
    (a) =>
      scopeCovers(a.scopePath, assignment.scopePath) &&
      (a.role === 'city_admin' || (def.grantableBy as readonly string[]).includes(a.role)),
  );
}

function checkGrants(actor: Actor, homeScopePath: string, assignments: Assignment[]): void {
  authorize(actor, 'users.manage');
  if (!can(actor, 'users.manage', homeScopePath)) throw iamErrors.scopeOutside(homeScopePath);
  for (const a of assignments) {
    // An account's roles lie within the place it belongs to.
    if (!scopeCovers(homeScopePath, a.scopePath)) throw iamErrors.scopeOutside(a.scopePath);
    if (!mayGrant(actor, a)) throw iamErrors.roleNotGrantable(a.role);
  }
}

async function getManagedUser(db: Db, actor: Actor, id: string, permission: 'users.read' | 'users.manage') {
  authorize(actor, permission);
  const user = await repo.findUserById(db, id);
  authorize(actor, permission, user?.homeScopePath ?? null);
  return user as UserRow;
}

export async function listUsers(opts: {
  db: Db;
  actor: Actor;
  query: { search?: string | undefined; after?: string | undefined; limit: number };
}) {
  const scopes = listScopes(opts.actor, 'users.read');
  const users = await repo.listUsersInScopes(opts.db, { scopes, ...opts.query, limit: opts.query.limit + 1 });
  const page = users.slice(0, opts.query.limit);
  const roles = await repo.rolesOfUsers(
    opts.db,
    page.map((u) => u.id),
  );
  return {
    items: page.map((u) =>
      toUserView(
        u,
        roles.filter((r) => r.userId === u.id),
      ),
    ),
    nextCursor: users.length > opts.query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

export async function getUser(opts: { db: Db; actor: Actor; id: string }) {
  const user = await getManagedUser(opts.db, opts.actor, opts.id, 'users.read');
  return toUserView(user, await repo.rolesOfUsers(opts.db, [user.id]));
}

function roleRows(userId: string, assignments: Assignment[], now: string): UserRoleRow[] {
  const unique = new Map(assignments.map((a) => [`${a.role}@${a.scopePath}`, a]));
  return [...unique.values()].map((a) => ({
    id: newId(),
    userId,
    role: a.role,
    scopePath: a.scopePath,
    createdAt: now,
  }));
}

export async function createUser(opts: {
  db: Db;
  actor: Actor;
  input: {
    username: string;
    displayName: string;
    password: string;
    homeScopePath: string;
    assignments: Assignment[];
  };
}) {
  const { db, actor, input } = opts;
  checkGrants(actor, input.homeScopePath, input.assignments);
  const problems = passwordProblems(input.password, { username: input.username, field: 'password' });
  if (problems.length > 0) throw iamErrors.weakPassword(problems);
  if (await repo.findUserByUsername(db, input.username)) throw iamErrors.usernameTaken();
  const now = new Date().toISOString();
  const user: UserRow = {
    id: newId(),
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    homeScopePath: input.homeScopePath,
    status: 'active',
    mustChangePassword: 1,
    failedLoginCount: 0,
    lockedUntil: null,
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  };
  const roles = roleRows(user.id, input.assignments, now);
  await db.transaction().execute(async (trx) => {
    await repo.insertUser(trx, user);
    await repo.replaceRoles(trx, user.id, roles);
    await appendAudit(trx, {
      actor,
      action: 'iam.user_created',
      targetType: 'user',
      targetId: user.id,
      scopePath: user.homeScopePath,
      summary: { username: user.username, assignments: input.assignments },
    });
  });
  return toUserView(user, roles);
}

export async function updateUser(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: {
    displayName?: string | undefined;
    status?: 'active' | 'disabled' | undefined;
    assignments?: Assignment[] | undefined;
  };
}) {
  const { db, actor, input } = opts;
  const user = await getManagedUser(db, actor, opts.id, 'users.manage');
  if (user.id === actor.id && (input.status === 'disabled' || input.assignments))
    throw iamErrors.cannotChangeOwnAccess();
  const current = await repo.rolesOfUsers(db, [user.id]);
  if (input.assignments) {
    // Removing a role is granting in reverse: the actor must be able to grant what they take away.
    checkGrants(actor, user.homeScopePath, [...input.assignments, ...current]);
  }
  const now = new Date().toISOString();
  const patch: Partial<UserRow> = { updatedAt: now };
  if (input.displayName !== undefined) patch.displayName = input.displayName;
  if (input.status !== undefined) patch.status = input.status;
  const roles = input.assignments ? roleRows(user.id, input.assignments, now) : current;
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, patch);
    if (input.assignments) await repo.replaceRoles(trx, user.id, roles);
    if (input.status === 'disabled') await repo.deleteSessionsOfUser(trx, user.id);
    await appendAudit(trx, {
      actor,
      action: 'iam.user_updated',
      targetType: 'user',
      targetId: user.id,
      scopePath: user.homeScopePath,
      summary: {
        before: {
          displayName: user.displayName,
          status: user.status,
          assignments: current.map(({ role, scopePath }) => ({ role, scopePath })),
        },
        after: input,
      },
    });
  });
  return toUserView({ ...user, ...patch }, roles);
}

/**
 * An administrator's reset: a temporary password (given, or generated and shown once), the
 * lockout cleared, every session ended, and a change required at the next sign-in.
 */
export async function resetPassword(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: { temporaryPassword?: string | undefined };
}) {
  const { db, actor } = opts;
  const user = await getManagedUser(db, actor, opts.id, 'users.manage');
  const temporaryPassword = opts.input.temporaryPassword ?? `Gr-${randomToken(9)}7a`;
  const problems = passwordProblems(temporaryPassword, {
    username: user.username,
    field: 'temporaryPassword',
  });
  if (problems.length > 0) throw iamErrors.weakPassword(problems);
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, {
      passwordHash,
      mustChangePassword: 1,
      failedLoginCount: 0,
      lockedUntil: null,
      passwordChangedAt: now,
      updatedAt: now,
    });
    await repo.deleteSessionsOfUser(trx, user.id);
    await appendAudit(trx, {
      actor,
      action: 'iam.password_reset',
      targetType: 'user',
      targetId: user.id,
      scopePath: user.homeScopePath,
    });
  });
  return { temporaryPassword };
}
