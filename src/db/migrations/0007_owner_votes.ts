import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// Owners' meeting votes, continued: the one-time voting codes handed to each elector, and paper
// ballots entered by one officer and waiting for a second officer's confirmation. Only hashes of
// codes are kept; a paper ballot becomes a row of `ballots` (immutable) only when confirmed.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function up(db: Kysely<any>): Promise<void> {
  // One code per elector of a vote; reissuing a lost code replaces the hash while it is unused.
  await db.schema
    .createTable('vote_codes')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('owner_votes.id'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('vote_codes_pk', ['vote_id', 'voter_key'])
    .execute();
  await db.schema.createIndex('vote_codes_hash_idx').on('vote_codes').column('code_hash').unique().execute();

  await db.schema
    .createTable('paper_ballot_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('vote_id', 'text', (c) => c.notNull().references('owner_votes.id'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('ballot_id', 'text')
    .execute();
  // At most one entry per elector waits for confirmation.
  await db.schema
    .createIndex('paper_ballot_entries_one_pending')
    .on('paper_ballot_entries')
    .columns(['vote_id', 'voter_key'])
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('paper_ballot_entries_vote_idx')
    .on('paper_ballot_entries')
    .columns(['vote_id', 'status'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function down(_db: Kysely<any>): Promise<void> {
  throw new Error('Migrations are forward only');
}
