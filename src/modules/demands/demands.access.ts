import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { type Actor, authorize, can, listScopes } from '../iam/index';
import { demandsErrors } from './demands.errors';
import type { DemandRow } from './demands.table';
import type { DemandPermission } from './demands.workflow';

// Scope checks every demands service starts with (DESIGN, Security): without the permission
// anywhere, 403; with it but not over the demand's place, 404. A resident is not an official: they
// see the demands they filed themselves (reporterUserId), whatever their area scope.

type Q = Kysely<Database> | Transaction<Database>;

/** The user id or token label that goes into `createdBy`, `actorId` and the like. */
export function actorRef(actor: Actor): string {
  return actor.kind === 'user' ? actor.id : `${actor.kind}:${actor.label}`;
}

/** Whether the actor filed this demand (a signed-in resident following or rating their own). */
export function isReporter(actor: Actor, demand: Pick<DemandRow, 'reporterUserId'>): boolean {
  return actor.kind === 'user' && demand.reporterUserId === actor.id;
}

/** The demand row by id, or undefined; no scope check (see `scopedDemand`). */
export function findDemandRow(db: Q, id: string): Promise<DemandRow | undefined> {
  return db.selectFrom('demands').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row, when the actor holds `permission` over its place: 403 without it anywhere, else 404. */
export function scopedDemand(
  actor: Actor,
  row: DemandRow | undefined,
  permission: DemandPermission = 'demands.read',
): DemandRow {
  authorize(actor, permission);
  if (!row || !can(actor, permission, row.path)) throw demandsErrors.demandNotFound();
  return row;
}

/** A demand the actor may act on with `permission` over its place. */
export async function getScopedDemand(
  db: Q,
  actor: Actor,
  id: string,
  permission: DemandPermission = 'demands.read',
): Promise<DemandRow> {
  return scopedDemand(actor, await findDemandRow(db, id), permission);
}

/** Scopes for a list or a figure: `areaPath` within the caller's scope, else the whole scope. */
export async function demandScopes(
  db: Q,
  actor: Actor,
  areaCode: string | undefined,
  permission: DemandPermission = 'demands.read',
): Promise<string[]> {
  const scopes = listScopes(actor, permission);
  if (!areaCode) return scopes;
  const place = await db
    .selectFrom('areas')
    .select(['path', 'status'])
    .where('code', '=', areaCode)
    .executeTakeFirst();
  if (place?.status !== 'active' || !can(actor, permission, place.path)) throw demandsErrors.areaNotFound();
  return [place.path];
}
