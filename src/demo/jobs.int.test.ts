import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrator';
import { createTestDb, type TestDb, testDialect } from '../db/testing';
import { createFieldCipher } from '../lib/field-crypto';
import { parseIdNumber } from '../lib/id-number';
import { isChainIntact } from '../modules/party/index';
import { idNumberSearchHash, sealIdNumber } from '../modules/people/index';
import { loadDemoCity } from './city/index';
import { isDemoCity, loadDemoPeople, pendingDemoPeople, readDemoSwitches, startDemoPeopleJob } from './jobs';
import { generateGridChunk } from './people/people.chunk';
import { communityOrgId } from './people/people.ids';
import { listGrids, readGridPlaces } from './people/people.places';

// One street of small grids: every rule at work, a few thousand residents.
const city = { onlyStreets: ['371602001'], gridHouseholdBand: [20, 40] as const };
const today = '2026-11-27';
const key = randomBytes(32);
const cipher = createFieldCipher({ key });

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

/** Every demo row, ordered; ciphertexts (fresh IV each time) replaced by what they decrypt to. */
async function snapshot(db: TestDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = (await db.kysely.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    out[table] = rows
      .map((row) => {
        const copy = { ...row };
        for (const column of ['idNumberEnc', 'phoneEnc'])
          if (typeof copy[column] === 'string') copy[column] = cipher.decrypt(copy[column] as string);
        return JSON.stringify(copy, Object.keys(copy).sort());
      })
      .sort();
  }
  return out;
}

async function cityDb(): Promise<TestDb> {
  const db = await createTestDb();
  await loadDemoCity({ db: db.kysely, options: city });
  return db;
}

let whole: TestDb;
let resumed: TestDb;
const log: string[] = [];

beforeAll(async () => {
  [whole, resumed] = await Promise.all([cityDb(), cityDb()]);
  // At once (one transaction, indexes built at the end), as the sync load before the server listens.
  await loadDemoPeople({ db: whole.kysely, cipher, city, today, atOnce: true });
  // The same street loaded in three runs, in a worker thread, as after two restarts.
  await loadDemoPeople({ db: resumed.kysely, cipher, key, city, today, maxChunks: 5 });
  await loadDemoPeople({ db: resumed.kysely, cipher, key, city, maxChunks: 7, log: (m) => log.push(m) });
  await loadDemoPeople({ db: resumed.kysely, cipher, key, city });
}, 120_000);

afterAll(async () => {
  await Promise.all([whole?.cleanup(), resumed?.cleanup()]);
});

