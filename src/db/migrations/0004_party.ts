import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports nothing from the app.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
function pathType(db: Kysely<any>) {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function up(db: Kysely<any>): Promise<void> {
  const pathText = pathType(db);

  // The four-level chain: community party organisation → grid party branch → building party
  // group → party-member central household, each bound to an area node (path = that node's path).
  await db.schema
    .createTable('party_orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('meeting_place', 'text')
    .addColumn('established_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('party_orgs_path_idx').on('party_orgs').column('path').execute();
  await db.schema.createIndex('party_orgs_parent_idx').on('party_orgs').column('parent_id').execute();
  await db.schema
    .createIndex('party_orgs_area_idx')
    .on('party_orgs')
    .columns(['area_code', 'kind'])
    .execute();

  await db.schema
    .createTable('party_org_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('party_orgs.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('background', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('party_org_posts_org_idx').on('party_org_posts').column('org_id').execute();

  // Households a party-member central household looks after (联系户).
  await db.schema
    .createTable('central_household_links')
    .addColumn('org_id', 'text', (c) => c.notNull().references('party_orgs.id').onDelete('cascade'))
    .addColumn('household_code', 'text', (c) => c.notNull())
    .addColumn('path', pathText, (c) => c.notNull())
    .addPrimaryKeyConstraint('central_household_links_pk', ['org_id', 'household_code'])
    .execute();
  await db.schema
    .createIndex('central_household_links_path_idx')
    .on('central_household_links')
    .column('path')
    .execute();

  await db.schema
    .createTable('org_life_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('party_orgs.id'))
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('attendees', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('org_life_records_org_idx')
    .on('org_life_records')
    .columns(['org_id', 'held_on'])
    .execute();

  // The grid branch "entity operation" (实体化运行) checklist, edited by administrators.
  await db.schema
    .createTable('branch_checklist_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('label_zh', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function down(_db: Kysely<any>): Promise<void> {
  throw new Error('Migrations are forward only');
}
