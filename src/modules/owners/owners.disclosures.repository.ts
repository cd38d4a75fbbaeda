import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { CommitteeDisclosuresTable } from './owners.table';

// Committee disclosures: every SQL of committee_disclosures.

type Q = Kysely<Database> | Transaction<Database>;
export type DisclosureRow = Selectable<CommitteeDisclosuresTable>;

/** A compound's disclosures, latest first. */
export function disclosuresOf(db: Q, compoundCode: string, limit = 500): Promise<DisclosureRow[]> {
  return db
    .selectFrom('committeeDisclosures')
    .selectAll()
    .where('compoundCode', '=', compoundCode)
    .orderBy('publishedOn', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertDisclosure(db: Q, row: DisclosureRow): Promise<void> {
  await db.insertInto('committeeDisclosures').values(row).execute();
}
