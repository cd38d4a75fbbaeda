import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { chinaToday } from '../areas/index';
import { type Actor, authorize, can, listScopes } from '../iam/index';
import { ownersErrors } from './owners.errors';
import * as reports from './owners.reports.repository';

// The scope checks every owners service starts with (DESIGN, Security): without the permission
// anywhere, 403; with it but not over the compound's place, 404 — a record outside one's scope is
// not confirmed to exist. Registers, committees and formations carry their compound's path.

type Q = Kysely<Database> | Transaction<Database>;
export type OwnersPermission = 'owners.read' | 'owners.write';

/** Today in China (UTC+8): terms, filing and delivery dates are China calendar days. */
export const today = () => chinaToday();

/** An active compound the actor holds `permission` over. */
export async function getScopedCompound(
  db: Q,
  actor: Actor,
  code: string,
  permission: OwnersPermission = 'owners.read',
): Promise<reports.PlaceRow> {
  authorize(actor, permission);
  const place = await reports.findPlace(db, code);
  if (place?.level !== 'compound' || place.status !== 'active' || !can(actor, permission, place.path))
    throw ownersErrors.compoundNotFound();
  return place;
}

/** A record carrying a compound's path: 403 without the permission, 404 when absent or out of scope. */
export function checkRecordScope<T extends { path: string }>(
  actor: Actor,
  permission: OwnersPermission,
  row: T | undefined,
  notFound: () => Error,
): T {
  authorize(actor, permission);
  if (!row || !can(actor, permission, row.path)) throw notFound();
  return row;
}

/** The place a list or a figure is about: `area` within the scope, else the caller's whole scope. */
export async function scopesFor(
  db: Q,
  actor: Actor,
  area: string | undefined,
): Promise<{ scopes: string[]; place: reports.PlaceRow | undefined }> {
  const scopes = listScopes(actor, 'owners.read');
  if (!area) return { scopes, place: undefined };
  const place = await reports.findPlace(db, area);
  if (place?.status !== 'active' || !can(actor, 'owners.read', place.path)) throw ownersErrors.areaNotFound();
  return { scopes: [place.path], place };
}

/** The user id of a signed-in actor, for the columns that record who did something. */
export function actorUserId(actor: Actor): string {
  return actor.kind === 'user' ? actor.id : actor.label;
}
