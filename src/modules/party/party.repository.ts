import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import type { OrgLifeRecordRow, PartyOrgKind, PartyOrgRow, PartyOrgsTable } from './party.table';

// Every query of the party organisation tables: organisations, posts, central-household links
// and organisational-life records. Reads of other modules' tables live in party.reports.repository.ts.

type Q = Kysely<Database> | Transaction<Database>;

export function findOrgById(db: Q, id: string): Promise<PartyOrgRow | undefined> {
  return db.selectFrom('partyOrgs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrgsByIds(db: Q, ids: string[]): Promise<PartyOrgRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('partyOrgs').selectAll().where('id', 'in', ids).execute();
}

export function findActiveOrgOnArea(
  db: Q,
  areaCode: string,
  kind: PartyOrgKind,
): Promise<PartyOrgRow | undefined> {
  return db
    .selectFrom('partyOrgs')
    .selectAll()
    .where('areaCode', '=', areaCode)
    .where('kind', '=', kind)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function insertOrg(db: Q, row: Insertable<PartyOrgsTable>): Promise<void> {
  await db.insertInto('partyOrgs').values(row).execute();
}

export async function updateOrg(db: Q, id: string, patch: Updateable<PartyOrgsTable>): Promise<void> {
  await db.updateTable('partyOrgs').set(patch).where('id', '=', id).execute();
}

export function listChildren(db: Q, parentId: string): Promise<PartyOrgRow[]> {
  return db.selectFrom('partyOrgs').selectAll().where('parentId', '=', parentId).orderBy('path').execute();
}

export async function countActiveChildren(db: Q, parentId: string): Promise<number> {
  const row = await db
    .selectFrom('partyOrgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parentId', '=', parentId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Organisations of the given kinds bound to places in the scopes, by path (parents before children). */
export function listOrgsIn(
  db: Q,
  opts: { scopes: string[]; kinds: readonly PartyOrgKind[]; includeDissolved: boolean; limit: number },
): Promise<PartyOrgRow[]> {
  let q = db
    .selectFrom('partyOrgs')
    .selectAll()
    .where((eb) => inScopes(eb, 'path', opts.scopes))
    .where('kind', 'in', [...opts.kinds]);
  if (!opts.includeDissolved) q = q.where('status', '=', 'active');
  return q.orderBy('path').orderBy('kind').limit(opts.limit).execute();
}

export function listPostsOfOrg(db: Q, orgId: string) {
  return db
    .selectFrom('partyOrgPosts')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('since', 'desc')
    .execute();
}

export function findPost(db: Q, orgId: string, postId: string) {
  return db
    .selectFrom('partyOrgPosts')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', postId)
    .executeTakeFirst();
}

export async function insertPost(db: Q, row: Insertable<Database['partyOrgPosts']>): Promise<void> {
  await db.insertInto('partyOrgPosts').values(row).execute();
}

export async function updatePost(
  db: Q,
  id: string,
  patch: Updateable<Database['partyOrgPosts']>,
): Promise<void> {
  await db.updateTable('partyOrgPosts').set(patch).where('id', '=', id).execute();
}

/** Ends every post of the organisation still open on `on` (a dissolved organisation has no office-holders). */
export async function endOpenPosts(db: Q, orgId: string, on: string): Promise<number> {
  const result = await db
    .updateTable('partyOrgPosts')
    .set({ until: on })
    .where('orgId', '=', orgId)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', on)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function listLinksOfOrg(db: Q, orgId: string) {
  return db
    .selectFrom('centralHouseholdLinks')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('path')
    .execute();
}

/** Adds links that do not exist yet; returns how many were added. */
export async function insertLinks(
  db: Q,
  rows: { orgId: string; householdCode: string; path: string }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('centralHouseholdLinks')
    .values(rows)
    .onConflict((oc) => oc.columns(['orgId', 'householdCode']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function deleteLink(db: Q, orgId: string, householdCode: string): Promise<number> {
  const result = await db
    .deleteFrom('centralHouseholdLinks')
    .where('orgId', '=', orgId)
    .where('householdCode', '=', householdCode)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertLifeRecord(db: Q, row: OrgLifeRecordRow): Promise<void> {
  await db.insertInto('orgLifeRecords').values(row).execute();
}

/** Latest held first; the cursor is `heldOn~id` of the last record shown. */
export function listLifeRecords(
  db: Q,
  opts: { orgId: string; after?: { heldOn: string; id: string } | undefined; limit: number },
): Promise<OrgLifeRecordRow[]> {
  let q = db.selectFrom('orgLifeRecords').selectAll().where('orgId', '=', opts.orgId);
  const after = opts.after;
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('heldOn', '<', after.heldOn),
        eb.and([eb('heldOn', '=', after.heldOn), eb('id', '<', after.id)]),
      ]),
    );
  return q.orderBy('heldOn', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

/** Rewrites the area paths of the module's rows when a place moves (registered with the areas module). */
export async function rewritePaths(
  trx: Transaction<Database>,
  change: { oldPath: string; newPath: string },
): Promise<void> {
  const { oldPath, newPath } = change;
  for (const table of ['partyOrgs', 'centralHouseholdLinks', 'orgLifeRecords', 'partyTransfers'] as const) {
    await trx
      .updateTable(table)
      .set({ path: sql<string>`${newPath} || substr(${sql.ref('path')}, ${oldPath.length + 1})` })
      // The moved place itself too: a grid branch is bound to the grid that moves.
      .where((eb) => inScopes(eb, 'path', [oldPath]))
      .execute();
  }
}
