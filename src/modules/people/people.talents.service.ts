import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { newId } from '../../lib/ids';
import { commonErrors, fieldProblem } from '../../server/errors';
import { type Actor, appendAudit, authorize, can, listScopes, scopeCovers } from '../iam/index';
import { getPlaceFor, getReferencedResident, today } from './people.access';
import { ageOn } from './people.age';
import { peopleErrors } from './people.errors';
import { ledgerErrors } from './people.ledger.errors';
import { idNumberSearchHash } from './people.personal-data';
import { addressesOf, findPlace } from './people.places';
import * as repo from './people.repository';
import {
  type TALENT_AVAILABILITY,
  TALENT_CATEGORIES,
  TALENT_SKILLS,
  type TALENT_WILLINGNESS,
  type TalentsTable,
} from './people.table';
import * as talents from './people.talents.repository';

type Db = Kysely<Database>;
type TalentWillingness = (typeof TALENT_WILLINGNESS)[number];
type TalentAvailability = (typeof TALENT_AVAILABILITY)[number];

export interface TalentQuery {
  areaCode?: string | undefined;
  category?: (typeof TALENT_CATEGORIES)[number] | undefined;
  skill?: (typeof TALENT_SKILLS)[number] | undefined;
  willingness?: TalentWillingness | undefined;
  availability?: TalentAvailability | undefined;
  name?: string | undefined;
}

/**
 * The filter of a talent list or export: the caller's scopes first, then the chosen place. A place
 * above the caller's scope narrows nothing but is allowed (a street official may pick the
 * district), as in the resident list; one that overlaps no scope is treated as unknown.
 */
export async function talentFilter(
  db: Db,
  actor: Actor,
  query: TalentQuery,
): Promise<Omit<talents.TalentFilter, 'after' | 'limit'>> {
  const scopes = listScopes(actor, 'people.read');
  let areaPath: string | undefined;
  if (query.areaCode) {
    const place = await findPlace(db, query.areaCode);
    if (!place || !scopes.some((s) => scopeCovers(s, place.path) || scopeCovers(place.path, s)))
      throw peopleErrors.placeNotFound('areaCode');
    areaPath = place.path;
  }
  const { areaCode: _, ...rest } = query;
  return { scopes, areaPath, ...rest };
}

