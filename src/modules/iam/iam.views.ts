import { isRole, ROLE_DEFINITIONS, type Role } from './iam.roles';
import { type Actor, allPermissions } from './iam.scope';
import type { ApiTokenRow, AuditLogRow, UserRoleRow, UserRow } from './iam.table';

export function toAssignmentView(a: { role: string; scopePath: string }, scopeNames: Map<string, string>) {
  const name = isRole(a.role) ? ROLE_DEFINITIONS[a.role as Role].name : { zh: a.role, en: a.role };
  return {
    role: a.role,
    roleName: name,
    scopePath: a.scopePath,
    scopeName: scopeNames.get(a.scopePath) ?? null,
  };
}

/** What a user record shows: never the password hash. */
export function toUserView(user: UserRow, roles: UserRoleRow[], scopeNames = new Map<string, string>()) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    homeScopePath: user.homeScopePath,
    status: user.status,
    mustChangePassword: user.mustChangePassword === 1,
    lockedUntil: user.lockedUntil,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    assignments: roles.map((r) => toAssignmentView(r, scopeNames)),
  };
}

export function toMeView(opts: {
  user: UserRow;
  actor: Actor;
  csrfToken: string;
  scopeNames?: Map<string, string>;
}) {
  const names = opts.scopeNames ?? new Map<string, string>();
  return {
    user: {
      id: opts.user.id,
      username: opts.user.username,
      displayName: opts.user.displayName,
      mustChangePassword: opts.user.mustChangePassword === 1,
    },
    assignments: opts.actor.assignments.map((a) => toAssignmentView(a, names)),
    permissions: allPermissions(opts.actor),
    csrfToken: opts.csrfToken,
  };
}

/** A token as listed: never its hash, and the secret only once, at creation. */
export function toApiTokenView(t: ApiTokenRow) {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    scopePath: t.scopePath,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    lastUsedAt: t.lastUsedAt,
  };
}

export function toAuditEntryView(e: AuditLogRow) {
  let summary: unknown;
  try {
    summary = JSON.parse(e.summary);
  } catch {
    summary = e.summary;
  }
  return {
    seq: e.seq,
    at: e.at,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    scopePath: e.scopePath,
    summary,
    requestId: e.requestId,
    ip: e.ip,
    hash: e.hash,
  };
}
