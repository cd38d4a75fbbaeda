import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { newId } from '../../lib/ids';
import { commonErrors } from '../../server/errors';
import { type Actor, appendAudit, authorize, can, scopeCovers } from '../iam/index';
import { getPlaceFor, getResidentFor, getWritableHousehold, residentScopes, today } from './people.access';
import { birthRangeForAges } from './people.age';
import { peopleErrors } from './people.errors';
import { idNumberSearchHash, phoneSearchHash } from './people.personal-data';
import { addressesOf, findPlace, findPlaces, type Place } from './people.places';
import * as repo from './people.repository';
import { checkResidentInput, type ResidentFields, type ResidentInput } from './people.resident-rules';
import type { ResidentRow } from './people.table';
import { orderHouseholdMembers, toPlaceRoleView, toResidentView } from './people.views';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/**
 * Registers a resident whose fields were already checked and sealed (checkResidentInput), inside the
 * caller's transaction, with its audit entry: the entry point for the console form, imports and the
 * party ledger alike. The household comes from getWritableHousehold. A second resident with the
 * same ID number is refused by its blind index (409 naming `idNumber`).
 */
export async function insertCheckedResident(opts: {
  trx: Trx;
  actor: Actor;
  household: Pick<Place, 'code' | 'path'>;
  fields: ResidentFields;
  /** Recorded in the audit summary, e.g. `import` with a batch id. */
  source?: Record<string, unknown>;
}): Promise<ResidentRow> {
  const { trx, actor, household, fields } = opts;
  authorize(actor, 'people.write', household.path);
  if (fields.idNumberHash && (await repo.findResidentByIdNumberHash(trx, fields.idNumberHash)))
    throw peopleErrors.duplicateIdNumber();
  const now = new Date().toISOString();
  const row: ResidentRow = {
    id: newId(),
    householdCode: household.code,
    path: household.path,
    ...fields,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  };
  try {
    await repo.insertResident(trx, row);
  } catch (error) {
    // Two requests with one number at once: the unique blind index decides.
    if (repo.isUniqueViolation(error)) throw peopleErrors.duplicateIdNumber();
    throw error;
  }
  await appendAudit(trx, {
    actor,
    action: 'people.resident_created',
    targetType: 'resident',
    targetId: row.id,
    scopePath: row.path,
    summary: { householdCode: household.code, ...opts.source },
  });
  return row;
}

/** Checks what a person typed; every problem comes back at once, each naming its field. */
function checked(cipher: FieldCipher, input: ResidentInput): ResidentFields {
  const result = checkResidentInput({ input, cipher, today: today() });
  if (!result.ok) throw commonErrors.validation(result.problems);
  return result.value;
}

export async function createResident(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  input: ResidentInput & { householdCode: string };
}) {
  const { db, actor, input } = opts;
  const household = await getWritableHousehold(db, actor, input.householdCode);
  const fields = checked(opts.cipher, input);
  const row = await db
    .transaction()
    .execute((trx) => insertCheckedResident({ trx, actor, household, fields }));
  return toResidentView(row, today());
}

export async function getResidentDetail(opts: { db: Db; actor: Actor; id: string }) {
  const { db } = opts;
  const row = await getResidentFor(db, opts.actor, opts.id, 'people.read');
  const day = today();
  const household = row.householdCode ? await findPlace(db, row.householdCode) : undefined;
  const address = household ? (await addressesOf(db, [household.path])).get(household.path) : undefined;
  const roles = await repo.placeRolesOf(db, row.id);
  const places = await findPlaces(
    db,
    roles.map((r) => r.areaCode),
  );
  return {
    ...toResidentView(row, day),
    household: household ? { code: household.code, name: household.name, address: address ?? '' } : null,
    placeRoles: roles.map((role) =>
      toPlaceRoleView({ role, resident: row, place: places.get(role.areaCode), today: day }),
    ),
  };
}

