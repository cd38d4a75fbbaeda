// Loading the demo city's residents: one community (黄河…, the first of 市中街道, about 7 grids and
// 7,000 residents), its numbers sealed in this thread and each resident written by a single-row
// INSERT, against the chunked loader (people.load.ts) writing the same grids: a worker thread
// generates and seals while this one writes each grid with multi-row INSERTs in one transaction.
// The loader does strictly more (party members, organisations, posts, meetings, talents, roles), so
// the ratio understates its lead. With DEMO_PEOPLE_BENCH_CITY=1 it also loads the whole scale-1 city
// (about 1.5 million residents) through the background job as `npm start` runs it, and notes the time.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Db, openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrator';
import { loadDemoCity } from '../src/demo/city/index';
import { loadDemoPeople, startDemoPeopleJob } from '../src/demo/jobs';
import { generateGridChunk } from '../src/demo/people/people.chunk';
import { communityOrgId, stampOf } from '../src/demo/people/people.ids';
import { listGrids, readGridPlaces } from '../src/demo/people/people.places';
import { inThreadSealer, residentRows } from '../src/demo/people/people.seal';
import { createFieldCipher } from '../src/lib/field-crypto';
import type { BenchResult } from './bench.types';

const STREET = '371602001';
const TODAY = '2026-11-27';
const key = randomBytes(32);
const cipher = createFieldCipher({ key });

/** A fresh SQLite file holding the street's area tree (or the whole city's), as the server opens it. */
async function freshCity(
  onlyStreets: string[] | undefined,
): Promise<{ db: Db; file: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-people-bench-'));
  const file = path.join(dir, 'grassroots.sqlite');
  const db = openDatabase({ sqliteFile: file });
  await migrateToLatest(db.kysely);
  await loadDemoCity({ db: db.kysely, options: onlyStreets ? { onlyStreets } : {} });
  return {
    db,
    file,
    close: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The grids of the street's first community, with the lane count. */
async function firstCommunity(db: Db) {
  const { grids, lanes } = await listGrids(db.kysely, [STREET]);
  return { grids: grids.filter((g) => g.communityCode === grids[0]!.communityCode), lanes };
}

async function rowByRow(): Promise<{ ms: number; residents: number }> {
  const { db, close } = await freshCity([STREET]);
  try {
    const { grids, lanes } = await firstCommunity(db);
    const seal = inThreadSealer(cipher);
    const started = performance.now();
    let residents = 0;
    for (const grid of grids) {
      const places = await readGridPlaces(db.kysely, grid, lanes);
      const chunk = generateGridChunk(places, {
        seed: 'binzhou',
        today: TODAY,
        communityOrgId: communityOrgId(grid.communityOrdinal, grid.communityCode),
        withCommunity: false,
      });
      const sealed = await seal(chunk.residents, TODAY);
      const rows = residentRows(chunk.residents, sealed, stampOf(TODAY));
      await db.kysely.transaction().execute(async (trx) => {
        for (const row of rows) await trx.insertInto('residents').values(row).execute();
      });
      residents += rows.length;
    }
    return { ms: performance.now() - started, residents };
  } finally {
    await close();
  }
}

async function chunked(): Promise<{ ms: number; grids: number }> {
  const { db, close } = await freshCity([STREET]);
  try {
    const { grids } = await firstCommunity(db);
    const started = performance.now();
    await loadDemoPeople({
      db: db.kysely,
      cipher,
      key,
      city: { onlyStreets: [STREET] },
      today: TODAY,
      maxChunks: grids.length,
    });
    return { ms: performance.now() - started, grids: grids.length };
  } finally {
    await close();
  }
}

/** The whole city through the background job, on its own connection in a worker thread. */
async function wholeCity(): Promise<string> {
  const { db, file, close } = await freshCity(undefined);
  try {
    const started = performance.now();
    const job = startDemoPeopleJob({ db: db.kysely, cipher, key, connection: { sqliteFile: file } });
    const summary = await job.done;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    return `; the whole city in the background: ${summary?.written.residents.toLocaleString('en-US')} residents in ${seconds} s`;
  } finally {
    await close();
  }
}

export default async function demoPeople(): Promise<BenchResult[]> {
  const baseline = await rowByRow();
  const subject = await chunked();
  const city = process.env.DEMO_PEOPLE_BENCH_CITY === '1' ? await wholeCity() : '';
  return [
    {
      name: 'demo residents of one community: sealed and inserted row by row vs the chunked loader',
      baseline: { label: 'seal here, one INSERT per resident', ms: baseline.ms },
      subject: { label: 'worker seals, one transaction per grid', ms: subject.ms },
      note:
        `${baseline.residents.toLocaleString('en-US')} residents in ${subject.grids} grids of ${STREET}, fresh SQLite file each; ` +
        `the loader also writes the grids' party and talent records${city}`,
    },
  ];
}
