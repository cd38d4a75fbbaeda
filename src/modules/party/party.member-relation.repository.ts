import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';

// The one write the party module makes to a table the people module owns: completing a transfer
// (CAPABILITIES §1.4) moves the member's organisational relation into the grid branch. It runs
// in the transfer's own transaction, so the transfer and the member record change together.
// When the people module exports a function for this, call that instead and delete this file.

export async function moveRelationIntoOrg(
  trx: Transaction<Database>,
  opts: { memberId: string; orgId: string; at: string },
): Promise<void> {
  await trx
    .updateTable('partyMembers')
    .set({ orgId: opts.orgId, relationElsewhere: null, updatedAt: opts.at })
    .where('id', '=', opts.memberId)
    .execute();
}
