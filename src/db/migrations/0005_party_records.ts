import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// - Who completed a transfer belongs on the record, not only in the audit log.
// - The day an organisation was dissolved, for the chain as it stood on a past date.
// - One active organisation of a kind per place, enforced by the database so that two
//   simultaneous creates cannot both win (a partial unique index, on both dialects).

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('party_transfers').addColumn('completed_by', 'text').execute();
  await db.schema.alterTable('party_orgs').addColumn('dissolved_on', 'text').execute();
  await db.schema
    .createIndex('party_orgs_one_active_per_place')
    .on('party_orgs')
    .columns(['area_code', 'kind'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function down(_db: Kysely<any>): Promise<void> {
  throw new Error('Migrations are forward only');
}
