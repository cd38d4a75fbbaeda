import { type Kysely, PostgresAdapter, type Transaction, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import type { BallotRow, OwnerVoteRow, OwnerVotesTable } from './owners.table';

// Every query of owners' meeting votes: votes, frozen electorates, ballots, codes, paper entries,
// and the reads of the compound's register and place that a vote starts from.

type Q = Kysely<Database> | Transaction<Database>;
const CHUNK = 500;

/** A unique index refused the row (SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY, PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function findCompound(db: Q, code: string) {
  return db
    .selectFrom('areas')
    .select(['code', 'name', 'path', 'level', 'status'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function compoundNames(db: Q, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function findVote(db: Q, id: string): Promise<OwnerVoteRow | undefined> {
  return db.selectFrom('ownerVotes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The vote, locked against concurrent ballots and closing (`FOR UPDATE`; SQLite serialises writers). */
export function lockVoteById(trx: Transaction<Database>, id: string): Promise<OwnerVoteRow | undefined> {
  let q = trx.selectFrom('ownerVotes').selectAll().where('id', '=', id);
  if (trx.getExecutor().adapter instanceof PostgresAdapter) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertVote(db: Q, row: OwnerVoteRow): Promise<void> {
  await db.insertInto('ownerVotes').values(row).execute();
}

export async function updateVote(db: Q, id: string, patch: Updateable<OwnerVotesTable>): Promise<void> {
  await db.updateTable('ownerVotes').set(patch).where('id', '=', id).execute();
}

/** Newest first; the cursor is the id of the last vote shown (ids sort by creation time). */
export function listVotes(
  db: Q,
  opts: {
    scopes: string[];
    compound?: string | undefined;
    status?: string | undefined;
    after?: string | undefined;
    limit: number;
  },
): Promise<OwnerVoteRow[]> {
  let q = db
    .selectFrom('ownerVotes')
    .selectAll()
    .where((eb) => inScopes(eb, 'path', opts.scopes));
  if (opts.compound) q = q.where('compoundCode', '=', opts.compound);
  if (opts.status) q = q.where('status', '=', opts.status as OwnerVoteRow['status']);
  if (opts.after) q = q.where('id', '<', opts.after);
  return q.orderBy('id', 'desc').limit(opts.limit).execute();
}

/** The compound's register as it stands: units, who owns them, and the owners' names. */
export async function loadRegister(db: Q, compoundCode: string) {
  const units = await db
    .selectFrom('ownerUnits')
    .select([
      'id',
      'label',
      'registeredArea',
      'surveyedArea',
      'contractArea',
      'deliveredOn',
      'developerUnsold',
    ])
    .where('compoundCode', '=', compoundCode)
    .orderBy('label')
    .orderBy('id')
    .execute();
  const ownerships = await db
    .selectFrom('unitOwnerships')
    .innerJoin('ownerUnits', 'ownerUnits.id', 'unitOwnerships.unitId')
    .select(['unitOwnerships.unitId', 'unitOwnerships.ownerId'])
    .where('ownerUnits.compoundCode', '=', compoundCode)
    .execute();
  const owners = await db
    .selectFrom('owners')
    .select(['id', 'name'])
    .where('compoundCode', '=', compoundCode)
    .execute();
  return { units, ownerships, owners };
}

export interface ElectorRow {
  voteId: string;
  voterKey: string;
  area: string;
  ownerIds: string;
  label: string;
}

export async function insertElectors(db: Q, rows: ElectorRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('voteElectors')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export function listElectors(db: Q, voteId: string): Promise<ElectorRow[]> {
  return db.selectFrom('voteElectors').selectAll().where('voteId', '=', voteId).orderBy('label').execute();
}

export function findElector(db: Q, voteId: string, voterKey: string): Promise<ElectorRow | undefined> {
  return db
    .selectFrom('voteElectors')
    .selectAll()
    .where('voteId', '=', voteId)
    .where('voterKey', '=', voterKey)
    .executeTakeFirst();
}

export async function countBallots(db: Q, voteId: string): Promise<number> {
  const row = await db
    .selectFrom('ballots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('voteId', '=', voteId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What a tally needs of each ballot; sorted by public id so that no order reveals anything. */
export function ballotsForTally(db: Q, voteId: string) {
  return db
    .selectFrom('ballots')
    .select(['voterKey', 'publicId', 'choice', 'area', 'channel'])
    .where('voteId', '=', voteId)
    .orderBy('publicId')
    .execute();
}

export function findBallotOfVoter(db: Q, voteId: string, voterKey: string): Promise<BallotRow | undefined> {
  return db
    .selectFrom('ballots')
    .selectAll()
    .where('voteId', '=', voteId)
    .where('voterKey', '=', voterKey)
    .executeTakeFirst();
}

export function findBallotByReceipt(db: Q, voteId: string, receiptHash: string) {
  return db
    .selectFrom('ballots')
    .select(['publicId', 'choice', 'area', 'channel', 'castAt'])
    .where('voteId', '=', voteId)
    .where('receiptHash', '=', receiptHash)
    .executeTakeFirst();
}

export async function insertBallot(db: Q, row: BallotRow): Promise<void> {
  await db.insertInto('ballots').values(row).execute();
}

/** The committee in office for the compound, if any: a disclosure names it. */
export async function currentCommitteeId(db: Q, compoundCode: string): Promise<string | null> {
  const row = await db
    .selectFrom('ownerCommittees')
    .select('id')
    .where('compoundCode', '=', compoundCode)
    .where('status', '=', 'in_term')
    .orderBy('termStart', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertDisclosure(db: Q, row: Database['committeeDisclosures']): Promise<void> {
  await db.insertInto('committeeDisclosures').values(row).execute();
}

export async function userNames(db: Q, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** Per vote: ballots cast, paper entries waiting, and whether codes were issued. */
export async function voteFigures(db: Q, voteIds: string[]) {
  const figures = new Map(voteIds.map((id) => [id, { ballots: 0, pending: 0, codesIssued: false }]));
  if (voteIds.length === 0) return figures;
  const ballots = await db
    .selectFrom('ballots')
    .select(['voteId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('voteId', 'in', voteIds)
    .groupBy('voteId')
    .execute();
  const pending = await db
    .selectFrom('paperBallotEntries')
    .select(['voteId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('voteId', 'in', voteIds)
    .where('status', '=', 'pending')
    .groupBy('voteId')
    .execute();
  const codes = await db
    .selectFrom('voteCodes')
    .select('voteId')
    .distinct()
    .where('voteId', 'in', voteIds)
    .execute();
  for (const b of ballots) figures.get(b.voteId)!.ballots = Number(b.n);
  for (const p of pending) figures.get(p.voteId)!.pending = Number(p.n);
  for (const c of codes) figures.get(c.voteId)!.codesIssued = true;
  return figures;
}
