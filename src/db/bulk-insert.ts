// Multi-row INSERTs for loads of many rows (the demo city: ~620,000 areas), inside the caller's
// transaction.
//
// Each INSERT carries as many rows as the dialect's parameter limit allows. Building one through
// Kysely's query builder costs ~4 ms for 1,365 rows of 24 columns (an operation node per value,
// copied again by the CamelCasePlugin). The SQL text of an INSERT depends only on the table, its
// columns and the number of rows, so it is compiled once per shape, through the builder and the
// instance's plugins (column names are mapped as everywhere else), and kept for every later call.
// A last, partial chunk is cut into powers of two (700 = 512 + 128 + 32 + 16 + 8 + 4), so that a
// table has a dozen shapes at most and callers may insert in small batches without a compile
// each time.
//
// A B-tree index fed rows out of its order (names of households, say) costs more to maintain
// row by row than to build once from sorted data: withIndexesDeferred drops a table's plain
// indexes for the duration of a load and creates them again from their own stored definitions.
//
// On SQLite the statement can also be prepared once on the better-sqlite3 handle and run again
// for every chunk, instead of being prepared anew by Kysely for each one: see attachSqliteHandle.

import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Insertable, type Kysely, PostgresAdapter, sql } from 'kysely';
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
// Compiled SQL by adapter and plugin list (both shared by an instance and its transactions), then shape.
const compiledSql = new WeakMap<object, WeakMap<object, Map<string, string>>>();
const preparedStatements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

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
  const executor = db.getExecutor();
  const limit =
    executor.adapter instanceof PostgresAdapter ? MAX_BOUND_PARAMETERS.postgres : MAX_BOUND_PARAMETERS.sqlite;
  const handle = sqliteHandles.get(executor.adapter);
  const byPlugins = compiledSql.get(executor.adapter) ?? new WeakMap<object, Map<string, string>>();
  compiledSql.set(executor.adapter, byPlugins);
  const shapes = byPlugins.get(executor.plugins) ?? new Map<string, string>();
  byPlugins.set(executor.plugins, shapes);
  let columns: string[] = [];
  let chunkRows = 0;
  let chunk: Row[] = [];
  let inserted = 0;

  const insert = async (part: Row[]): Promise<void> => {
    const parameters = flatten(table, part, columns);
    const key = `${table}\u0000${columns.join(',')}\u0000${part.length}`;
    let text = shapes.get(key);
    if (text === undefined) {
      const compiled = db
        .insertInto(table)
        .values(part as never)
        .compile();
      // The reuse rests on Kysely binding values row by row in column order; make sure it does.
      if (!sameParameters(compiled.parameters, parameters)) {
        throw new Error(`bulkInsert into ${table}: the compiled INSERT binds its values in another order`);
      }
      text = compiled.sql;
      shapes.set(key, text);
    }
    if (handle) {
      const statements = preparedStatements.get(handle) ?? new Map<string, BetterSqlite3.Statement>();
      preparedStatements.set(handle, statements);
      let statement = statements.get(text);
      if (!statement) {
        statement = handle.prepare(text);
        statements.set(text, statement);
      }
      statement.run(parameters);
    } else {
      await db.executeQuery(CompiledQuery.raw(text, parameters));
    }
    inserted += part.length;
  };

  const flush = async (): Promise<void> => {
    let at = 0;
    for (const size of pieces(chunk.length, chunkRows)) {
      await insert(chunk.slice(at, at + size));
      at += size;
    }
    chunk = [];
  };

  for (const row of rows as Iterable<Row>) {
    if (chunkRows === 0) {
      columns = Object.keys(row);
      if (columns.length === 0) {
        throw new RangeError(`bulkInsert into ${table}: a row needs at least one column`);
      }
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

/** A full chunk whole; a partial one as powers of two, largest first. */
function pieces(rows: number, chunkRows: number): number[] {
  if (rows === 0) return [];
  if (rows === chunkRows) return [rows];
  const sizes: number[] = [];
  for (let size = 2 ** Math.floor(Math.log2(rows)); size >= 1; size /= 2) {
    if (rows >= size) {
      sizes.push(size);
      rows -= size;
    }
  }
  return sizes;
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

/**
 * Runs `load` with the table's non-unique indexes dropped and creates them again afterwards, from
 * the definitions the database itself stores: one sorted build instead of an insertion per row.
 * Unique indexes (keys) stay, and keep checking. Must run inside a transaction, so that a failed
 * load gets its indexes back with the rollback; meant for loads into an empty or small table.
 */
export async function withIndexesDeferred<R>(
  db: Kysely<Database>,
  table: Table,
  load: () => Promise<R>,
): Promise<R> {
  if (!db.isTransaction) throw new Error('withIndexesDeferred must run inside a transaction');
  const indexes = await plainIndexes(db, table);
  for (const index of indexes) await sql`drop index ${sql.id(...index.name)}`.execute(db);
  const result = await load();
  for (const index of indexes) await sql.raw(index.definition).execute(db);
  return result;
}

async function plainIndexes(
  db: Kysely<Database>,
  table: Table,
): Promise<{ name: string[]; definition: string }[]> {
  // The table's name in SQL, mapped from its TypeScript name by the instance's own plugins.
  const compiled = db.selectFrom(table).selectAll().compile().sql;
  const sqlName = /from "([^"]+)"/.exec(compiled)?.[1];
  if (!sqlName) throw new Error(`cannot tell the SQL name of table ${table} from: ${compiled}`);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ schema: string; name: string; definition: string }>`
      select schemaname as schema, indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename = ${sqlName}`.execute(db);
    return rows
      .filter((row) => !/^create unique/i.test(row.definition))
      .map((row) => ({ name: [row.schema, row.name], definition: row.definition }));
  }
  // Indexes that back PRIMARY KEY and UNIQUE constraints have no stored SQL.
  const { rows } = await sql<{ name: string; definition: string }>`
    select name, sql as definition from sqlite_master
    where type = 'index' and tbl_name = ${sqlName} and sql is not null`.execute(db);
  return rows
    .filter((row) => !/^create unique/i.test(row.definition))
    .map((row) => ({ name: [row.name], definition: row.definition }));
}
