// Multi-row INSERTs for loads of many rows (the demo city: ~620,000 areas), inside the caller's
// transaction.
//
// Each INSERT carries as many rows as the dialect's parameter limit allows. Building one through
// Kysely's query builder costs ~4 ms for 1,365 rows of 24 columns (an operation node per value,
// copied again by the CamelCasePlugin), a quarter of the load's time. The SQL text of an INSERT
// depends only on the table, its columns and the number of rows, so it is compiled once per
// shape, through the builder and its plugins (so column names are mapped as everywhere else),
// and reused with each chunk's parameters.
//
// On SQLite the statement can also be prepared once on the better-sqlite3 handle and run again
// for every chunk, instead of being prepared anew by Kysely for each one: see attachSqliteHandle.

import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Insertable, type Kysely, PostgresAdapter } from 'kysely';
import type { Database } from './schema';

/** Bound parameters per statement: SQLite's SQLITE_MAX_VARIABLE_NUMBER (3.32+), PostgreSQL's Int16 count. */
export const MAX_BOUND_PARAMETERS = { sqlite: 32_766, postgres: 65_535 } as const;

export interface BulkInsertOptions {
  /** At most this many rows per INSERT; the parameter limit may lower it further. */
  chunkRows?: number;
}

type Table = keyof Database & string;
type Row = Record<string, unknown>;

// Keyed by the dialect adapter: a Kysely instance and every transaction opened from it share it.
const sqliteHandles = new WeakMap<object, BetterSqlite3.Database>();

/**
 * Lets bulkInsert run its INSERTs on this better-sqlite3 handle directly, each statement prepared
 * once and reused. The handle must be the one `db` was opened on, so that the statements run on
 * the same connection and therefore inside the caller's transaction.
 */
export function attachSqliteHandle(db: Kysely<Database>, handle: BetterSqlite3.Database): void {
  sqliteHandles.set(db.getExecutor().adapter, handle);
}

/**
 * Inserts rows with multi-row INSERTs in chunks under the parameter limit, consuming `rows` lazily
 * (a generator keeps memory bounded). Every row must have the same columns as the first, with
 * primitive values. Returns the number of rows inserted. Opens no transaction of its own: run it
 * inside one so that a failure leaves nothing behind.
 */
export async function bulkInsert<T extends Table>(
  db: Kysely<Database>,
  table: T,
  rows: Iterable<Insertable<Database[T]>>,
  options: BulkInsertOptions = {},
): Promise<number> {
  const adapter = db.getExecutor().adapter;
  const limit = adapter instanceof PostgresAdapter ? MAX_BOUND_PARAMETERS.postgres : MAX_BOUND_PARAMETERS.sqlite;
  const handle = sqliteHandles.get(adapter);
  const sqlByRows = new Map<number, string>();
  const statementByRows = new Map<number, BetterSqlite3.Statement>();
  let columns: string[] | undefined;
  let chunkRows = 0;
  let chunk: Row[] = [];
  let inserted = 0;

  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const parameters = flatten(table, chunk, columns!);
    let sql = sqlByRows.get(chunk.length);
    if (sql === undefined) {
      const compiled = db
        .insertInto(table)
        .values(chunk as never)
        .compile();
      // The reuse rests on Kysely binding values row by row in column order; make sure it does.
      if (!sameParameters(compiled.parameters, parameters)) {
        throw new Error(`bulkInsert into ${table}: the compiled INSERT binds its values in another order`);
      }
      sql = compiled.sql;
      sqlByRows.set(chunk.length, sql);
    }
    if (handle) {
      let statement = statementByRows.get(chunk.length);
      if (!statement) {
        statement = handle.prepare(sql);
        statementByRows.set(chunk.length, statement);
      }
      statement.run(parameters);
    } else {
      await db.executeQuery(CompiledQuery.raw(sql, parameters));
    }
    inserted += chunk.length;
    chunk = [];
  };

  for (const row of rows as Iterable<Row>) {
    if (columns === undefined) {
      columns = Object.keys(row);
      if (columns.length === 0) throw new RangeError(`bulkInsert into ${table}: a row needs at least one column`);
      chunkRows = Math.max(1, Math.floor(limit / columns.length));
      if (options.chunkRows !== undefined) {
        if (!Number.isSafeInteger(options.chunkRows) || options.chunkRows < 1) {
          throw new RangeError(`chunkRows must be a whole number of at least 1, got ${options.chunkRows}`);
        }
        chunkRows = Math.min(chunkRows, options.chunkRows);
      }
    }
    chunk.push(row);
    if (chunk.length === chunkRows) await flush();
  }
  await flush();
  return inserted;
}

/** The chunk's values, row by row in column order; throws on a row whose columns differ. */
function flatten(table: string, chunk: Row[], columns: string[]): unknown[] {
  const parameters = new Array<unknown>(chunk.length * columns.length);
  let at = 0;
  for (const row of chunk) {
    if (Object.keys(row).length !== columns.length) throw columnMismatch(table, row, columns);
    for (const column of columns) {
      const value = row[column];
      if (value === undefined) throw columnMismatch(table, row, columns);
      parameters[at++] = value;
    }
  }
  return parameters;
}

function columnMismatch(table: string, row: Row, columns: string[]): RangeError {
  return new RangeError(
    `bulkInsert into ${table}: every row needs the columns of the first (${columns.join(', ')}), ` +
      `got ${Object.keys(row).join(', ')}`,
  );
}

function sameParameters(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
