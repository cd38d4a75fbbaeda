import { commonErrors } from '../../server/errors';
import { iamErrors } from './iam.errors';
import type { Permission } from './iam.roles';
import { type Actor, can, hasPermissionAnywhere, scopesFor } from './iam.scope';

/**
 * The one scope check every service uses. Without the permission anywhere the caller gets 403;
 * with the permission but not over this record's place, 404 — a record outside one's scope is
 * not confirmed to exist.
 */
export function authorize(actor: Actor, permission: Permission, targetPath?: string | null): void {
  if (!hasPermissionAnywhere(actor, permission)) throw iamErrors.forbidden(permission);
  if (targetPath === undefined) return;
  if (targetPath === null || !can(actor, permission, targetPath)) throw commonErrors.notFound();
}

/** Scopes to filter a list by; throws 403 when the actor may not read this kind of record at all. */
export function listScopes(actor: Actor, permission: Permission): string[] {
  if (!hasPermissionAnywhere(actor, permission)) throw iamErrors.forbidden(permission);
  return scopesFor(actor, permission);
}
