import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { randomToken } from '../../lib/ids';
import { appendAudit, recordAudit } from './iam.audit';
import { iamErrors } from './iam.errors';
import { hashPassword, passwordProblems, UNKNOWN_USER_HASH, verifyPassword } from './iam.password';
import * as repo from './iam.repository';
import type { Actor } from './iam.scope';
import type { SessionRow, UserRow } from './iam.table';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'gr_session';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

/** Consecutive wrong passwords before the account locks, and for how long. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
/** Sign-in attempts one address may make in a window, whatever the usernames. */
export const IP_ATTEMPTS_PER_WINDOW = 30;
export const IP_WINDOW_MINUTES = 15;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const minutesFrom = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

function actorOfUser(user: UserRow, client: ClientInfo): Actor {
  return {
    kind: 'user',
    id: user.id,
    label: user.username,
    assignments: [],
    requestId: client.requestId,
    ip: client.ip,
  };
}

async function throttleByAddress(db: Kysely<Database>, ip: string | null, now: Date): Promise<void> {
  if (!ip) return;
  const key = `ip:${ip}`;
  const row = await repo.findThrottle(db, key);
  const windowOpen = row && new Date(row.windowStart).getTime() > now.getTime() - IP_WINDOW_MINUTES * 60_000;
  if (row && windowOpen && row.attempts >= IP_ATTEMPTS_PER_WINDOW) {
    const retry = Math.ceil(
      (new Date(row.windowStart).getTime() + IP_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000,
    );
    throw iamErrors.tooManyAttempts(Math.max(retry, 1));
  }
  await repo.saveThrottle(db, {
    key,
    windowStart: windowOpen ? row.windowStart : now.toISOString(),
    attempts: windowOpen ? row.attempts + 1 : 1,
  });
}

/**
 * Checks the password and opens a session. Five wrong passwords in a row lock the account for
 * 15 minutes; while locked even the right password is refused. Every outcome is audited.
 */
export async function login(opts: {
  db: Kysely<Database>;
  settings: SessionSettings;
  input: { username: string; password: string };
  client: ClientInfo;
  now?: Date;
}): Promise<{ token: string; session: SessionRow; user: UserRow }> {
  const { db, input, client } = opts;
  const now = opts.now ?? new Date();
  await throttleByAddress(db, client.ip, now);
  const user = await repo.findUserByUsername(db, input.username.trim());
  if (!user) {
    await verifyPassword(input.password, UNKNOWN_USER_HASH);
    await recordAudit(db, {
      actor: {
        kind: 'system',
        id: 'anonymous',
        label: input.username.trim().slice(0, 64),
        assignments: [],
        requestId: client.requestId,
        ip: client.ip,
      },
      action: 'iam.login_failed',
      targetType: 'user',
      summary: { reason: 'unknown_user' },
    });
    throw iamErrors.invalidCredentials();
  }
  const actor = actorOfUser(user, client);
  if (user.lockedUntil && user.lockedUntil > now.toISOString())
    throw iamErrors.accountLocked(user.lockedUntil);
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const failures = user.failedLoginCount + 1;
    const lockedUntil = failures >= LOCKOUT_THRESHOLD ? minutesFrom(now, LOCKOUT_MINUTES) : null;
    await db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, user.id, { failedLoginCount: lockedUntil ? 0 : failures, lockedUntil });
      await appendAudit(trx, {
        actor,
        action: lockedUntil ? 'iam.account_locked' : 'iam.login_failed',
        targetType: 'user',
        targetId: user.id,
        scopePath: user.homeScopePath,
        summary: { failures, lockedUntil },
      });
    });
    if (lockedUntil) throw iamErrors.accountLocked(lockedUntil);
    throw iamErrors.invalidCredentials();
  }
  if (user.status !== 'active') throw iamErrors.accountDisabled();
  const token = randomToken(32);
  const session: SessionRow = {
    id: sha256(token),
    userId: user.id,
    csrfToken: randomToken(24),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    idleExpiresAt: minutesFrom(now, opts.settings.idleMinutes),
    absoluteExpiresAt: minutesFrom(now, opts.settings.absoluteHours * 60),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  };
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { failedLoginCount: 0, lockedUntil: null });
    await repo.insertSession(trx, session);
    await appendAudit(trx, {
      actor,
      action: 'iam.login',
      targetType: 'user',
      targetId: user.id,
      scopePath: user.homeScopePath,
    });
  });
  return { token, session, user };
}

