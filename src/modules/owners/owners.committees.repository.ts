import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import { chinaDateOf } from '../../lib/working-calendar';
import type { CommitteeMembersTable, CommitteeRow, OwnerCommitteesTable } from './owners.table';

// Owners' committees (业主委员会) and their members: every SQL of these two tables.

type Q = Kysely<Database> | Transaction<Database>;
export type MemberRow = CommitteeMembersTable;

export function findCommittee(db: Q, id: string): Promise<CommitteeRow | undefined> {
  return db.selectFrom('ownerCommittees').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Committees of the compounds, newest term first. */
export function committeesOf(db: Q, compoundCodes: string[]): Promise<CommitteeRow[]> {
  if (compoundCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ownerCommittees')
    .selectAll()
    .where('compoundCode', 'in', compoundCodes)
    .orderBy('termStart', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * The committee of a compound in term on `today` (YYYY-MM-DD, China date; default today), the
 * newest if several: whom a demand about the compound can be dispatched to (demands routing).
 */
export function activeCommitteeOf(
  db: Q,
  compoundCode: string,
  today: string = chinaDateOf(new Date()),
): Promise<Pick<CommitteeRow, 'id' | 'compoundCode' | 'path' | 'termStart' | 'termEnd'> | undefined> {
  return db
    .selectFrom('ownerCommittees')
    .select(['id', 'compoundCode', 'path', 'termStart', 'termEnd'])
    .where('compoundCode', '=', compoundCode)
    .where('status', '=', 'in_term')
    .where('termStart', '<=', today)
    .where('termEnd', '>=', today)
    .orderBy('termStart', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function membersOf(db: Q, committeeIds: string[]): Promise<Map<string, MemberRow[]>> {
  const out = new Map<string, MemberRow[]>();
  if (committeeIds.length === 0) return out;
  const rows = await db
    .selectFrom('committeeMembers')
    .selectAll()
    .where('committeeId', 'in', committeeIds)
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.committeeId, [...(out.get(r.committeeId) ?? []), r]);
  return out;
}

export async function insertCommittee(db: Q, row: CommitteeRow): Promise<void> {
  await db.insertInto('ownerCommittees').values(row).execute();
}

export async function insertMembers(db: Q, rows: MemberRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('committeeMembers').values(rows).execute();
}

export async function updateCommittee(
  db: Q,
  id: string,
  patch: Updateable<OwnerCommitteesTable>,
): Promise<void> {
  await db.updateTable('ownerCommittees').set(patch).where('id', '=', id).execute();
}

/** Members still sitting leave on `until` (a new committee's term begins). */
export async function endMembers(db: Q, committeeId: string, until: string): Promise<void> {
  await db
    .updateTable('committeeMembers')
    .set({ until })
    .where('committeeId', '=', committeeId)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', until)]))
    .execute();
}

/**
 * Members and party members of committees in term on `today` in the scopes, per committee: the
 * report's "party members on committees" counted from records (CAPABILITIES §1.5, §3.2).
 */
export function sittingCounts(db: Q, scopes: string[], today: string) {
  return db
    .selectFrom('committeeMembers as m')
    .innerJoin('ownerCommittees as c', 'c.id', 'm.committeeId')
    .select([
      'c.id',
      sql<number>`count(*)`.as('members'),
      sql<number>`count(m.party_member_id)`.as('partyMembers'),
    ])
    .where('c.status', '=', 'in_term')
    .where('c.termStart', '<=', today)
    .where('c.termEnd', '>=', today)
    .where((eb) => eb.or([eb('m.until', 'is', null), eb('m.until', '>', today)]))
    .where((eb) => inScopes(eb, 'c.path', scopes))
    .groupBy('c.id')
    .execute();
}

/** Distinct party members sitting on committees in term (one person on two committees counts once). */
export async function distinctPartyMembersSitting(db: Q, scopes: string[], today: string): Promise<number> {
  const row = await db
    .selectFrom('committeeMembers as m')
    .innerJoin('ownerCommittees as c', 'c.id', 'm.committeeId')
    .select(sql<number>`count(distinct m.party_member_id)`.as('n'))
    .where('c.status', '=', 'in_term')
    .where('c.termStart', '<=', today)
    .where('c.termEnd', '>=', today)
    .where((eb) => eb.or([eb('m.until', 'is', null), eb('m.until', '>', today)]))
    .where((eb) => inScopes(eb, 'c.path', scopes))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The latest committee of each compound in the scopes whose term ends by `until` (in term and due,
 * or ended) and that no later committee has replaced: the re-election watch list (art. 33).
 */
export function committeesEndingBy(db: Q, opts: { scopes: string[]; until: string }) {
  return db
    .selectFrom('ownerCommittees as c')
    .selectAll('c')
    .where('c.status', '<>', 'dissolved')
    .where('c.termEnd', '<=', opts.until)
    .where((eb) => inScopes(eb, 'c.path', opts.scopes))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ownerCommittees as n')
            .select('n.id')
            .whereRef('n.compoundCode', '=', 'c.compoundCode')
            .whereRef('n.termStart', '>', 'c.termStart')
            .where('n.status', '<>', 'dissolved'),
        ),
      ),
    )
    .orderBy('c.termEnd')
    .orderBy('c.compoundCode')
    .execute();
}
