import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
//
// Area paths are compared as byte strings so that "every node below X" is the index range
// [X/, X0) on both dialects ('/' sorts just before '0'). PostgreSQL gets the "C" collation for
// that; SQLite's default BINARY collation already compares bytes.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
function pathType(db: Kysely<any>) {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : sql`text`;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function up(db: Kysely<any>): Promise<void> {
  const pathText = pathType(db);

  await db.schema
    .createTable('areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('parent_code', 'text')
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('boundary', 'text')
    .addColumn('min_lng', 'double precision')
    .addColumn('min_lat', 'double precision')
    .addColumn('max_lng', 'double precision')
    .addColumn('max_lat', 'double precision')
    .addColumn('attrs', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('successor_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('areas_path_idx').on('areas').column('path').execute();
  await db.schema
    .createIndex('areas_parent_code_idx')
    .on('areas')
    .columns(['parent_code', 'sort_order'])
    .execute();
  await db.schema.createIndex('areas_level_path_idx').on('areas').columns(['level', 'path']).execute();
  await db.schema.createIndex('areas_name_idx').on('areas').column('name').execute();

  // Every drawn version of a place (district … compound): what the map looked like on any day.
  await db.schema
    .createTable('area_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('boundary', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('change_id', 'text')
    .execute();
  await db.schema
    .createIndex('area_versions_code_idx')
    .on('area_versions')
    .columns(['area_code', 'valid_from'])
    .execute();
  await db.schema
    .createIndex('area_versions_level_path_idx')
    .on('area_versions')
    .columns(['level', 'path'])
    .execute();

  await db.schema
    .createTable('area_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('scope_path', pathText, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('area_changes_scope_idx').on('area_changes').column('scope_path').execute();

  // Grid workers and their public contacts (Binzhou grid regulation art. 6: published per grid).
  await db.schema
    .createTable('grid_staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('path', pathText, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('duty', 'text', (c) => c.notNull())
    .addColumn('work_phone', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grid_staff_grid_idx').on('grid_staff').column('grid_code').execute();
  await db.schema.createIndex('grid_staff_path_idx').on('grid_staff').column('path').execute();

  // Bumped on every change to boundaries, so each process knows when to rebuild its lookup index.
  await db.schema
    .createTable('area_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('area_revision').values({ id: 1, revision: 0 }).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function down(_db: Kysely<any>): Promise<void> {
  throw new Error('Migrations are forward only');
}
