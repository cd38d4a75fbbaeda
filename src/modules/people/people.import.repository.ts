import type { Kysely, Transaction } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert';
import type { Database } from '../../db/schema';
import type { LedgerKind } from './people.import.columns';
import type { KnownResident } from './people.import.match';
import type { PartyMembersTable, ResidentsTable, TalentsTable, TalentTagsTable } from './people.table';

type Q = Kysely<Database> | Transaction<Database>;

// The queries of a ledger import: one per batch for each thing the rows name, and multi-row
// INSERTs inside the import's transaction.

/** Residents whose ID number has one of these blind indexes. */
export async function residentsByIdHashes(q: Q, hashes: string[]): Promise<Map<string, KnownResident>> {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return new Map();
  const rows = await q
    .selectFrom('residents')
    .select(['id', 'path', 'name', 'status', 'idNumberHash'])
    .where('idNumberHash', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.idNumberHash as string, r]));
}

/** Which of these residents the ledger already holds (as party members, or as talents). */
export async function enrolledResidents(q: Q, kind: LedgerKind, residentIds: string[]): Promise<Set<string>> {
  const unique = [...new Set(residentIds)];
  if (unique.length === 0 || kind === 'residents') return new Set();
  const table = kind === 'party-members' ? 'partyMembers' : 'talents';
  const rows = await q.selectFrom(table).select('residentId').where('residentId', 'in', unique).execute();
  return new Set(rows.map((r) => r.residentId));
}

export interface LedgerInsert {
  residents: ResidentsTable[];
  partyMembers: PartyMembersTable[];
  talents: TalentsTable[];
  talentTags: TalentTagsTable[];
}

/** Writes one batch; residents first, since the other rows point at them. */
export async function insertLedgerBatch(trx: Transaction<Database>, rows: LedgerInsert): Promise<void> {
  if (rows.residents.length > 0) await bulkInsert(trx, 'residents', rows.residents);
  if (rows.partyMembers.length > 0) await bulkInsert(trx, 'partyMembers', rows.partyMembers);
  if (rows.talents.length > 0) await bulkInsert(trx, 'talents', rows.talents);
  if (rows.talentTags.length > 0) await bulkInsert(trx, 'talentTags', rows.talentTags);
}
