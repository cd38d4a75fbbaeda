import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import type { TalentsTable, TalentTagsTable } from './people.table';

type Q = Kysely<Database> | Transaction<Database>;

// Every query of the talent ledger. A talent is always read with its resident, and only while the
// resident is active: someone who moved out or died leaves the ledger (and its counts) with them.

export interface TalentFilter {
  /** The caller's scopes: applied before any other condition. */
  scopes: string[];
  areaPath?: string | undefined;
  category?: string | undefined;
  skill?: string | undefined;
  willingness?: TalentsTable['willingness'] | undefined;
  availability?: TalentsTable['availability'] | undefined;
  name?: string | undefined;
  after?: string | undefined;
  limit: number;
}

const TALENT_COLUMNS = [
  'talents.id',
  'talents.residentId',
  'talents.path',
  'talents.willingness',
  'talents.availability',
  'talents.note',
  'talents.createdAt',
  'talents.updatedAt',
  'residents.name',
  'residents.gender',
  'residents.birthDate',
  'residents.householdCode',
  'residents.idNumberMasked',
  'residents.phoneMasked',
] as const;

function talentsWithResidents(q: Q) {
  return q
    .selectFrom('talents')
    .innerJoin('residents', 'residents.id', 'talents.residentId')
    .where('residents.status', '=', 'active');
}

function hasTag(kind: TalentTagsTable['kind'], tag: string) {
  return sql<boolean>`exists (select 1 from talent_tags tt where tt.talent_id = ${sql.ref('talents.id')} and tt.kind = ${kind} and tt.tag = ${tag})`;
}

function filtered(q: Q, f: TalentFilter) {
  let query = talentsWithResidents(q).where((eb) => inScopes(eb, 'talents.path', f.scopes));
  if (f.areaPath) query = query.where((eb) => inScopes(eb, 'talents.path', [f.areaPath as string]));
  if (f.category) query = query.where(hasTag('category', f.category));
  if (f.skill) query = query.where(hasTag('skill', f.skill));
  if (f.willingness) query = query.where('talents.willingness', '=', f.willingness);
  if (f.availability) query = query.where('talents.availability', '=', f.availability);
  if (f.name) {
    const escaped = f.name.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where(sql<boolean>`${sql.ref('residents.name')} like ${`%${escaped}%`} escape '\\'`);
  }
  if (f.after) query = query.where('talents.id', '>', f.after);
  return query;
}

/** A page of talents by id, masked numbers only. */
export function listTalents(q: Q, f: TalentFilter) {
  return filtered(q, f).select(TALENT_COLUMNS).orderBy('talents.id').limit(f.limit).execute();
}
export type TalentListRow = Awaited<ReturnType<typeof listTalents>>[number];

/** The same page with the encrypted numbers, for an export its caller may unmask. */
export function listTalentsForExport(q: Q, f: TalentFilter) {
  return filtered(q, f)
    .select([...TALENT_COLUMNS, 'residents.idNumberEnc', 'residents.phoneEnc'])
    .orderBy('talents.id')
    .limit(f.limit)
    .execute();
}

export async function countTalents(q: Q, f: Omit<TalentFilter, 'after' | 'limit'>): Promise<number> {
  const row = await filtered(q, { ...f, limit: 1 })
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function findTalent(q: Q, id: string) {
  return q
    .selectFrom('talents')
    .innerJoin('residents', 'residents.id', 'talents.residentId')
    .select(TALENT_COLUMNS)
    .where('talents.id', '=', id)
    .executeTakeFirst();
}

export function findTalentOfResident(q: Q, residentId: string) {
  return q.selectFrom('talents').select('id').where('residentId', '=', residentId).executeTakeFirst();
}

/** Categories and skills of each talent, in the order of the code lists. */
export async function tagsOf(
  q: Q,
  talentIds: string[],
): Promise<Map<string, { categories: string[]; skills: string[] }>> {
  const out = new Map(talentIds.map((id) => [id, { categories: [] as string[], skills: [] as string[] }]));
  if (talentIds.length === 0) return out;
  const rows = await q
    .selectFrom('talentTags')
    .selectAll()
    .where('talentId', 'in', talentIds)
    .orderBy('talentId')
    .orderBy('tag')
    .execute();
  for (const r of rows) out.get(r.talentId)?.[r.kind === 'category' ? 'categories' : 'skills'].push(r.tag);
  return out;
}

export async function insertTalent(q: Q, row: TalentsTable): Promise<void> {
  await q.insertInto('talents').values(row).execute();
}

export async function updateTalent(
  q: Q,
  id: string,
  patch: Partial<Omit<TalentsTable, 'id'>>,
): Promise<void> {
  await q.updateTable('talents').set(patch).where('id', '=', id).execute();
}

/** Replaces the tags of one kind. */
export async function replaceTags(q: Q, talentId: string, kind: TalentTagsTable['kind'], tags: string[]) {
  await q.deleteFrom('talentTags').where('talentId', '=', talentId).where('kind', '=', kind).execute();
  if (tags.length > 0)
    await q
      .insertInto('talentTags')
      .values(tags.map((tag) => ({ talentId, kind, tag })))
      .execute();
}

export async function deleteTalent(q: Q, id: string): Promise<void> {
  await q.deleteFrom('talentTags').where('talentId', '=', id).execute();
  await q.deleteFrom('talents').where('id', '=', id).execute();
}

/**
 * Active talents below `path`, counted by the first `prefixLength` characters of their path: with
 * the length of a child's path, that is one count per child (children of one level have codes of
 * one length, so a prefix names exactly one of them).
 */
export async function countTalentsByPrefix(q: Q, path: string, prefixLength: number) {
  const rows = await talentsWithResidents(q)
    .select([
      sql<string>`substr(${sql.ref('talents.path')}, 1, ${sql.lit(prefixLength)})`.as('prefix'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where((eb) => inScopes(eb, 'talents.path', [path]))
    // By position: PostgreSQL sees two bound parameters as two different expressions.
    .groupBy(sql`1`)
    .execute();
  return new Map(rows.map((r) => [r.prefix, Number(r.n)]));
}

/** Active talents at or below `path` by category and skill. */
export function countTags(q: Q, path: string) {
  return talentsWithResidents(q)
    .innerJoin('talentTags', 'talentTags.talentId', 'talents.id')
    .select(['talentTags.kind', 'talentTags.tag', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => inScopes(eb, 'talents.path', [path]))
    .groupBy(['talentTags.kind', 'talentTags.tag'])
    .execute();
}

/**
 * The active places directly below a place, for the per-child counts. Reads the area tree like
 * people.places does; it belongs there (or in areas/index) once that file is settled.
 */
export function childPlaces(q: Q, parentCode: string) {
  return q
    .selectFrom('areas')
    .select(['code', 'name', 'level', 'path'])
    .where('parentCode', '=', parentCode)
    .where('status', '=', 'active')
    .orderBy('sortOrder')
    .orderBy('code')
    .limit(1000)
    .execute();
}
