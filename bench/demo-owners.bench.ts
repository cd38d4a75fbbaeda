// Writing the demo owners' registers of one street (惠民县 孙武街道: 43 compounds, ~12,000
// households): every exclusive unit, owner and ownership inserted one row per INSERT through
// Kysely, against the loader's path (bulkInsert's multi-row INSERTs, statements prepared once on
// the better-sqlite3 handle). Both in one transaction on a fresh file database, as the load runs;
// the note gives how long generating the street's owners' records takes beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrator';
import type { Database } from '../src/db/schema';
import { demoGridInputs } from '../src/demo/owners/owners.fixtures';
import { generateGridOwners } from '../src/demo/owners/owners.generate';
import { insertOwnersRows } from '../src/demo/owners/owners.load';
import { emptyRows, OWNERS_TABLES, type OwnersRows } from '../src/demo/owners/owners.types';
import type { BenchResult } from './bench.types';

const STREET = '371621003';
const TODAY = '2026-11-27';
const REPEAT = 5;
const REGISTER_TABLES = ['ownerUnits', 'owners', 'unitOwnerships'] as const;

/** Best of `repeat` runs of `load` on a fresh migrated SQLite file (WAL, as the server opens it). */
async function bestOf(repeat: number, load: (db: Kysely<Database>) => Promise<unknown>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-owners-bench-'));
    const db = openDatabase({ sqliteFile: path.join(dir, 'bench.sqlite') });
    await migrateToLatest(db.kysely);
    const start = performance.now();
    await load(db.kysely);
    best = Math.min(best, performance.now() - start);
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return best;
}

export default async function demoOwners(): Promise<BenchResult[]> {
  const inputs = demoGridInputs({ onlyStreets: [STREET], today: TODAY });
  const started = performance.now();
  const all = emptyRows();
  for (const input of inputs) {
    const { rows } = generateGridOwners(input);
    for (const table of OWNERS_TABLES) (all[table] as unknown[]).push(...rows[table]);
  }
  const generated = performance.now() - started;
  const registers: OwnersRows = {
    ...emptyRows(),
    ownerUnits: all.ownerUnits,
    owners: all.owners,
    unitOwnerships: all.unitOwnerships,
  };
  const count = REGISTER_TABLES.reduce((n, table) => n + registers[table].length, 0);

  const rowByRow = await bestOf(2, (db) =>
    db.transaction().execute(async (trx) => {
      for (const table of REGISTER_TABLES)
        for (const row of registers[table])
          await trx
            .insertInto(table)
            .values(row as never)
            .execute();
    }),
  );
  const bulk = await bestOf(REPEAT, (db) => insertOwnersRows(db, registers));
  const everything = await bestOf(REPEAT, (db) => insertOwnersRows(db, all));
  const total = OWNERS_TABLES.reduce((n, table) => n + all[table].length, 0);
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    {
      name: `demo owners' registers of one street (${n(count)} rows)`,
      baseline: { label: 'one INSERT per row', ms: rowByRow },
      subject: { label: 'bulkInsert', ms: bulk },
      note:
        `${n(registers.ownerUnits.length)} units, ${n(registers.owners.length)} owners, ` +
        `${n(registers.unitOwnerships.length)} ownerships; the baseline best of 2, the subject best of ${REPEAT}; ` +
        `all ${n(total)} owners' rows of the street (committees, formations, disclosures too) written in ` +
        `${Math.round(everything)} ms, generated in ${Math.round(generated)} ms (numbers sealed by a stand-in)`,
    },
  ];
}
