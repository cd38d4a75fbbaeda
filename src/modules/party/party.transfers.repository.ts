import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import type { PartyTransferRow, PartyTransfersTable } from './party.table';

type Q = Kysely<Database> | Transaction<Database>;

export function findTransfer(db: Q, id: string): Promise<PartyTransferRow | undefined> {
  return db.selectFrom('partyTransfers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A transfer of the member still under way (requested or accepted), if any. */
export function findOpenTransferOf(db: Q, memberId: string): Promise<PartyTransferRow | undefined> {
  return db
    .selectFrom('partyTransfers')
    .selectAll()
    .where('memberId', '=', memberId)
    .where('status', 'in', ['requested', 'accepted'])
    .executeTakeFirst();
}

export async function insertTransfer(db: Q, row: PartyTransferRow): Promise<void> {
  await db.insertInto('partyTransfers').values(row).execute();
}

export async function updateTransfer(
  db: Q,
  id: string,
  patch: Updateable<PartyTransfersTable>,
): Promise<void> {
  await db.updateTable('partyTransfers').set(patch).where('id', '=', id).execute();
}

/** Newest first; the cursor is the id of the last transfer shown (ids sort by creation time). */
export function listTransfers(
  db: Q,
  opts: {
    scopes: string[];
    status?: PartyTransferRow['status'] | undefined;
    after?: string | undefined;
    limit: number;
  },
): Promise<PartyTransferRow[]> {
  let q = db
    .selectFrom('partyTransfers')
    .selectAll()
    .where((eb) => inScopes(eb, 'path', opts.scopes));
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.after) q = q.where('id', '<', opts.after);
  return q.orderBy('id', 'desc').limit(opts.limit).execute();
}
