import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { attachSqliteHandle } from './bulk-insert';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, for the start-up message (file path or URL without password). */
  location: string;
  close(): Promise<void>;
}

// pg returns int8 (counts, sums) as strings; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));

/** Opens the embedded SQLite file, or PostgreSQL when a URL is given. */
export function openDatabase(opts: { databaseUrl?: string | undefined; sqliteFile?: string }): Db {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openSqlite(opts.sqliteFile ?? ':memory:');
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets dashboards read while a write is in progress; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  // Bulk loads (the demo city, imports) write through the driver's prepared statements.
  attachSqliteHandle(kysely, sqlite);
  return { kysely, dialect: 'sqlite', location: file, close: () => kysely.destroy() };
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (restart, failover) must not take the process down;
  // the pool replaces it on the next checkout.
  pool.on('error', (err) => console.warn(`PostgreSQL idle connection lost: ${err.message}`));
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    kysely,
    dialect: 'postgres',
    location: url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@'),
    close: () => kysely.destroy(),
  };
}

/** True when the database answers a trivial query. */
export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
