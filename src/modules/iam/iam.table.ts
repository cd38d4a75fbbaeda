import type { Generated, Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  /** The area path under which the account is managed (who may administer it). */
  homeScopePath: string;
  status: 'active' | 'disabled';
  mustChangePassword: number;
  failedLoginCount: number;
  lockedUntil: string | null;
  passwordChangedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface UserRolesTable {
  id: string;
  userId: string;
  role: string;
  scopePath: string;
  createdAt: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginThrottleTable {
  key: string;
  windowStart: string;
  attempts: number;
}

/** A rate-limit count: requests of one bucket and client (hashed key) in one minute. */
export interface RateLimitWindowsTable {
  key: string;
  /** Minutes since the epoch: the minute counted. */
  windowNo: number;
  count: number;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  tokenHash: string;
  role: string;
  scopePath: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  scopePath: string | null;
  /** JSON text: what changed. */
  summary: string;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: Generated<number>;
  lastSeq: number;
  lastHash: string;
}

export interface IamTables {
  users: UsersTable;
  userRoles: UserRolesTable;
  sessions: SessionsTable;
  loginThrottle: LoginThrottleTable;
  rateLimitWindows: RateLimitWindowsTable;
  apiTokens: ApiTokensTable;
  auditLog: AuditLogTable;
  auditHead: AuditHeadTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserRoleRow = Selectable<UserRolesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
