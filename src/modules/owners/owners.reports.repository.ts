import { type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';

// The owners module's read-only queries over other modules' tables (DESIGN: modules meet through
// index.ts; a report reads across them through its own queries, kept in one file):
//   areas          — compounds, the places above them, households of a compound (areas module)
//   residents,
//   party_members  — an owner's resident record by ID-number blind index, and whether that
//                    resident is an active party member (people module)
//   users          — display names of who recorded a step (iam module)
// Nothing here writes.

type Q = Kysely<Database> | Transaction<Database>;

export interface PlaceRow {
  code: string;
  name: string;
  level: Database['areas']['level'];
  path: string;
  parentCode: string | null;
  status: 'active' | 'retired';
}

const placeColumns = ['code', 'name', 'level', 'path', 'parentCode', 'status'] as const;

export function findPlace(db: Q, code: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('areas').select(placeColumns).where('code', '=', code).executeTakeFirst();
}

export async function findPlaces(db: Q, codes: string[]): Promise<Map<string, PlaceRow>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('areas').select(placeColumns).where('code', 'in', unique).execute();
  return new Map(rows.map((r) => [r.code, r]));
}

/** Street and community names of compounds, by the codes in their paths (city/district/street/community/…). */
export async function streetAndCommunity(
  db: Q,
  paths: string[],
): Promise<(path: string) => { street: string | null; community: string | null }> {
  const codes = paths.flatMap((p) => p.split('/').slice(2, 4));
  const places = await findPlaces(db, codes);
  return (path) => {
    const [, , street, community] = path.split('/');
    return {
      street: (street && places.get(street)?.name) || null,
      community: (community && places.get(community)?.name) || null,
    };
  };
}

/** Active compounds in the scopes, by code, a page at a time. */
export function compoundsIn(db: Q, opts: { scopes: string[]; after?: string | undefined; limit: number }) {
  let q = db
    .selectFrom('areas')
    .select(placeColumns)
    .where('level', '=', 'compound')
    .where('status', '=', 'active')
    .where((eb) => inScopes(eb, 'path', opts.scopes));
  if (opts.after) q = q.where('code', '>', opts.after);
  return q.orderBy('code').limit(opts.limit).execute();
}

/** Residents with these ID-number blind indexes (the same keyed hash the people module stores). */
export async function residentsByIdHashes(db: Q, hashes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('residents')
    .select(['id', 'idNumberHash'])
    .where('idNumberHash', 'in', unique)
    .where('status', '=', 'active')
    .execute();
  return new Map(rows.map((r) => [r.idNumberHash as string, r.id]));
}

/** Active party memberships of these residents: resident id → party_members.id. */
export async function partyMembershipsOf(db: Q, residentIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(residentIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('partyMembers')
    .select(['id', 'residentId'])
    .where('residentId', 'in', unique)
    .where('status', '=', 'active')
    .execute();
  return new Map(rows.map((r) => [r.residentId, r.id]));
}

export async function userNames(db: Q, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

// ---- Compounds and their committee state (CAPABILITIES §1.5), over areas and this module's tables.

export type CompoundState = 'none' | 'preparatory' | 'formed' | 'term_ended';

/** 1 when the compound (alias `a`) has a committee in term on `today`. */
const inTerm = (today: string) =>
  sql<number>`exists (select 1 from owner_committees c where c.compound_code = a.code and c.status = 'in_term'
    and c.term_start <= ${today} and c.term_end >= ${today})`;
const preparing = sql<number>`exists (select 1 from committee_formations f where f.compound_code = a.code
  and f.status = 'in_progress')`;
const hadCommittee = sql<number>`exists (select 1 from owner_committees c where c.compound_code = a.code
  and c.status <> 'dissolved')`;

/** The state as one SQL condition: formed > preparatory (a formation under way) > term ended > none. */
function stateCondition(state: CompoundState, today: string) {
  switch (state) {
    case 'formed':
      return sql<SqlBool>`${inTerm(today)}`;
    case 'preparatory':
      return sql<SqlBool>`not ${inTerm(today)} and ${preparing}`;
    case 'term_ended':
      return sql<SqlBool>`not ${inTerm(today)} and not ${preparing} and ${hadCommittee}`;
    case 'none':
      return sql<SqlBool>`not ${inTerm(today)} and not ${preparing} and not ${hadCommittee}`;
  }
}

export function stateOf(row: { formed: unknown; preparing: unknown; hadCommittee: unknown }): CompoundState {
  if (Number(row.formed)) return 'formed';
  if (Number(row.preparing)) return 'preparatory';
  return Number(row.hadCommittee) ? 'term_ended' : 'none';
}

/** Active compounds of the scopes with their committee state, by code, a page at a time. */
export function compoundsWithState(
  db: Q,
  opts: {
    scopes: string[];
    today: string;
    state?: CompoundState | undefined;
    after?: string | undefined;
    limit: number;
  },
) {
  let q = db
    .selectFrom('areas as a')
    .select(['a.code', 'a.name', 'a.path'])
    .select([
      sql<number>`case when ${inTerm(opts.today)} then 1 else 0 end`.as('formed'),
      sql<number>`case when ${preparing} then 1 else 0 end`.as('preparing'),
      sql<number>`case when ${hadCommittee} then 1 else 0 end`.as('hadCommittee'),
    ])
    .where('a.level', '=', 'compound')
    .where('a.status', '=', 'active')
    .where((eb) => inScopes(eb, 'a.path', opts.scopes));
  if (opts.state) q = q.where(stateCondition(opts.state, opts.today));
  if (opts.after) q = q.where('a.code', '>', opts.after);
  return q.orderBy('a.code').limit(opts.limit).execute();
}

/** Compounds of the scopes counted by committee state. */
export async function countCompoundsByState(db: Q, scopes: string[], today: string) {
  const row = await db
    .selectFrom('areas as a')
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`coalesce(sum(case when ${stateCondition('formed', today)} then 1 else 0 end), 0)`.as(
        'formed',
      ),
      sql<number>`coalesce(sum(case when ${stateCondition('preparatory', today)} then 1 else 0 end), 0)`.as(
        'preparatory',
      ),
      sql<number>`coalesce(sum(case when ${stateCondition('term_ended', today)} then 1 else 0 end), 0)`.as(
        'termEnded',
      ),
    ])
    .where('a.level', '=', 'compound')
    .where('a.status', '=', 'active')
    .where((eb) => inScopes(eb, 'a.path', scopes))
    .executeTakeFirstOrThrow();
  const [total, formed, preparatory, termEnded] = [row.total, row.formed, row.preparatory, row.termEnded].map(
    Number,
  ) as [number, number, number, number];
  return {
    total,
    formed,
    preparatory,
    term_ended: termEnded,
    none: total - formed - preparatory - termEnded,
  };
}

/** Active compounds of the scopes that have never had a committee (dissolved ones aside). */
export function compoundsWithoutCommittee(db: Q, scopes: string[]) {
  return db
    .selectFrom('areas as a')
    .select(['a.code', 'a.name', 'a.path'])
    .where('a.level', '=', 'compound')
    .where('a.status', '=', 'active')
    .where((eb) => inScopes(eb, 'a.path', scopes))
    .where(sql<SqlBool>`not ${hadCommittee}`)
    .orderBy('a.code')
    .execute();
}
