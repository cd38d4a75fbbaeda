import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports nothing from the app. Personal numbers (ID number, phone) are stored
// only encrypted (`*_enc`, AES-256-GCM), with a keyed hash for exact search (`*_hash`) and the
// masked form for lists (`*_masked`): no column holds a plaintext ID number or phone.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
function pathType(db: Kysely<any>) {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function up(db: Kysely<any>): Promise<void> {
  const pathText = pathType(db);

  await db.schema
    .createTable('residents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_code', 'text')
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_hash', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('relation_to_head', 'text', (c) => c.notNull())
    .addColumn('residence_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('residents_path_idx').on('residents').column('path').execute();
  await db.schema.createIndex('residents_household_idx').on('residents').column('household_code').execute();
  await db.schema
    .createIndex('residents_id_hash_idx')
    .on('residents')
    .column('id_number_hash')
    .unique()
    .execute();
  await db.schema.createIndex('residents_phone_hash_idx').on('residents').column('phone_hash').execute();
  await db.schema.createIndex('residents_name_idx').on('residents').column('name').execute();

  await db.schema
    .createTable('resident_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('from_household_code', 'text')
    .addColumn('to_household_code', 'text')
    .addColumn('from_path', pathText)
    .addColumn('to_path', pathText)
    .addColumn('moved_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resident_moves_resident_idx')
    .on('resident_moves')
    .column('resident_id')
    .execute();

  // Roles residents hold on places: building head (楼栋长) on a building, party-member central
  // household (党员中心户) on a household, part-time grid worker (兼职网格员) on a grid.
  await db.schema
    .createTable('place_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('place_roles_area_idx')
    .on('place_roles')
    .columns(['area_code', 'role'])
    .execute();
  await db.schema.createIndex('place_roles_path_idx').on('place_roles').column('path').execute();
  await db.schema.createIndex('place_roles_resident_idx').on('place_roles').column('resident_id').execute();

  await db.schema
    .createTable('party_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().unique().references('residents.id'))
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('membership', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('joined_on', 'text')
    .addColumn('probation_ends_on', 'text')
    .addColumn('org_id', 'text')
    .addColumn('relation_elsewhere', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('party_members_path_idx').on('party_members').column('path').execute();
  await db.schema.createIndex('party_members_org_idx').on('party_members').column('org_id').execute();

  await db.schema
    .createTable('party_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('party_members.id'))
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('from_org_text', 'text', (c) => c.notNull())
    .addColumn('to_org_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('party_transfers_path_idx').on('party_transfers').column('path').execute();
  await db.schema
    .createIndex('party_transfers_member_idx')
    .on('party_transfers')
    .column('member_id')
    .execute();

  await db.schema
    .createTable('talents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().unique().references('residents.id'))
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('willingness', 'text', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('talents_path_idx').on('talents').column('path').execute();

  // Categories and skills as rows, so that "lawyers in this street" is an indexed lookup.
  await db.schema
    .createTable('talent_tags')
    .addColumn('talent_id', 'text', (c) => c.notNull().references('talents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('talent_tags_pk', ['talent_id', 'kind', 'tag'])
    .execute();
  await db.schema.createIndex('talent_tags_tag_idx').on('talent_tags').columns(['kind', 'tag']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function down(_db: Kysely<any>): Promise<void> {
  throw new Error('Migrations are forward only');
}
