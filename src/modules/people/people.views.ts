import { ageOn } from './people.age';
import type { Place } from './people.places';
import { type PlaceRoleRow, RELATIONS_TO_HEAD, type ResidentRow } from './people.table';

/**
 * A resident as responses show one: chosen columns only, so that the ciphertexts and blind
 * indexes (`*_enc`, `*_hash`) can never reach a caller, and numbers only in their masked form.
 */
export function toResidentView(row: ResidentRow, today: string) {
  return {
    id: row.id,
    householdCode: row.householdCode,
    path: row.path,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    ethnicity: row.ethnicity,
    idNumberMasked: row.idNumberMasked,
    phoneMasked: row.phoneMasked,
    relationToHead: row.relationToHead,
    residenceType: row.residenceType,
    status: row.status,
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type ResidentView = ReturnType<typeof toResidentView>;

/** A role is held on `today` when it has begun and has not ended on or before today. */
export function roleIsHeld(role: Pick<PlaceRoleRow, 'since' | 'until'>, today: string): boolean {
  return role.since <= today && (role.until === null || role.until > today);
}

export function toPlaceRoleView(opts: {
  role: PlaceRoleRow;
  resident: Pick<ResidentRow, 'name' | 'phoneMasked'> | undefined;
  place: Pick<Place, 'name'> | undefined;
  today: string;
}) {
  const { role } = opts;
  return {
    id: role.id,
    residentId: role.residentId,
    residentName: opts.resident?.name ?? '',
    phoneMasked: opts.resident?.phoneMasked ?? null,
    role: role.role,
    areaCode: role.areaCode,
    areaName: opts.place?.name ?? role.areaCode,
    path: role.path,
    since: role.since,
    until: role.until,
    active: roleIsHeld(role, opts.today),
  };
}

/** Household order as in a household register (户口簿): the head, then by relation, elders first. */
export function orderHouseholdMembers<T extends Pick<ResidentRow, 'relationToHead' | 'birthDate' | 'id'>>(
  members: T[],
): T[] {
  const rank = (r: T) => RELATIONS_TO_HEAD.indexOf(r.relationToHead);
  return [...members].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.birthDate ?? '9999').localeCompare(b.birthDate ?? '9999') ||
      a.id.localeCompare(b.id),
  );
}
