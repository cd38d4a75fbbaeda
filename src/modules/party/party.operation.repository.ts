import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import type { OrgLifeKind } from './party.entity-operation';
import type { ChecklistItemRow, PartyOrgRow } from './party.table';

// The entity-operation checklist and the facts it is decided on, read for all branches of an
// area at once: one grouped query per kind of fact, never one query per branch.

type Q = Kysely<Database> | Transaction<Database>;

export function listChecklistItems(db: Q): Promise<ChecklistItemRow[]> {
  return db.selectFrom('branchChecklistItems').selectAll().orderBy('sortOrder').orderBy('id').execute();
}

/** Inserts items whose id is not there yet (safe when two processes seed at once); returns how many. */
export async function insertChecklistItemsIfMissing(db: Q, rows: ChecklistItemRow[]): Promise<number> {
  const result = await db
    .insertInto('branchChecklistItems')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function replaceChecklist(db: Q, rows: ChecklistItemRow[]): Promise<void> {
  await db.deleteFrom('branchChecklistItems').execute();
  await db.insertInto('branchChecklistItems').values(rows).execute();
}

/** Active grid branches bound to places in the area (the area itself included), by path. */
export function listActiveBranchesIn(db: Q, areaPath: string): Promise<PartyOrgRow[]> {
  return db
    .selectFrom('partyOrgs')
    .selectAll()
    .where('kind', '=', 'grid_branch')
    .where('status', '=', 'active')
    .where((eb) => inScopes(eb, 'path', [areaPath]))
    .orderBy('path')
    .execute();
}

/** Secretary posts (any period) of the active grid branches in the area. */
export function secretaryPostsOfBranchesIn(db: Q, areaPath: string) {
  return db
    .selectFrom('partyOrgPosts as p')
    .innerJoin('partyOrgs as b', 'b.id', 'p.orgId')
    .select(['p.orgId', 'p.since', 'p.until'])
    .where('p.post', '=', 'secretary')
    .where('b.kind', '=', 'grid_branch')
    .where('b.status', '=', 'active')
    .where((eb) => inScopes(eb, 'b.path', [areaPath]))
    .execute();
}

/**
 * The latest day each kind of organisational life was held on or before `today` by each grid
 * branch of the area, counting its building groups' meetings (党小组会 is one of 三会一课) as the
 * branch's own.
 */
export async function lastLifeOfBranchesIn(
  db: Q,
  areaPath: string,
  today: string,
): Promise<{ branchId: string; kind: OrgLifeKind; lastHeldOn: string }[]> {
  const rows = await db
    .selectFrom('orgLifeRecords as r')
    .innerJoin('partyOrgs as o', 'o.id', 'r.orgId')
    .select([
      sql<string>`case when o.kind = 'grid_branch' then o.id else o.parent_id end`.as('branchId'),
      'r.kind',
      (eb) => eb.fn.max('r.heldOn').as('lastHeldOn'),
    ])
    .where('o.kind', 'in', ['grid_branch', 'building_group'])
    .where('r.heldOn', '<=', today)
    .where((eb) => inScopes(eb, 'r.path', [areaPath]))
    // By position: PostgreSQL sees the case expression and its parameters as different expressions.
    .groupBy([sql`1`, sql`2`])
    .execute();
  return rows.map((r) => ({ branchId: r.branchId, kind: r.kind, lastHeldOn: String(r.lastHeldOn) }));
}
