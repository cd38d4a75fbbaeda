import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from the app.
// Rate-limit counters of the public and code-taking routes, in the database so that several server
// processes share one allowance (DESIGN.md, "Growing past one machine"). One row per bucket and
// client (hashed key): the minute it counts (`window_no`, minutes since the epoch) and how many
// requests came in it. Rows of past minutes are swept.

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_no', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_windows_window_idx')
    .on('rate_limit_windows')
    .column('window_no')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute();
}
