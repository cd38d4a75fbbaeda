import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// Residents' demands (接诉即办): the category catalogue with versioned time limits, the working
// calendar as data, settings, handling units (property companies, departments, co-building units),
// demands with every step kept (Binzhou grid regulation art. 14: 全过程建立电子档案), attachments
// stored by content hash, whistles (吹哨) and report-ins (报到), and idempotency keys for intake.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
function isPostgres(db: Kysely<any>) {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const pathText = pg ? sql`text collate "C"` : sql`text`;
  // Positions to the centimetre: float4 (PostgreSQL `real`) would round them to about a metre.

  await db.schema
    .createTable('demand_categories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('parent_code', 'text')
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('event_class', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Each change of a category's limits or routing is a new version; a demand keeps its version.
  await db.schema
    .createTable('demand_category_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('category_code', 'text', (c) => c.notNull().references('demand_categories.code'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('handle_limit', 'integer', (c) => c.notNull())
    .addColumn('handle_unit', 'text', (c) => c.notNull())
    .addColumn('first_contact_hours', 'integer', (c) => c.notNull())
    .addColumn('default_party', 'text', (c) => c.notNull())
    .addColumn('department_name', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('demand_category_versions_uq')
    .on('demand_category_versions')
    .columns(['category_code', 'version'])
    .unique()
    .execute();

  // The working calendar as data: days off (放假) and make-up working days (调休上班).
  await db.schema
    .createTable('work_calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('demand_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Those who receive dispatches besides grids and communities: property companies (with the
  // compounds they serve), departments (职能部门) and co-building units (共建单位).
  await db.schema
    .createTable('handling_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('contact_phone', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('handling_units_path_idx').on('handling_units').columns(['path']).execute();
  await db.schema
    .createTable('handling_unit_places')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('handling_units.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('path', pathText, (c) => c.notNull())
    .addPrimaryKeyConstraint('handling_unit_places_pk', ['unit_id', 'area_code'])
    .execute();
  await db.schema
    .createIndex('handling_unit_places_area_idx')
    .on('handling_unit_places')
    .column('area_code')
    .execute();

  await db.schema
    .createTable('demand_counters')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('demands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('category_version', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('lng', pg ? 'double precision' : 'real')
    .addColumn('lat', pg ? 'double precision' : 'real')
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('grid_code', 'text')
    .addColumn('compound_code', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('reporter_user_id', 'text')
    .addColumn('reporter_name_enc', 'text')
    .addColumn('reporter_name_masked', 'text')
    .addColumn('reporter_phone_enc', 'text')
    .addColumn('reporter_phone_hash', 'text')
    .addColumn('reporter_phone_masked', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('callback_valid', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('responsible_kind', 'text')
    .addColumn('responsible_ref', 'text')
    .addColumn('responsible_name', 'text')
    .addColumn('handler_user_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text')
    .addColumn('dispatched_at', 'text')
    .addColumn('first_contact_due_at', 'text')
    .addColumn('first_contacted_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('resolved', 'integer')
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rework_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into_id', 'text')
    .addColumn('open311_token', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('demands_path_idx').on('demands').columns(['path', 'received_at']).execute();
  await db.schema.createIndex('demands_status_idx').on('demands').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('demands_received_idx').on('demands').column('received_at').execute();
  await db.schema.createIndex('demands_reporter_idx').on('demands').column('reporter_user_id').execute();
  await db.schema
    .createIndex('demands_responsible_idx')
    .on('demands')
    .columns(['responsible_kind', 'responsible_ref'])
    .execute();
  await db.schema.createIndex('demands_merged_idx').on('demands').column('merged_into_id').execute();
  await db.schema.createIndex('demands_token_idx').on('demands').column('open311_token').unique().execute();

  // Every step of a demand, in order: who, when, what, why.
  await db.schema
    .createTable('demand_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('demand_id', 'text', (c) => c.notNull().references('demands.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('demand_events_seq_uq')
    .on('demand_events')
    .columns(['demand_id', 'seq'])
    .unique()
    .execute();

  // File contents by SHA-256; the bytes live under DATA_DIR, not in the database.
  await db.schema
    .createTable('stored_files')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Who uploaded which content: the same bytes from two people are one file and two uploads, and
  // each may attach it.
  await db.schema
    .createTable('stored_file_uploads')
    .addColumn('sha256', 'text', (c) => c.notNull().references('stored_files.sha256'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stored_file_uploads_pk', ['sha256', 'uploaded_by'])
    .execute();
  await db.schema
    .createTable('demand_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('demand_id', 'text', (c) => c.notNull().references('demands.id'))
    .addColumn('event_id', 'text')
    .addColumn('sha256', 'text', (c) => c.notNull().references('stored_files.sha256'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('demand_attachments_demand_idx')
    .on('demand_attachments')
    .column('demand_id')
    .execute();

  // 街乡吹哨、部门报到 (Beijing art. 16, 33): the street summons a unit, which must report in.
  await db.schema
    .createTable('demand_whistles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('demand_id', 'text', (c) => c.notNull().references('demands.id'))
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('handling_units.id'))
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('summoned_by', 'text', (c) => c.notNull())
    .addColumn('summoned_at', 'text', (c) => c.notNull())
    .addColumn('report_due_at', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text')
    .addColumn('reported_by', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('demand_whistles_demand_idx')
    .on('demand_whistles')
    .column('demand_id')
    .execute();
  await db.schema.createIndex('demand_whistles_path_idx').on('demand_whistles').column('path').execute();

  // A retried submit with the same Idempotency-Key gets the first answer back.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
