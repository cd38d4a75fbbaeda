import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { type Actor, authorize, can } from '../iam/index';
import { partyErrors } from './party.errors';
import * as reports from './party.reports.repository';
import * as repo from './party.repository';
import type { PartyOrgRow } from './party.table';

// The scope checks every party service starts with (DESIGN, Security): without the permission
// anywhere, 403; with it but not over the record's place, 404 — a record outside one's scope is
// not confirmed to exist.

type Q = Kysely<Database> | Transaction<Database>;
type PartyPermission = 'party.read' | 'party.write';

/** An active place the actor holds `permission` over. */
export async function getScopedPlace(
  db: Q,
  actor: Actor,
  code: string,
  permission: PartyPermission = 'party.read',
): Promise<reports.PlaceRow> {
  authorize(actor, permission);
  const place = await reports.findPlace(db, code);
  if (place?.status !== 'active' || !can(actor, permission, place.path)) throw partyErrors.areaNotFound();
  return place;
}

export async function getScopedOrg(
  db: Q,
  actor: Actor,
  id: string,
  permission: PartyPermission = 'party.read',
): Promise<PartyOrgRow> {
  authorize(actor, permission);
  const org = await repo.findOrgById(db, id);
  if (!org || !can(actor, permission, org.path)) throw partyErrors.orgNotFound();
  return org;
}

/** An organisation the actor may change: in scope for party.write and not dissolved. */
export async function getWritableOrg(db: Q, actor: Actor, id: string): Promise<PartyOrgRow> {
  const org = await getScopedOrg(db, actor, id, 'party.write');
  if (org.status !== 'active') throw partyErrors.orgDissolved();
  return org;
}

/** Names of the places the organisations are bound to, for their summaries. */
export async function areaNamesOf(db: Q, orgs: readonly PartyOrgRow[]): Promise<Map<string, string>> {
  const places = await reports.findPlaces(db, [...new Set(orgs.map((o) => o.areaCode))]);
  return new Map(places.map((p) => [p.code, p.name]));
}
