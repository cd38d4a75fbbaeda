import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// Owners' register, committees (业委会), their formation, and owners' meeting votes.
// Areas are decimal strings (square metres, up to 4 decimals) so that tallies stay exact.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
function isPostgres(db: Kysely<any>) {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const pathText = pg ? sql`text collate "C"` : sql`text`;

  // Exclusive parts (专有部分) of a compound: usually a household node, also shops and garages.
  await db.schema
    .createTable('owner_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_code', 'text', (c) => c.notNull())
    .addColumn('household_code', 'text')
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('use_kind', 'text', (c) => c.notNull())
    .addColumn('registered_area', 'text')
    .addColumn('surveyed_area', 'text')
    .addColumn('contract_area', 'text')
    .addColumn('delivered_on', 'text')
    .addColumn('developer_unsold', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('owner_units_compound_idx').on('owner_units').column('compound_code').execute();
  await db.schema.createIndex('owner_units_path_idx').on('owner_units').column('path').execute();

  // Owners of a compound. Personal numbers sealed as for residents (ciphertext, blind index, mask).
  await db.schema
    .createTable('owners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_code', 'text', (c) => c.notNull())
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_hash', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('owners_compound_idx').on('owners').column('compound_code').execute();
  await db.schema.createIndex('owners_path_idx').on('owners').column('path').execute();
  await db.schema
    .createIndex('owners_id_hash_idx')
    .on('owners')
    .columns(['compound_code', 'id_number_hash'])
    .execute();

  await db.schema
    .createTable('unit_ownerships')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('owner_units.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
    .addColumn('share', 'text')
    .addPrimaryKeyConstraint('unit_ownerships_pk', ['unit_id', 'owner_id'])
    .execute();
  await db.schema.createIndex('unit_ownerships_owner_idx').on('unit_ownerships').column('owner_id').execute();

  await db.schema
    .createTable('owner_committees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_code', 'text', (c) => c.notNull())
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('formation_id', 'text')
    .addColumn('elected_on', 'text', (c) => c.notNull())
    .addColumn('term_start', 'text', (c) => c.notNull())
    .addColumn('term_end', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text')
    .addColumn('filing_authority', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('owner_committees_compound_idx')
    .on('owner_committees')
    .columns(['compound_code', 'status'])
    .execute();
  await db.schema.createIndex('owner_committees_path_idx').on('owner_committees').column('path').execute();

  await db.schema
    .createTable('committee_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('committee_id', 'text', (c) => c.notNull().references('owner_committees.id'))
    .addColumn('owner_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('party_member_id', 'text')
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('committee_members_committee_idx')
    .on('committee_members')
    .column('committee_id')
    .execute();

  // Formation and re-election, step by step (Shandong property regulation arts. 20, 21, 25, 33).
  await db.schema
    .createTable('committee_formations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_code', 'text', (c) => c.notNull())
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_step', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('committee_formations_path_idx')
    .on('committee_formations')
    .column('path')
    .execute();

  await db.schema
    .createTable('formation_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('formation_id', 'text', (c) => c.notNull().references('committee_formations.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approver_name', 'text', (c) => c.notNull())
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('formation_steps_formation_idx')
    .on('formation_steps')
    .column('formation_id')
    .execute();

  await db.schema
    .createTable('formation_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('formation_id', 'text', (c) => c.notNull().references('committee_formations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('is_owner', 'integer', (c) => c.notNull())
    .addColumn('party_member_id', 'text')
    .addColumn('review_status', 'text')
    .addColumn('review_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('formation_people_formation_idx')
    .on('formation_people')
    .columns(['formation_id', 'role'])
    .execute();

  // Owners' meeting votes on one matter of Civil Code art. 278.
  await db.schema
    .createTable('owner_votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_code', 'text', (c) => c.notNull())
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('item', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('total_area', 'text')
    .addColumn('total_headcount', 'integer')
    .addColumn('result', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('owner_votes_path_idx').on('owner_votes').column('path').execute();

  // The electorate frozen when the vote opens: one row per voter as art. 9 counts them.
  await db.schema
    .createTable('vote_electors')
    .addColumn('vote_id', 'text', (c) => c.notNull().references('owner_votes.id'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('owner_ids', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vote_electors_pk', ['vote_id', 'voter_key'])
    .execute();

  await db.schema
    .createTable('ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('vote_id', 'text', (c) => c.notNull().references('owner_votes.id'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('cast_by', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('receipt_hash', 'text', (c) => c.notNull())
    .addColumn('public_id', 'text', (c) => c.notNull())
    .addColumn('cast_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ballots_one_per_voter', ['vote_id', 'voter_key'])
    .execute();
  await db.schema.createIndex('ballots_receipt_idx').on('ballots').column('receipt_hash').execute();

  // Ballots are immutable once cast: the database refuses any update or delete.
  if (pg) {
    await sql`create function ballots_immutable() returns trigger language plpgsql as $$
      begin raise exception 'ballots are immutable once cast'; end $$`.execute(db);
    await sql`create trigger ballots_no_update before update or delete on ballots
      for each row execute function ballots_immutable()`.execute(db);
  } else {
    await sql`create trigger ballots_no_update before update on ballots
      begin select raise(abort, 'ballots are immutable once cast'); end`.execute(db);
    await sql`create trigger ballots_no_delete before delete on ballots
      begin select raise(abort, 'ballots are immutable once cast'); end`.execute(db);
  }

  // What the committee publishes: decisions, reports (quarterly accounts, fund use …).
  await db.schema
    .createTable('committee_disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_code', 'text', (c) => c.notNull())
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('committee_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('vote_id', 'text')
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('committee_disclosures_compound_idx')
    .on('committee_disclosures')
    .columns(['compound_code', 'published_on'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function down(_db: Kysely<any>): Promise<void> {
  throw new Error('Migrations are forward only');
}