export async function updateResident(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  id: string;
  input: Partial<ResidentInput>;
}) {
  const { db, cipher, actor, input } = opts;
  const row = await getResidentFor(db, actor, opts.id, 'people.write');
  const pick = <K extends keyof ResidentInput>(k: K, current: ResidentInput[K]) =>
    input[k] === undefined ? current : input[k];
  // The stored numbers are decrypted in memory only, so the whole record is checked again (a new
  // gender must not contradict the ID number on file); they are sealed again, never returned.
  const merged: ResidentInput = {
    name: pick('name', row.name) ?? '',
    gender: pick('gender', row.gender),
    birthDate: pick('birthDate', row.birthDate),
    idNumber: pick('idNumber', row.idNumberEnc ? cipher.decrypt(row.idNumberEnc) : null),
    phone: pick('phone', row.phoneEnc ? cipher.decrypt(row.phoneEnc) : null),
    ethnicity: pick('ethnicity', row.ethnicity),
    relationToHead: pick('relationToHead', row.relationToHead) ?? '',
    residenceType: pick('residenceType', row.residenceType) ?? '',
    note: pick('note', row.note),
  };
  // With an ID number (on file or new), gender and birth date follow from it unless given too.
  if (merged.idNumber) {
    if (input.gender === undefined) merged.gender = null;
    if (input.birthDate === undefined) merged.birthDate = null;
  }
  const fields = checked(cipher, merged);
  const changed = (Object.keys(input) as (keyof ResidentInput)[]).filter((k) => input[k] !== undefined);
  const updated: ResidentRow = { ...row, ...fields, updatedAt: new Date().toISOString() };
  await db.transaction().execute(async (trx) => {
    if (fields.idNumberHash && fields.idNumberHash !== row.idNumberHash) {
      const other = await repo.findResidentByIdNumberHash(trx, fields.idNumberHash);
      if (other && other.id !== row.id) throw peopleErrors.duplicateIdNumber();
    }
    const { id: _id, createdAt: _createdAt, ...patch } = updated;
    try {
      await repo.updateResident(trx, row.id, patch);
    } catch (error) {
      if (repo.isUniqueViolation(error)) throw peopleErrors.duplicateIdNumber();
      throw error;
    }
    // Field names only: the audit log never holds a personal number, old or new.
    await appendAudit(trx, {
      actor,
      action: 'people.resident_updated',
      targetType: 'resident',
      targetId: row.id,
      scopePath: row.path,
      summary: { fields: changed },
    });
  });
  return toResidentView(updated, today());
}

export interface ResidentSearch {
  areaCode?: string | undefined;
  name?: string | undefined;
  idNumber?: string | undefined;
  phone?: string | undefined;
  residenceType?: ResidentRow['residenceType'] | undefined;
  gender?: ResidentRow['gender'] | undefined;
  status?: ResidentRow['status'] | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  after?: string | undefined;
  limit: number;
}

/**
 * Residents within the actor's scope (filtered first, DESIGN.md: Lists), then by place, name, exact
 * ID number or phone (blind index: the numbers are never decrypted to search), type, gender, age
 * and status; a page at a time, by id.
 */
export async function searchResidents(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  query: ResidentSearch;
}) {
  const { db, cipher, actor, query } = opts;
  const scopes = residentScopes(actor, 'people.read');
  let areaPath: string | undefined;
  if (query.areaCode) {
    const place = await findPlace(db, query.areaCode);
    // A place above the caller's scope narrows nothing but is allowed (a street official may pick
    // the district); one that overlaps no scope is treated as unknown.
    if (!place || !scopes.some((s) => scopeCovers(s, place.path) || scopeCovers(place.path, s)))
      throw peopleErrors.placeNotFound('areaCode');
    areaPath = place.path;
  }
  const idNumberHash = query.idNumber ? idNumberSearchHash(cipher, query.idNumber) : undefined;
  if (query.idNumber && !idNumberHash) throw peopleErrors.invalidSearchNumber('idNumber');
  const phoneHash = query.phone ? phoneSearchHash(cipher, query.phone) : undefined;
  if (query.phone && !phoneHash) throw peopleErrors.invalidSearchNumber('phone');
  const day = today();
  const rows = await repo.listResidents(db, {
    scopes,
    areaPath,
    name: query.name,
    idNumberHash,
    phoneHash,
    residenceType: query.residenceType,
    gender: query.gender,
    status: query.status,
    ...birthRangeForAges({ min: query.ageMin, max: query.ageMax }, day),
    after: query.after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const households = await findPlaces(
    db,
    page.flatMap((r) => (r.householdCode ? [r.householdCode] : [])),
  );
  return {
    items: page.map((r) => ({
      ...toResidentView(r, day),
      householdName: (r.householdCode && households.get(r.householdCode)?.name) || null,
    })),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** A household with its members, head first. */
export async function getHousehold(opts: { db: Db; actor: Actor; code: string }) {
  const { db, actor } = opts;
  const place = await getPlaceFor(db, actor, opts.code, { permission: 'people.read', field: 'code' });
  if (place.level !== 'household') throw peopleErrors.notAHousehold('code');
  const members = (await repo.membersOfHousehold(db, place.code)).filter((m) =>
    can(actor, 'people.read', m.path),
  );
  const day = today();
  return {
    code: place.code,
    name: place.name,
    path: place.path,
    address: (await addressesOf(db, [place.path])).get(place.path) ?? '',
    members: orderHouseholdMembers(members).map((m) => toResidentView(m, day)),
  };
}

/** Residents living at or below a place (for the grid profile); no scope check: a count names no one. */
export function countResidentsBelow(db: Db | Trx, path: string): Promise<number> {
  return repo.countActiveResidentsIn(db, path);
}
