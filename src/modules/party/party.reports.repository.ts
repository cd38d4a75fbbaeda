import { type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';

// The party module's read-only report queries over other modules' tables (DESIGN: modules meet
// through index.ts; a report reads across them through its own queries, kept in one file):
//   areas          — the places organisations bind to, and the households they reach (areas module)
//   party_members,
//   residents      — members, their names and where their relation sits (people module)
//   users          — display names of who took a step (iam module)
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

export function findPlaces(db: Q, codes: string[]): Promise<PlaceRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('areas').select(placeColumns).where('code', 'in', codes).execute();
}

/** The root of the area tree (the city): the checklist is the city's, edited over its whole scope. */
export function findCityRoot(db: Q): Promise<PlaceRow | undefined> {
  return db
    .selectFrom('areas')
    .select(placeColumns)
    .where('parentCode', 'is', null)
    .where('status', '=', 'active')
    .orderBy('path')
    .executeTakeFirst();
}

const memberColumns = [
  'm.id',
  'r.name',
  'm.membership',
  'm.category',
  'm.orgId',
  'm.relationElsewhere',
  'r.householdCode',
  'm.path',
  'm.status',
] as const;

export function findMember(db: Q, id: string) {
  return db
    .selectFrom('partyMembers as m')
    .innerJoin('residents as r', 'r.id', 'm.residentId')
    .select(memberColumns)
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export type MemberRow = NonNullable<Awaited<ReturnType<typeof findMember>>>;

export function findMembers(db: Q, ids: string[]): Promise<MemberRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('partyMembers as m')
    .innerJoin('residents as r', 'r.id', 'm.residentId')
    .select(memberColumns)
    .where('m.id', 'in', ids)
    .execute();
}

/** Active members whose organisational relation sits in the organisation. */
export function membersOfOrg(db: Q, orgId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('partyMembers as m')
    .innerJoin('residents as r', 'r.id', 'm.residentId')
    .select(memberColumns)
    .where('m.orgId', '=', orgId)
    .where('m.status', '=', 'active')
    .orderBy('r.name')
    .execute();
}

/** Active members living in the scopes, optionally by name and only those whose relation sits elsewhere. */
export function searchMembers(
  db: Q,
  opts: { scopes: string[]; q?: string | undefined; relationElsewhere: boolean; limit: number },
): Promise<MemberRow[]> {
  let q = db
    .selectFrom('partyMembers as m')
    .innerJoin('residents as r', 'r.id', 'm.residentId')
    .select(memberColumns)
    .where('m.status', '=', 'active')
    .where((eb) => inScopes(eb, 'm.path', opts.scopes));
  if (opts.relationElsewhere) q = q.where('m.orgId', 'is', null);
  if (opts.q) {
    const escaped = opts.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where(sql<SqlBool>`${sql.ref('r.name')} like ${`%${escaped}%`} escape '\\'`);
  }
  return q.orderBy('r.name').orderBy('m.id').limit(opts.limit).execute();
}

