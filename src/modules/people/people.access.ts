import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { chinaToday } from '../areas/index';
import { type Actor, authorize, can, listScopes, type Permission } from '../iam/index';
import { peopleErrors } from './people.errors';
import { findPlace, type Place } from './people.places';
import * as repo from './people.repository';
import type { ResidentRow } from './people.table';

type Q = Kysely<Database> | Transaction<Database>;
type PeoplePermission = Extract<Permission, `people.${string}`>;

/** Today in China (UTC+8): the day ages, move dates and role terms are counted from. */
export const today = () => chinaToday();

/** The scopes a people list is filtered by before anything else; 403 without the permission at all. */
export function residentScopes(actor: Actor, permission: PeoplePermission = 'people.read'): string[] {
  return listScopes(actor, permission);
}

/**
 * A resident the actor may act on with `permission`: 403 without the permission anywhere, 404 when
 * the record does not exist or lies outside the actor's scope (existence is not confirmed).
 */
export async function getResidentFor(
  db: Q,
  actor: Actor,
  id: string,
  permission: PeoplePermission,
): Promise<ResidentRow> {
  authorize(actor, permission);
  const row = await repo.findResidentById(db, id);
  authorize(actor, permission, row?.path ?? null);
  return row as ResidentRow;
}

/** A resident named in a request body: as above, but the 404 names the field. */
export async function getReferencedResident(
  db: Q,
  actor: Actor,
  id: string,
  opts: { permission: PeoplePermission; field: string },
): Promise<ResidentRow> {
  authorize(actor, opts.permission);
  const row = await repo.findResidentById(db, id);
  if (!row || !can(actor, opts.permission, row.path)) throw peopleErrors.residentNotFound(opts.field);
  return row;
}

/** An active place within the actor's scope for `permission`; unknown and out of scope look alike. */
export async function getPlaceFor(
  db: Q,
  actor: Actor,
  code: string,
  opts: { permission: PeoplePermission; field: string },
): Promise<Place> {
  authorize(actor, opts.permission);
  const place = await findPlace(db, code);
  if (!place || !can(actor, opts.permission, place.path)) throw peopleErrors.placeNotFound(opts.field);
  return place;
}

/** The household a resident is registered into: an active area node of level `household`. */
export async function getWritableHousehold(
  db: Q,
  actor: Actor,
  code: string,
  field = 'householdCode',
): Promise<Place> {
  const place = await getPlaceFor(db, actor, code, { permission: 'people.write', field });
  if (place.level !== 'household' || place.status !== 'active') throw peopleErrors.notAHousehold(field);
  return place;
}

/** The date must not lie in the future (China time). */
export function checkNotFuture(day: string, field: string): void {
  if (day > today()) throw peopleErrors.futureDate(field);
}
