// Loading the demo city: the households of 20 grids (~8,000 rows of 24 columns) inserted one
// row per INSERT through Kysely, against bulkInsert's multi-row INSERTs; then bulkInsert through
// Kysely against the same on the better-sqlite3 handle (statements prepared once); and, in the
// note, the whole scale-1 city (~620,000 rows) as `npm start` loads it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { attachSqliteHandle, bulkInsert } from '../src/db/bulk-insert';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrator';
import type { Database } from '../src/db/schema';
import { type AreaInsert, generateDemoCity, loadDemoCity } from '../src/demo/city/index';
import type { BenchResult } from './bench.types';

const GRIDS = 20;
const REPEAT = 3;

function householdsOfGrids(count: number): AreaInsert[] {
  const households: AreaInsert[] = [];
  const grids = new Set<string>();
  for (const batch of generateDemoCity({ onlyStreets: ['371602001'] })) {
    for (const area of batch.areas) {
      if (area.level === 'grid') grids.add(area.code);
      if (grids.size > count) return households;
      if (area.level === 'household') households.push(area);
    }
  }
  return households;
}

/** A fresh migrated SQLite file (WAL, as the server opens it); `raw` also attaches the handle. */
async function freshDatabase(raw: boolean): Promise<{ db: Kysely<Database>; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-seed-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  if (!raw) {
    const opened = openDatabase({ sqliteFile: file });
    await migrateToLatest(opened.kysely);
    return {
      db: opened.kysely,
      close: async () => {
        await opened.close();
        remove();
      },
    };
  }
  const handle = new SQLite(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: handle }),
    plugins: [new CamelCasePlugin()],
  });
  await migrateToLatest(db);
  attachSqliteHandle(db, handle);
  return {
    db,
    close: async () => {
      await db.destroy();
      remove();
    },
  };
}

/** Best of REPEAT runs of `load`, each in one transaction on a fresh database. */
async function bestOf(raw: boolean, load: (db: Kysely<Database>) => Promise<unknown>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < REPEAT; i++) {
    const { db, close } = await freshDatabase(raw);
    const start = performance.now();
    await db.transaction().execute(load);
    best = Math.min(best, performance.now() - start);
    await close();
  }
  return best;
}

export default async function demoSeed(): Promise<BenchResult[]> {
  const rows = householdsOfGrids(GRIDS);
  const rowByRow = await bestOf(false, async (trx) => {
    for (const row of rows) await trx.insertInto('areas').values(row).execute();
  });
  const bulk = await bestOf(false, (trx) => bulkInsert(trx, 'areas', rows));
  const bulkRaw = await bestOf(true, (trx) => bulkInsert(trx, 'areas', rows));

  const { db, close } = await freshDatabase(false);
  const city = await loadDemoCity({ db });
  await close();
  const total = Object.values(city.places).reduce((a, b) => a + b, 0);

  const sample = `${rows.length.toLocaleString('en-US')} households of ${GRIDS} grids, best of ${REPEAT}, fresh SQLite file each`;
  return [
    {
      name: 'demo households: one INSERT per row vs bulkInsert',
      baseline: { label: 'Kysely, row by row', ms: rowByRow },
      subject: { label: 'bulkInsert', ms: bulk },
      note: sample,
    },
    {
      name: 'demo households: bulkInsert through Kysely vs on the better-sqlite3 handle',
      baseline: { label: 'compiled once, prepared per chunk', ms: bulk },
      subject: { label: 'prepared once', ms: bulkRaw },
      note: `${sample}; the whole scale-1 city (${total.toLocaleString('en-US')} places, one transaction) loaded in ${city.ms.toLocaleString('en-US')} ms`,
    },
  ];
}
