// Loading the demo city's residents: one community (the first of 市中街道: 6 grids, about 6,200
// residents and 8,000 more rows of party and talent records), its numbers sealed in this thread and
// every row written by a single-row INSERT (one transaction per grid), against the chunked loader
// (people.load.ts) writing the same rows with multi-row INSERTs, one transaction per grid: first
// generating and sealing in this thread, then in a worker thread beside it (its start-up included).
// With DEMO_PEOPLE_BENCH_CITY=1 it also loads the whole scale-1 city (about 1.5 million residents)
// through the background job as `npm start` runs it, and notes the time.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Db, openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrator';
import { loadDemoCity } from '../src/demo/city/index';
import { loadDemoPeople, startDemoPeopleJob } from '../src/demo/jobs';
import { generateGridChunk, type SealedGridChunk, sealGridChunk } from '../src/demo/people/people.chunk';
import { communityOrgId } from '../src/demo/people/people.ids';
import { listGrids, readGridPlaces } from '../src/demo/people/people.places';
import { inThreadSealer } from '../src/demo/people/people.seal';
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

const TABLES = [
  'residents',
  'partyMembers',
  'partyOrgs',
  'partyOrgPosts',
  'centralHouseholdLinks',
  'orgLifeRecords',
  'partyTransfers',
  'talents',
  'talentTags',
  'placeRoles',
] as const;

async function rowByRow(): Promise<{ ms: number; residents: number; rows: number }> {
  const { db, close } = await freshCity([STREET]);
  try {
    const { grids, lanes } = await firstCommunity(db);
    const seal = inThreadSealer(cipher);
    const started = performance.now();
    let residents = 0;
    let rows = 0;
    for (const [g, grid] of grids.entries()) {
      const places = await readGridPlaces(db.kysely, grid, lanes);
      const chunk: SealedGridChunk = await sealGridChunk(
        generateGridChunk(places, {
          seed: 'binzhou',
          today: TODAY,
          communityOrgId: communityOrgId(grid.communityOrdinal, grid.communityCode),
          withCommunity: g === 0,
        }),
        { seal, today: TODAY },
      );
      await db.kysely.transaction().execute(async (trx) => {
        for (const table of TABLES)
          for (const row of chunk[table] as object[])
            await trx
              .insertInto(table)
              .values(row as never)
              .execute();
      });
      residents += chunk.residents.length;
      rows += TABLES.reduce((n, table) => n + chunk[table].length, 0);
    }
    return { ms: performance.now() - started, residents, rows };
  } finally {
    await close();
  }
}

async function chunked(inWorker: boolean): Promise<{ ms: number; grids: number }> {
  const { db, close } = await freshCity([STREET]);
  try {
    const { grids } = await firstCommunity(db);
    const started = performance.now();
    await loadDemoPeople({
      db: db.kysely,
      cipher,
      ...(inWorker ? { key } : {}),
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
  const here = await chunked(false);
  const beside = await chunked(true);
  const city = process.env.DEMO_PEOPLE_BENCH_CITY === '1' ? await wholeCity() : '';
  const sample =
    `${baseline.residents.toLocaleString('en-US')} residents and ${(baseline.rows - baseline.residents).toLocaleString('en-US')} ` +
    `other rows in ${here.grids} grids of ${STREET}, fresh SQLite file each`;
  return [
    {
      name: 'demo residents of one community: row by row vs the chunked loader',
      baseline: { label: 'seal here, one INSERT per row', ms: baseline.ms },
      subject: { label: 'seal here, multi-row INSERTs per grid', ms: here.ms },
      note: sample,
    },
    {
      name: 'demo residents of one community: row by row vs the chunked loader with its worker',
      baseline: { label: 'seal here, one INSERT per row', ms: baseline.ms },
      subject: { label: 'worker generates and seals, this thread writes', ms: beside.ms },
      note: `${sample}; the worker's start-up (about half a second) is included${city}`,
    },
  ];
}
