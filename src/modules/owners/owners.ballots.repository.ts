import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { PaperBallotEntriesTable, PaperEntryRow, VoteCodeRow } from './owners.votes.table';

// The queries of voting codes and paper ballot entries.

type Q = Kysely<Database> | Transaction<Database>;
const CHUNK = 500;

export async function hasCodes(db: Q, voteId: string): Promise<boolean> {
  const row = await db
    .selectFrom('voteCodes')
    .select('voterKey')
    .where('voteId', '=', voteId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCodes(db: Q, rows: VoteCodeRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('voteCodes')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export function listCodes(db: Q, voteId: string) {
  return db.selectFrom('voteCodes').select(['voterKey', 'usedAt']).where('voteId', '=', voteId).execute();
}

export function findCodeByHash(db: Q, voteId: string, codeHash: string): Promise<VoteCodeRow | undefined> {
  return db
    .selectFrom('voteCodes')
    .selectAll()
    .where('voteId', '=', voteId)
    .where('codeHash', '=', codeHash)
    .executeTakeFirst();
}

/** Marks an unused code used; false when it was used meanwhile. */
export async function useCode(db: Q, voteId: string, codeHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('voteCodes')
    .set({ usedAt: at })
    .where('voteId', '=', voteId)
    .where('codeHash', '=', codeHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces an elector's unused code (a lost one); false when it was used or never issued. */
export async function replaceCode(
  db: Q,
  row: { voteId: string; voterKey: string; codeHash: string; issuedAt: string; issuedBy: string },
): Promise<boolean> {
  const result = await db
    .updateTable('voteCodes')
    .set({ codeHash: row.codeHash, issuedAt: row.issuedAt, issuedBy: row.issuedBy })
    .where('voteId', '=', row.voteId)
    .where('voterKey', '=', row.voterKey)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEntry(db: Q, row: PaperEntryRow): Promise<void> {
  await db.insertInto('paperBallotEntries').values(row).execute();
}

export function findEntry(db: Q, voteId: string, id: string): Promise<PaperEntryRow | undefined> {
  return db
    .selectFrom('paperBallotEntries')
    .selectAll()
    .where('voteId', '=', voteId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function pendingEntries(db: Q, voteId: string): Promise<PaperEntryRow[]> {
  return db
    .selectFrom('paperBallotEntries')
    .selectAll()
    .where('voteId', '=', voteId)
    .where('status', '=', 'pending')
    .orderBy('enteredAt')
    .execute();
}

/** Decides a pending entry; false when another officer decided it meanwhile. */
export async function decideEntry(
  db: Q,
  id: string,
  patch: Updateable<PaperBallotEntriesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('paperBallotEntries')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
