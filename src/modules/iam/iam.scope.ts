import { type Permission, permissionsOf } from './iam.roles';

/**
 * A data scope is an area path of codes from the city down, e.g. `3716/371602/371602001`.
 * A scope covers its own node and everything below it, never a sibling that merely shares a
 * prefix of characters (`3716/37160` does not cover `3716/371602`).
 */
export const AREA_PATH_PATTERN = /^\d{2,12}(\/\d{2,15})*$/;

export function isAreaPath(value: string): boolean {
  return AREA_PATH_PATTERN.test(value);
}

export function scopeCovers(scopePath: string, targetPath: string): boolean {
  return targetPath === scopePath || targetPath.startsWith(`${scopePath}/`);
}

export interface Assignment {
  role: string;
  scopePath: string;
}

/** Whoever is acting: a signed-in user or an outside system with an API token. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  id: string;
  /** Username or token name, kept in the audit log. */
  label: string;
  assignments: Assignment[];
  requestId: string | null;
  ip: string | null;
}

export function hasPermissionAnywhere(actor: Actor, permission: Permission): boolean {
  return actor.assignments.some((a) => permissionsOf(a.role).includes(permission));
}

export function can(actor: Actor, permission: Permission, targetPath: string): boolean {
  return actor.assignments.some(
    (a) => permissionsOf(a.role).includes(permission) && scopeCovers(a.scopePath, targetPath),
  );
}

/**
 * The scopes in which the actor holds a permission, with nested ones removed: the list a
 * repository turns into one `path = s OR path LIKE 's/%'` condition per scope.
 */
export function scopesFor(actor: Actor, permission: Permission): string[] {
  const paths = actor.assignments
    .filter((a) => permissionsOf(a.role).includes(permission))
    .map((a) => a.scopePath)
    .sort((x, y) => x.length - y.length);
  const kept: string[] = [];
  for (const p of paths) if (!kept.some((k) => scopeCovers(k, p))) kept.push(p);
  return kept;
}

export function allPermissions(actor: Actor): Permission[] {
  return [...new Set(actor.assignments.flatMap((a) => permissionsOf(a.role)))].sort();
}

export const systemActor: Actor = {
  kind: 'system',
  id: 'system',
  label: 'system',
  assignments: [{ role: 'city_admin', scopePath: '3716' }],
  requestId: null,
  ip: null,
};
