import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { commonErrors } from '../../server/errors';
import type { AreaLevel } from '../areas/index';
import { type Actor, appendAudit, authorize, scopeCovers } from '../iam/index';
import { getPlaceFor, getReferencedResident, residentScopes, today } from './people.access';
import { peopleErrors } from './people.errors';
import {
  ancestorCodes,
  findPlace,
  findPlaces,
  gridStaffOf,
  type Place,
  parsePlaceAttrs,
} from './people.places';
import * as repo from './people.repository';
import type { PlaceRoleRow } from './people.table';
import { toPlaceRoleView } from './people.views';

type Db = Kysely<Database>;
type PlaceRole = PlaceRoleRow['role'];

/** The level each role is held on: 楼栋长 a building, 党员中心户 a household, 兼职网格员 a grid. */
export const PLACE_ROLE_LEVEL: Record<PlaceRole, AreaLevel> = {
  building_head: 'building',
  party_central_household: 'household',
  part_time_grid_worker: 'grid',
};

/**
 * Gives a resident a role on a place. The resident must live in or below that place (a building
 * head in that building, a part-time grid worker in that grid); a party-member central household
 * must be a registered party member living in that household.
 */
export async function createPlaceRole(opts: {
  db: Db;
  actor: Actor;
  input: { residentId: string; role: PlaceRole; areaCode: string; since: string };
}) {
  const { db, actor, input } = opts;
  const place = await getPlaceFor(db, actor, input.areaCode, {
    permission: 'people.write',
    field: 'areaCode',
  });
  if (place.level !== PLACE_ROLE_LEVEL[input.role] || place.status !== 'active')
    throw peopleErrors.placeRoleWrongLevel(input.role);
  const resident = await getReferencedResident(db, actor, input.residentId, {
    permission: 'people.write',
    field: 'residentId',
  });
  if (resident.status !== 'active') throw peopleErrors.notActive(resident.status);
  if (!scopeCovers(place.path, resident.path)) throw peopleErrors.placeRoleNotResident(input.role);
  if (input.role === 'party_central_household' && !(await repo.isActivePartyMember(db, resident.id)))
    throw peopleErrors.notPartyMember();
  const open = await repo.openRolesOfResident(db, resident.id);
  if (open.some((r) => r.role === input.role && r.areaCode === place.code))
    throw peopleErrors.placeRoleTaken();
  const row: PlaceRoleRow = {
    id: newId(),
    residentId: resident.id,
    role: input.role,
    areaCode: place.code,
    path: place.path,
    since: input.since,
    until: null,
    createdAt: new Date().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertPlaceRole(trx, row);
    await appendAudit(trx, {
      actor,
      action: 'people.place_role_created',
      targetType: 'place_role',
      targetId: row.id,
      scopePath: place.path,
      summary: { residentId: resident.id, role: row.role, areaCode: place.code, since: row.since },
    });
  });
  return toPlaceRoleView({ role: row, resident, place, today: today() });
}

/** Ends a role on a date (the first day it is no longer held). */
export async function endPlaceRole(opts: { db: Db; actor: Actor; id: string; input: { until: string } }) {
  const { db, actor, input } = opts;
  authorize(actor, 'people.write');
  const role = await repo.findPlaceRole(db, opts.id);
  authorize(actor, 'people.write', role?.path ?? null);
  if (!role) throw commonErrors.notFound();
  if (role.until !== null) throw peopleErrors.placeRoleEnded();
  if (input.until < role.since) throw peopleErrors.untilBeforeSince(role.since);
  await db.transaction().execute(async (trx) => {
    await repo.endPlaceRole(trx, role.id, input.until);
    await appendAudit(trx, {
      actor,
      action: 'people.place_role_ended',
      targetType: 'place_role',
      targetId: role.id,
      scopePath: role.path,
      summary: { until: input.until },
    });
  });
  const [resident] = await repo.findResidentsByIds(db, [role.residentId]);
  const place = await findPlace(db, role.areaCode);
  return toPlaceRoleView({ role: { ...role, until: input.until }, resident, place, today: today() });
}

