import SQLite from 'better-sqlite3';
import { CamelCasePlugin, type Insertable, Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachSqliteHandle, bulkInsert, withIndexesDeferred } from './bulk-insert';
import { migrateToLatest } from './migrator';
import type { Database } from './schema';
import { createTestDb, type TestDb, testDialect } from './testing';

type StaffRow = Insertable<Database['gridStaff']>;

function staff(count: number, from = 0): StaffRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `staff-${String(from + i).padStart(6, '0')}`,
    gridCode: `371602001001${String((from + i) % 900).padStart(3, '0')}`,
    path: '3716/371602/371602001/371602001001',
    name: i % 2 === 0 ? '王芳' : '李建国',
    duty: 'full_time',
    workPhone: '13800000000',
    userId: null,
    sortOrder: i,
    createdAt: '2021-01-01T00:00:00.000Z',
  }));
}

async function countStaff(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('gridStaff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function indexNames(db: TestDb): Promise<string[]> {
  const query =
    db.dialect === 'postgres'
      ? sql<{ name: string }>`select indexname as name from pg_indexes
          where schemaname = current_schema() and tablename = 'grid_staff' order by 1`
      : sql<{ name: string }>`select name from sqlite_master
          where type = 'index' and tbl_name = 'grid_staff' order by 1`;
  return (await query.execute(db.kysely)).rows.map((row) => row.name);
}

describe('bulkInsert', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db.cleanup();
  });
  beforeEach(async () => {
    await db.kysely.deleteFrom('gridStaff').execute();
  });

  it('inserts more rows than one statement may bind, chunk by chunk, every value as given', async () => {
    // 9 columns: 3,640 rows per INSERT under SQLite's limit, 7,281 under PostgreSQL's.
    const rows = staff(8000);
    expect(await bulkInsert(db.kysely, 'gridStaff', rows)).toBe(8000);
    expect(await countStaff(db.kysely)).toBe(8000);
    const last = await db.kysely
      .selectFrom('gridStaff')
      .selectAll()
      .where('id', '=', 'staff-007999')
      .executeTakeFirstOrThrow();
    expect(last).toEqual(rows[7999]);
  });

  it('takes rows from a generator lazily, in chunks no larger than asked for', async () => {
    let produced = 0;
    function* lazily() {
      for (let i = 0; i < 1000; i++) {
        produced += 1;
        yield staff(1, i)[0]!;
      }
    }
    expect(await bulkInsert(db.kysely, 'gridStaff', lazily(), { chunkRows: 300 })).toBe(1000);
    expect(produced).toBe(1000);
    expect(await countStaff(db.kysely)).toBe(1000);
  });

  it('does nothing for no rows', async () => {
    expect(await bulkInsert(db.kysely, 'gridStaff', [])).toBe(0);
  });

  it('refuses a row whose columns differ from the first row’s', async () => {
    const [first, second] = staff(2);
    const { userId: _dropped, ...withoutUser } = second!;
    await expect(bulkInsert(db.kysely, 'gridStaff', [first!, withoutUser as StaffRow])).rejects.toThrow(
      /every row needs the columns of the first/,
    );
  });

  it("leaves nothing behind when a chunk fails inside the caller's transaction", async () => {
    const rows = [...staff(500), staff(1)[0]!]; // the last repeats the first id
    await expect(
      db.kysely.transaction().execute((trx) => bulkInsert(trx, 'gridStaff', rows, { chunkRows: 200 })),
    ).rejects.toThrow();
    expect(await countStaff(db.kysely)).toBe(0);
  });
});

describe('withIndexesDeferred', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db.cleanup();
  });

  it('drops the plain indexes for the load and puts the same ones back, while keys stay', async () => {
    const before = await indexNames(db);
    let during: string[] = [];
    await db.kysely.transaction().execute((trx) =>
      withIndexesDeferred(trx, 'gridStaff', async () => {
        during = await indexNames({ ...db, kysely: trx });
        await bulkInsert(trx, 'gridStaff', staff(100));
      }),
    );
    expect(during).not.toContain('grid_staff_grid_idx');
    expect(during.length).toBeGreaterThan(0); // the primary key's index
    expect(await indexNames(db)).toEqual(before);
    expect(before).toContain('grid_staff_grid_idx');
  });

  it('gets the indexes back when the load fails', async () => {
    const before = await indexNames(db);
    await expect(
      db.kysely.transaction().execute((trx) =>
        withIndexesDeferred(trx, 'gridStaff', async () => {
          throw new Error('load failed');
        }),
      ),
    ).rejects.toThrow('load failed');
    expect(await indexNames(db)).toEqual(before);
  });

  it('refuses to run outside a transaction', async () => {
    await expect(withIndexesDeferred(db.kysely, 'gridStaff', async () => 1)).rejects.toThrow(/transaction/);
  });
});

describe.skipIf(testDialect() !== 'sqlite')('bulkInsert on a better-sqlite3 handle', () => {
  let handle: SQLite.Database;
  let db: Kysely<Database>;
  beforeAll(async () => {
    handle = new SQLite(':memory:');
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: handle }),
      plugins: [new CamelCasePlugin()],
    });
    await migrateToLatest(db);
    attachSqliteHandle(db, handle);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it("runs its prepared statements inside the caller's transaction, on the same connection", async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await bulkInsert(trx, 'gridStaff', staff(5000));
        expect(await countStaff(trx)).toBe(5000);
        throw new Error('abandon the load');
      }),
    ).rejects.toThrow('abandon the load');
    expect(await countStaff(db)).toBe(0);
    await bulkInsert(db, 'gridStaff', staff(5000));
    expect(await countStaff(db)).toBe(5000);
  });
});
