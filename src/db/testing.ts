import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, openDatabase } from './database';
import { migrateToLatest } from './migrator';

export type TestDb = Db & { cleanup(): Promise<void> };

/** Which dialect this test run uses: PostgreSQL in the `postgres` project, SQLite otherwise. */
export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * A fresh, migrated database for one test file: SQLite in memory, or a new PostgreSQL database
 * created from TEST_DATABASE_URL and dropped again by cleanup().
 */
export async function createTestDb(): Promise<TestDb> {
  if (testDialect() === 'sqlite') {
    const db = openDatabase({ sqliteFile: ':memory:' });
    await migrateToLatest(db.kysely);
    return { ...db, cleanup: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DIALECT=postgres needs TEST_DATABASE_URL');
  const name = `gr_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openDatabase({ databaseUrl: url.toString() });
  await migrateToLatest(db.kysely);
  return {
    ...db,
    cleanup: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