/** Roles on a place and on the places below it; held today unless `includeEnded`. */
export async function listPlaceRoles(opts: {
  db: Db;
  actor: Actor;
  query: { areaCode: string; role?: PlaceRole | undefined; includeEnded: boolean; limit: number };
}) {
  const { db, actor, query } = opts;
  const scopes = residentScopes(actor, 'people.read');
  const place = await getPlaceFor(db, actor, query.areaCode, {
    permission: 'people.read',
    field: 'areaCode',
  });
  const day = today();
  const roles = await repo.placeRolesIn(db, {
    scopes,
    path: place.path,
    role: query.role,
    heldOn: query.includeEnded ? undefined : day,
    limit: query.limit,
  });
  return { items: await placeRoleViews(db, roles, day) };
}

async function placeRoleViews(db: Db, roles: PlaceRoleRow[], day: string) {
  const residents = new Map(
    (
      await repo.findResidentsByIds(
        db,
        roles.map((r) => r.residentId),
      )
    ).map((r) => [r.id, r]),
  );
  const places = await findPlaces(
    db,
    roles.map((r) => r.areaCode),
  );
  return roles.map((role) =>
    toPlaceRoleView({
      role,
      resident: residents.get(role.residentId),
      place: places.get(role.areaCode),
      today: day,
    }),
  );
}

/**
 * The public notice of a building (no sign-in), for the board in its entrance hall: its compound,
 * grid and community, the building head and the party-member central households with names and
 * masked phones, and the grid's workers with their work phones and the supervision phone (grid
 * regulation art. 6). Residents' full numbers are never shown here (PIPL art. 25).
 */
export async function getPublicBuilding(opts: { db: Db; code: string }) {
  const { db } = opts;
  const building = await findPlace(db, opts.code);
  if (building?.level !== 'building' || building.status !== 'active') throw commonErrors.notFound();
  const above = [...(await findPlaces(db, ancestorCodes(building.path))).values()];
  const at = (level: AreaLevel): Place | undefined => above.find((p) => p.level === level);
  const grid = at('grid');
  const day = today();
  const held = await repo.placeRolesIn(db, {
    // A public notice: no caller, no scope beyond the building's own grid.
    scopes: [grid?.path ?? building.path],
    path: grid?.path ?? building.path,
    heldOn: day,
    limit: 500,
  });
  const views = await placeRoleViews(db, held, day);
  const households = await findPlaces(
    db,
    views.filter((v) => v.role === 'party_central_household').map((v) => v.areaCode),
  );
  const contact = (v: (typeof views)[number]) => ({ name: v.residentName, phoneMasked: v.phoneMasked });
  const inBuilding = (v: (typeof views)[number]) => scopeCovers(building.path, v.path);
  return {
    code: building.code,
    name: building.name,
    compound: at('compound')?.name ?? null,
    grid: grid ? { code: grid.code, name: grid.name } : null,
    community: at('community')?.name ?? null,
    street: at('street')?.name ?? null,
    buildingHeads: views.filter((v) => v.role === 'building_head' && inBuilding(v)).map(contact),
    centralHouseholds: views
      .filter((v) => v.role === 'party_central_household' && inBuilding(v))
      .map((v) => ({ ...contact(v), household: households.get(v.areaCode)?.name ?? v.areaName })),
    gridStaff: grid ? await gridStaffOf(db, grid.code) : [],
    partTimeGridWorkers: views.filter((v) => v.role === 'part_time_grid_worker').map(contact),
    supervisionPhone: grid ? supervisionPhoneOf(grid) : null,
  };
}

function supervisionPhoneOf(grid: Place): string | null {
  const phone = parsePlaceAttrs(grid).supervisionPhone;
  return typeof phone === 'string' ? phone : null;
}