async function toViews(db: Db, rows: talents.TalentListRow[]) {
  const tags = await talents.tagsOf(
    db,
    rows.map((r) => r.id),
  );
  const addresses = await addressesOf(
    db,
    rows.map((r) => r.path),
  );
  const day = today();
  const order = <T extends string>(codes: readonly T[], list: string[]) =>
    codes.filter((c) => list.includes(c));
  return rows.map((r) => ({
    id: r.id,
    residentId: r.residentId,
    name: r.name,
    gender: r.gender,
    age: ageOn(r.birthDate, day),
    idNumberMasked: r.idNumberMasked,
    phoneMasked: r.phoneMasked,
    householdCode: r.householdCode,
    path: r.path,
    address: addresses.get(r.path) ?? '',
    categories: order(TALENT_CATEGORIES, tags.get(r.id)?.categories ?? []),
    skills: order(TALENT_SKILLS, tags.get(r.id)?.skills ?? []),
    willingness: r.willingness,
    availability: r.availability,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

/** 人才台账: talents within the caller's scope, filtered by place, category, skill and willingness. */
export async function listTalents(opts: {
  db: Db;
  actor: Actor;
  query: TalentQuery & { after?: string | undefined; limit: number };
}) {
  const { db, query } = opts;
  const { after, limit, ...filters } = query;
  const filter = await talentFilter(db, opts.actor, filters);
  const rows = await talents.listTalents(db, { ...filter, after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    items: await toViews(db, page),
    nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

async function getTalentFor(db: Db, actor: Actor, id: string, permission: 'people.read' | 'people.write') {
  authorize(actor, permission);
  const row = await talents.findTalent(db, id);
  // Outside the caller's scope reads exactly like a talent that does not exist.
  if (!row || !can(actor, permission, row.path)) throw ledgerErrors.talentNotFound();
  return row;
}

export async function getTalent(opts: { db: Db; actor: Actor; id: string }) {
  const row = await getTalentFor(opts.db, opts.actor, opts.id, 'people.read');
  return (await toViews(opts.db, [row]))[0]!;
}

export interface TalentInput {
  categories: (typeof TALENT_CATEGORIES)[number][];
  skills: (typeof TALENT_SKILLS)[number][];
  willingness: TalentWillingness;
  availability: TalentAvailability;
  note?: string | null | undefined;
}

/** Adds a resident to the ledger; the resident is named by id or by ID number (exact). */
export async function createTalent(opts: {
  db: Db;
  cipher: FieldCipher;
  actor: Actor;
  input: TalentInput & { residentId?: string | undefined; idNumber?: string | undefined };
}) {
  const { db, actor, input } = opts;
  authorize(actor, 'people.write');
  let residentId = input.residentId;
  let field = 'residentId';
  if (!residentId && input.idNumber) {
    field = 'idNumber';
    const hash = idNumberSearchHash(opts.cipher, input.idNumber);
    if (!hash) throw peopleErrors.invalidSearchNumber('idNumber');
    residentId = (await repo.findResidentByIdNumberHash(db, hash))?.id;
    if (!residentId) throw peopleErrors.residentNotFound('idNumber');
  }
  if (!residentId)
    throw commonErrors.validation([
      fieldProblem('residentId', 'required', {
        zh: '请指定居民（residentId 或身份证号）',
        en: 'name the resident by residentId or idNumber',
      }),
    ]);
  const resident = await getReferencedResident(db, actor, residentId, { permission: 'people.write', field });
  if (resident.status !== 'active') throw ledgerErrors.residentInactive();
  if (await talents.findTalentOfResident(db, resident.id)) throw ledgerErrors.talentExists();
  const now = new Date().toISOString();
  const row: TalentsTable = {
    id: newId(),
    residentId: resident.id,
    path: resident.path,
    willingness: input.willingness,
    availability: input.availability,
    note: input.note?.trim() || null,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction().execute(async (trx) => {
    try {
      await talents.insertTalent(trx, row);
    } catch (error) {
      // Two requests for one resident at once: the unique resident_id decides.
      if (repo.isUniqueViolation(error)) throw ledgerErrors.talentExists();
      throw error;
    }
    await talents.replaceTags(trx, row.id, 'category', [...new Set(input.categories)]);
    await talents.replaceTags(trx, row.id, 'skill', [...new Set(input.skills)]);
    await appendAudit(trx, {
      actor,
      action: 'people.talent_created',
      targetType: 'talent',
      targetId: row.id,
      scopePath: row.path,
      summary: { residentId: resident.id, categories: input.categories, skills: input.skills },
    });
  });
  return getTalent({ db, actor, id: row.id });
}

export async function updateTalent(opts: { db: Db; actor: Actor; id: string; input: Partial<TalentInput> }) {
  const { db, actor, input } = opts;
  const row = await getTalentFor(db, actor, opts.id, 'people.write');
  const patch: Partial<TalentsTable> = {};
  if (input.willingness) patch.willingness = input.willingness;
  if (input.availability) patch.availability = input.availability;
  if (input.note !== undefined) patch.note = input.note?.trim() || null;
  const changed = [...Object.keys(patch), ...(['categories', 'skills'] as const).filter((k) => input[k])];
  await db.transaction().execute(async (trx) => {
    await talents.updateTalent(trx, row.id, { ...patch, updatedAt: new Date().toISOString() });
    if (input.categories) await talents.replaceTags(trx, row.id, 'category', [...new Set(input.categories)]);
    if (input.skills) await talents.replaceTags(trx, row.id, 'skill', [...new Set(input.skills)]);
    await appendAudit(trx, {
      actor,
      action: 'people.talent_updated',
      targetType: 'talent',
      targetId: row.id,
      scopePath: row.path,
      summary: { fields: changed },
    });
  });
  return getTalent({ db, actor, id: row.id });
}

/** Takes a resident off the talent ledger; the resident stays registered. */
export async function deleteTalent(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  const { db, actor } = opts;
  const row = await getTalentFor(db, actor, opts.id, 'people.write');
  await db.transaction().execute(async (trx) => {
    await talents.deleteTalent(trx, row.id);
    await appendAudit(trx, {
      actor,
      action: 'people.talent_deleted',
      targetType: 'talent',
      targetId: row.id,
      scopePath: row.path,
      summary: { residentId: row.residentId },
    });
  });
}

/**
 * Talents counted from the records below a place (the caller's scope by default), per child place,
 * category and skill: the city's figure is the sum of what its districts hold, never a typed number.
 */
export async function talentStats(opts: { db: Db; actor: Actor; area?: string | undefined }) {
  const { db, actor } = opts;
  const scopes = listScopes(actor, 'people.read');
  const code = opts.area ?? scopes[0]?.split('/').pop();
  const place = code
    ? await getPlaceFor(db, actor, code, { permission: 'people.read', field: 'area' })
    : undefined;
  if (!place) throw peopleErrors.placeNotFound('area');
  const children = await talents.childPlaces(db, place.code);
  const byLength = new Map<number, typeof children>();
  for (const c of children) byLength.set(c.path.length, [...(byLength.get(c.path.length) ?? []), c]);
  const counts = new Map<string, number>();
  for (const length of byLength.keys())
    for (const [prefix, n] of await talents.countTalentsByPrefix(db, place.path, length))
      counts.set(prefix, n);
  const total = (await talents.countTalentsByPrefix(db, place.path, place.path.length)).get(place.path) ?? 0;
  const childCounts = children.map((c) => ({
    code: c.code,
    name: c.name,
    level: c.level,
    count: counts.get(c.path) ?? 0,
  }));
  const byCategory = Object.fromEntries(TALENT_CATEGORIES.map((t) => [t, 0])) as Record<string, number>;
  const bySkill = Object.fromEntries(TALENT_SKILLS.map((t) => [t, 0])) as Record<string, number>;
  for (const r of await talents.countTags(db, place.path))
    if (r.kind === 'category' && r.tag in byCategory) byCategory[r.tag] = Number(r.n);
    else if (r.kind === 'skill' && r.tag in bySkill) bySkill[r.tag] = Number(r.n);
  return {
    area: { code: place.code, name: place.name, level: place.level },
    total,
    children: childCounts,
    direct: total - childCounts.reduce((s, c) => s + c.count, 0),
    byCategory,
    bySkill,
  };
}