/**
 * The session behind a cookie value. Idle sessions expire after the idle timeout, all sessions
 * after the absolute lifetime; activity slides the idle deadline (written at most once a minute).
 */
export async function resolveSession(opts: {
  db: Kysely<Database>;
  settings: SessionSettings;
  token: string;
  now?: Date;
}): Promise<{ session: SessionRow; user: UserRow }> {
  const now = opts.now ?? new Date();
  const nowIso = now.toISOString();
  const session = await repo.findSession(opts.db, sha256(opts.token));
  if (!session) throw iamErrors.sessionExpired();
  if (session.idleExpiresAt <= nowIso || session.absoluteExpiresAt <= nowIso) {
    await repo.deleteSession(opts.db, session.id);
    throw iamErrors.sessionExpired();
  }
  const user = await repo.findUserById(opts.db, session.userId);
  if (user?.status !== 'active') {
    await repo.deleteSession(opts.db, session.id);
    throw iamErrors.sessionExpired();
  }
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000) {
    const idleExpiresAt = minutesFrom(now, opts.settings.idleMinutes);
    await repo.touchSession(opts.db, session.id, nowIso, idleExpiresAt);
    session.lastSeenAt = nowIso;
    session.idleExpiresAt = idleExpiresAt;
  }
  return { session, user };
}

export function csrfTokenMatches(session: SessionRow, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(opts: { db: Kysely<Database>; actor: Actor; sessionId: string }): Promise<void> {
  await opts.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, opts.sessionId);
    await appendAudit(trx, {
      actor: opts.actor,
      action: 'iam.logout',
      targetType: 'user',
      targetId: opts.actor.id,
    });
  });
}

/** Changes one's own password; other sessions of the user are signed out. */
export async function changeOwnPassword(opts: {
  db: Kysely<Database>;
  actor: Actor;
  sessionId: string | null;
  input: { currentPassword: string; newPassword: string };
}): Promise<void> {
  const user = await repo.findUserById(opts.db, opts.actor.id);
  if (!user) throw iamErrors.unauthenticated();
  if (!(await verifyPassword(opts.input.currentPassword, user.passwordHash)))
    throw iamErrors.passwordMismatch();
  const problems = passwordProblems(opts.input.newPassword, { username: user.username });
  if (opts.input.newPassword === opts.input.currentPassword)
    problems.push({
      field: 'newPassword',
      in: 'body',
      reason: 'unchanged',
      message: { zh: '新密码不能与当前密码相同', en: 'must differ from the current password' },
    });
  if (problems.length > 0) throw iamErrors.weakPassword(problems);
  const passwordHash = await hashPassword(opts.input.newPassword);
  const now = new Date().toISOString();
  await opts.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, {
      passwordHash,
      mustChangePassword: 0,
      passwordChangedAt: now,
      updatedAt: now,
    });
    await repo.deleteSessionsOfUser(trx, user.id, opts.sessionId ?? undefined);
    await appendAudit(trx, {
      actor: opts.actor,
      action: 'iam.password_changed',
      targetType: 'user',
      targetId: user.id,
      scopePath: user.homeScopePath,
    });
  });
}

/** The acting user with their role assignments, as every service sees them. */
export async function actorForUser(opts: {
  db: Kysely<Database>;
  user: UserRow;
  client: { ip: string | null; requestId: string | null };
}): Promise<Actor> {
  const roles = await repo.rolesOfUsers(opts.db, [opts.user.id]);
  return {
    kind: 'user',
    id: opts.user.id,
    label: opts.user.username,
    assignments: roles.map((r) => ({ role: r.role, scopePath: r.scopePath })),
    requestId: opts.client.requestId,
    ip: opts.client.ip,
  };
}