describe('loading the demo residents', () => {
  it('gives residents to every active household of the street', async () => {
    const empty = await whole.kysely
      .selectFrom('areas')
      .select('code')
      .where('level', '=', 'household')
      .where('status', '=', 'active')
      .where(
        'code',
        'not in',
        whole.kysely.selectFrom('residents').select('householdCode').where('householdCode', 'is not', null),
      )
      .execute();
    expect(empty).toEqual([]);
    expect(await pendingDemoPeople(whole.kysely, city)).toBe(0);
  });

  it('ends in the same records when stopped and restarted, grid by grid, as when written at once', async () => {
    expect(log[0]).toMatch(/worker thread generates and seals/);
    expect(log.at(-1)).toMatch(/paused .* 7 grids/);
    expect(await snapshot(resumed)).toEqual(await snapshot(whole));
  });

  it('keeps the day it began on when it resumes, so that the records are dated alike', async () => {
    const stamps = await resumed.kysely.selectFrom('partyOrgs').select('createdAt').distinct().execute();
    expect(stamps).toEqual([{ createdAt: new Date(`${today}T00:00:00+08:00`).toISOString() }]);
  });

  it('stores every ID number and phone only sealed: valid, unique, masked, never in plain text', async () => {
    const rows = await whole.kysely.selectFrom('residents').selectAll().execute();
    const hashes = new Set<string>();
    for (const row of rows) {
      const idNumber = cipher.decrypt(row.idNumberEnc!);
      expect(parseIdNumber(idNumber, { today })).toMatchObject({
        ok: true,
        value: idNumber,
        birthDate: row.birthDate,
      });
      expect(row.idNumberHash).toBe(idNumberSearchHash(cipher, idNumber));
      expect(row.idNumberMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
      hashes.add(row.idNumberHash!);
      const phone = row.phoneEnc ? cipher.decrypt(row.phoneEnc) : null;
      const text = JSON.stringify(row);
      expect(text.includes(idNumber)).toBe(false);
      if (phone) expect(text.includes(phone)).toBe(false);
    }
    expect(hashes.size).toBe(rows.length);
  });

  it('builds a chain in which every organisation is intact up to its community', async () => {
    const orgs = await whole.kysely.selectFrom('partyOrgs').selectAll().execute();
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const broken = orgs.filter((o) => !isChainIntact(o, byId));
    expect(broken).toEqual([]);
    const kinds = new Set(orgs.map((o) => o.kind));
    expect([...kinds].sort()).toEqual([
      'building_group',
      'central_household',
      'community_committee',
      'grid_branch',
    ]);
  });

  it('gives another number to a resident whose number someone registered by hand meanwhile', async () => {
    const db = await cityDb();
    try {
      const { grids, lanes } = await listGrids(db.kysely, city.onlyStreets);
      const grid = grids[0]!;
      const places = await readGridPlaces(db.kysely, grid, lanes);
      const chunk = generateGridChunk(places, {
        seed: 'binzhou',
        today,
        communityOrgId: communityOrgId(grid.communityOrdinal, grid.communityCode),
        withCommunity: true,
      });
      const wanted = chunk.residents[0]!;
      const sealed = sealIdNumber(cipher, wanted.idNumberValue, today);
      if (!sealed.ok) throw new Error('generated number refused');
      const stamp = new Date().toISOString();
      await db.kysely
        .insertInto('residents')
        .values({
          id: 'registered-by-hand',
          householdCode: places.buildings.at(-1)!.households[0]!.code,
          path: places.buildings.at(-1)!.households[0]!.path,
          name: '周晓梅',
          gender: sealed.value.gender,
          birthDate: sealed.value.birthDate,
          ethnicity: null,
          idNumberEnc: sealed.value.enc,
          idNumberHash: sealed.value.hash,
          idNumberMasked: sealed.value.masked,
          phoneEnc: null,
          phoneHash: null,
          phoneMasked: null,
          relationToHead: 'head',
          residenceType: 'registered',
          status: 'active',
          note: null,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .execute();
      const summary = await loadDemoPeople({ db: db.kysely, cipher, city, today, maxChunks: 1 });
      expect(summary.written.grids).toBe(1);
      const holders = await db.kysely
        .selectFrom('residents')
        .select('id')
        .where('idNumberHash', '=', sealed.value.hash)
        .execute();
      expect(holders).toEqual([{ id: 'registered-by-hand' }]);
      const generated = await db.kysely
        .selectFrom('residents')
        .select('id')
        .where('id', '=', wanted.id)
        .execute();
      expect(generated).toHaveLength(1);
    } finally {
      await db.cleanup();
    }
  });

  it('leaves an area tree that is not the demo city without residents', async () => {
    const db = await createTestDb();
    try {
      expect(await isDemoCity(db.kysely, city)).toBe(false);
      const summary = await loadDemoPeople({ db: db.kysely, cipher, city });
      expect(summary.written.grids).toBe(0);
    } finally {
      await db.cleanup();
    }
  });
});

describe('the background job', () => {
  /** A database a worker thread can open too: a SQLite file, or the PostgreSQL test database by URL. */
  async function sharedDb() {
    if (testDialect() === 'postgres') {
      const db = await createTestDb();
      return { db, connection: { databaseUrl: db.location }, cleanup: () => db.cleanup() };
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-job-'));
    const file = path.join(dir, 'grassroots.sqlite');
    const db = openDatabase({ sqliteFile: file });
    await migrateToLatest(db.kysely);
    return {
      db,
      connection: { sqliteFile: file },
      cleanup: async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it('loads in a worker thread on its own connection, stops when asked and carries on when started again', async () => {
    const shared = await sharedDb();
    try {
      await loadDemoCity({ db: shared.db.kysely, options: city });
      const messages: string[] = [];
      const grids = await pendingDemoPeople(shared.db.kysely, city);
      const options = { db: shared.db.kysely, cipher, key, city, connection: shared.connection };
      const first = startDemoPeopleJob({ ...options, log: (m) => messages.push(m) });
      // Stop as soon as the first grids are in, as a shutdown would.
      while (messages.length === 0 || (await pendingDemoPeople(shared.db.kysely, city)) === grids)
        await new Promise((r) => setTimeout(r, 20));
      await first.stop();
      const stopped = await first.done;
      expect(stopped?.complete).toBe(false);
      expect(messages.join('\n')).toMatch(/worker thread generates and seals[\s\S]*paused/);
      const second = startDemoPeopleJob(options);
      expect((await second.done)?.complete).toBe(true);
      expect(await pendingDemoPeople(shared.db.kysely, city)).toBe(0);
      const residents = await shared.db.kysely
        .selectFrom('residents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const expected = await whole.kysely
        .selectFrom('residents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(residents.n)).toBe(Number(expected.n));
    } finally {
      await shared.cleanup();
    }
  });
});

describe('the demo switches', () => {
  it('load in the background over the whole city unless told otherwise', () => {
    expect(readDemoSwitches({})).toEqual({ people: 'background', streets: null });
    expect(readDemoSwitches({ DEMO_PEOPLE: 'sync', DEMO_STREETS: '371602001,371602002' })).toEqual({
      people: 'sync',
      streets: ['371602001', '371602002'],
    });
  });

  it('refuse a value they do not know rather than guess', () => {
    expect(() => readDemoSwitches({ DEMO_PEOPLE: 'later' })).toThrow(/DEMO_PEOPLE/);
    expect(() => readDemoSwitches({ DEMO_STREETS: '3716020' })).toThrow(/DEMO_STREETS/);
  });
});