/** Active formal members (正式党员) whose relation sits in each active grid branch of the area. */
export async function formalMembersOfBranchesIn(db: Q, areaPath: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('partyMembers as m')
    .innerJoin('partyOrgs as b', 'b.id', 'm.orgId')
    .select(['m.orgId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('m.membership', '=', 'formal')
    .where('m.status', '=', 'active')
    .where('b.kind', '=', 'grid_branch')
    .where('b.status', '=', 'active')
    .where((eb) => inScopes(eb, 'b.path', [areaPath]))
    .groupBy('m.orgId')
    .execute();
  return new Map(rows.map((r) => [r.orgId as string, Number(r.n)]));
}

/** Display names of accounts, for "who took this step". */
export async function userNames(db: Q, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

// ---- Reach (CAPABILITIES §1.1): the rule of party.chain-reach.ts, for a whole area in one statement.

/**
 * `column` is the area's path or below it, as ONE index range [path, path0): codes are digits, so
 * nothing but the path itself and `path/…` sorts in between. One range (not `= or range`) lets
 * SQLite use the (level, path) index of areas for the level and the range together.
 */
function inArea(column: string, areaPath: string) {
  const ref = sql.raw(column);
  return sql<SqlBool>`(${ref} >= ${areaPath} and ${ref} < ${`${areaPath}0`})`;
}

/** The place of organisation `child` lies strictly below that of `parent` (aliases in the statement). */
function below(child: string, parent: string) {
  return sql.raw(`${child}.path >= (${parent}.path || '/') and ${child}.path < (${parent}.path || '0')`);
}

/**
 * The code is an active household. A correlated EXISTS (not a join) so that SQLite keeps walking
 * the few links and central households and looks each code up, rather than every household.
 */
function activeHousehold(codeColumn: string) {
  return sql.raw(
    `exists (select 1 from areas a where a.code = ${codeColumn} and a.level = 'household' and a.status = 'active')`,
  );
}

/** Strict ancestors of a path: a building group on a building above a unit-level area still covers it. */
function ancestorPaths(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * `g`: intact building groups (group, grid branch and community organisation all active, each
 * containing the place below — party.chain-reach.ts) on or around the area; `c`: intact central households (the same, one level further down);
 * `reached`: codes of the area's active households under an intact group, linked by an intact
 * central household, or the central household's own home. The union removes households reached
 * more than one way.
 */
function reachedCte(areaPath: string) {
  const around = ancestorPaths(areaPath);
  // A group on a building above the area (the area is a unit or a household) reaches all of it.
  const groupAbove = around.length
    ? sql`union
      select h.code as code from areas h
      where h.level = 'household' and h.status = 'active' and ${inArea('h.path', areaPath)}
        and exists (select 1 from g where g.path in (${sql.join(around)}))`
    : sql``;
  return sql`with g as (
      select o.path as path
      from party_orgs o
      join party_orgs p on p.id = o.parent_id and p.kind = 'grid_branch' and p.status = 'active'
        and ${below('o', 'p')}
      join party_orgs t on t.id = p.parent_id and t.kind = 'community_committee' and t.status = 'active'
        and ${below('p', 't')}
      where o.kind = 'building_group' and o.status = 'active'
        and (${inArea('o.path', areaPath)}${around.length ? sql` or o.path in (${sql.join(around)})` : sql``})
    ),
    c as (
      select o.id as id, o.area_code as code, o.path as path
      from party_orgs o
      join party_orgs b on b.id = o.parent_id and b.kind = 'building_group' and b.status = 'active'
        and ${below('o', 'b')}
      join party_orgs p on p.id = b.parent_id and p.kind = 'grid_branch' and p.status = 'active'
        and ${below('b', 'p')}
      join party_orgs t on t.id = p.parent_id and t.kind = 'community_committee' and t.status = 'active'
        and ${below('p', 't')}
      where o.kind = 'central_household' and o.status = 'active'
    ),
    reached as (
      -- Driven from the groups: each is one index range of households (no area condition on h,
      -- which would tempt the planner to walk every household of the area instead).
      select h.code as code
      from g join areas h on h.level = 'household' and h.path >= (g.path || '/') and h.path < (g.path || '0')
      where h.status = 'active' and ${inArea('g.path', areaPath)}
      ${groupAbove}
      union
      select l.household_code as code
      from central_household_links l join c on c.id = l.org_id
      where ${inArea('l.path', areaPath)} and ${activeHousehold('l.household_code')}
      union
      select c.code as code from c
      where ${inArea('c.path', areaPath)} and ${activeHousehold('c.code')}
    )`;
}

/** Active households below the area, and how many of them the chain reaches. */
export async function countReach(db: Q, areaPath: string): Promise<{ households: number; reached: number }> {
  const { rows } = await sql<{ households: number; reached: number }>`${reachedCte(areaPath)}
    select
      (select count(*) from areas h
        where h.level = 'household' and h.status = 'active' and ${inArea('h.path', areaPath)}) as households,
      (select count(*) from reached) as reached`.execute(db);
  const row = rows[0];
  return { households: Number(row?.households ?? 0), reached: Number(row?.reached ?? 0) };
}

/** Households below the area that no chain reaches, by path, after the cursor path. */
export async function unreachedHouseholds(
  db: Q,
  opts: { areaPath: string; after?: string | undefined; limit: number },
): Promise<{ code: string; name: string; path: string }[]> {
  const after = opts.after ? sql`and h.path > ${opts.after}` : sql``;
  const { rows } = await sql<{ code: string; name: string; path: string }>`${reachedCte(opts.areaPath)}
    select h.code as code, h.name as name, h.path as path
    from areas h
    where h.level = 'household' and h.status = 'active' and ${inArea('h.path', opts.areaPath)} ${after}
      -- An anti-join, not NOT IN: PostgreSQL hashes it even when the set outgrows work_mem.
      and not exists (select 1 from reached r where r.code = h.code)
    order by h.path
    limit ${opts.limit}`.execute(db);
  return rows;
}
