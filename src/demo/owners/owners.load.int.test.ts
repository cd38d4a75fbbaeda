import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing';
import { createFieldCipher, type FieldCipher } from '../../lib/field-crypto';
import { parseIdNumber } from '../../lib/id-number';
import { fromDecimalString } from '../../lib/rational';
import { DEMO_LOGINS, seedUsers } from '../../modules/iam/index';
import { countOwnersHeadcount, exclusiveArea } from '../../modules/owners/owners.headcount';
import { loadDemoCity, placeLogins } from '../city/index';
import { loadDemoPeople } from '../people/people.load';
import { type GridRef, listGrids } from '../people/people.places';
import { countOwnersFigures, type DemoOwnersSummary, loadDemoOwners, loadDemoOwnersOfGrid } from './index';
import { generateGridOwners } from './owners.generate';
import { readApprovers, readGridCompounds, readGridResidents } from './owners.places';

// 惠民县 孙武街道: 43 compounds, 32 grids, 12,000 households.
const STREET = '371621003';
const city = { onlyStreets: [STREET] };
const today = '2026-11-27';

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

describe('loading the demo owners after the residents', () => {
  let db: TestDb;
  let cipher: FieldCipher;
  let grids: GridRef[];
  let lanes: number;
  let first: DemoOwnersSummary;
  let second: DemoOwnersSummary;
  let oneGrid: number;

  beforeAll(async () => {
    db = await createTestDb();
    cipher = createFieldCipher({ key: randomBytes(32) });
    const kysely = db.kysely;
    await loadDemoCity({ db: kysely, options: city });
    await seedUsers(kysely, [...DEMO_LOGINS, ...(await placeLogins(kysely)).logins]);
    ({ grids, lanes } = await listGrids(kysely, city.onlyStreets));
    await loadDemoPeople({ db: kysely, cipher, city, today, maxChunks: 8 });
    first = await loadDemoOwners({ db: kysely, cipher, city });
    await loadDemoPeople({ db: kysely, cipher, city, today });
    // What the people job does after writing a grid's residents.
    const counts = await loadDemoOwnersOfGrid({ db: kysely, cipher, grid: grids[8]!, lanes, city });
    oneGrid = counts.ownerUnits;
    second = await loadDemoOwners({ db: kysely, cipher, city });
  }, 180_000);
  afterAll(async () => {
    await db?.cleanup();
  });

  it('waits for a grid’s residents, and carries on with the rest once they are there', async () => {
    expect(first).toMatchObject({ grids: 32, loaded: 8, alreadyDone: 0, waitingForPeople: 24 });
    expect(oneGrid).toBeGreaterThan(0);
    expect(second).toMatchObject({ grids: 32, loaded: 23, alreadyDone: 9, waitingForPeople: 0 });
    const again = await loadDemoOwners({ db: db.kysely, cipher, city });
    expect(again).toMatchObject({ loaded: 0, alreadyDone: 32, waitingForPeople: 0 });
    expect(Object.values(again.written).every((n) => n === 0)).toBe(true);
    const units = await db.kysely.selectFrom('ownerUnits').select('compoundCode').distinct().execute();
    expect(units).toHaveLength(43);
  });

  it('gives a formation rate, counted from the tables, within a plausible band', async () => {
    const street = await db.kysely
      .selectFrom('areas')
      .select('path')
      .where('code', '=', STREET)
      .executeTakeFirstOrThrow();
    const figures = await countOwnersFigures(db.kysely, { today, scopePath: street.path });
    expect(figures.compounds).toBe(43);
    expect(figures.rate).toBeGreaterThanOrEqual(65);
    expect(figures.rate).toBeLessThanOrEqual(90);
    expect(figures.partyMembersOnCommittees).toBeGreaterThan(0);
    expect(second.figures).toEqual(figures);
  });

  it('seats committees of 5, 7 or 9 owners with one chair, terms of at most five years, party members as they are', async () => {
    const rows = await db.kysely
      .selectFrom('committeeMembers as m')
      .innerJoin('ownerCommittees as c', 'c.id', 'm.committeeId')
      .innerJoin('owners as o', 'o.id', 'm.ownerId')
      .leftJoin('partyMembers as p', 'p.id', 'm.partyMemberId')
      .select([
        'c.id',
        'c.termStart',
        'c.termEnd',
        'm.post',
        'm.partyMemberId',
        'o.residentId',
        'p.residentId as memberResident',
      ])
      .execute();
    const byCommittee = groupBy(rows, (r) => r.id);
    expect(byCommittee.size).toBeGreaterThan(25);
    for (const members of byCommittee.values()) {
      expect([5, 7, 9]).toContain(members.length);
      expect(members.filter((m) => m.post === 'chair')).toHaveLength(1);
      const { termStart, termEnd } = members[0]!;
      expect(termEnd < `${Number(termStart.slice(0, 4)) + 5}${termStart.slice(4)}`).toBe(true);
      for (const m of members) if (m.partyMemberId) expect(m.memberResident).toBe(m.residentId);
    }
  });

  it('counts a compound’s owners as art. 9 does, the developer once however many units it holds', async () => {
    const developer = await db.kysely
      .selectFrom('ownerUnits')
      .select(['compoundCode', (eb) => eb.fn.countAll<number>().as('n')])
      .where('developerUnsold', '=', 1)
      .groupBy('compoundCode')
      .orderBy('compoundCode')
      .execute();
    const compound = developer.find((d) => Number(d.n) > 1)!.compoundCode;
    const units = await db.kysely
      .selectFrom('ownerUnits')
      .selectAll()
      .where('compoundCode', '=', compound)
      .execute();
    const ownerships = await db.kysely
      .selectFrom('unitOwnerships')
      .select(['unitId', 'ownerId'])
      .where(
        'unitId',
        'in',
        units.map((u) => u.id),
      )
      .execute();
    const owners = groupBy(ownerships, (o) => o.unitId);
    const input = units.map((u) => ({
      unitId: u.id,
      ownerIds: (owners.get(u.id) ?? []).map((o) => o.ownerId),
      developerUnsold: u.developerUnsold === 1,
      area: exclusiveArea({
        registered: u.registeredArea ? fromDecimalString(u.registeredArea) : null,
        surveyed: u.surveyedArea ? fromDecimalString(u.surveyedArea) : null,
        contract: u.contractArea ? fromDecimalString(u.contractArea) : null,
      }),
    }));
    // Expected by hand: each distinct set of owners of the sold units, plus the developer.
    const sold = new Set(
      input.filter((u) => !u.developerUnsold).map((u) => [...u.ownerIds].sort().join(',')),
    );
    const counted = countOwnersHeadcount(input);
    expect(counted.totalHeadcount).toBe(sold.size + 1);
    const dev = counted.owners.filter((o) => o.developer);
    expect(dev).toHaveLength(1);
    expect(dev[0]!.unitIds).toHaveLength(input.filter((u) => u.developerUnsold).length);
    expect(counted.owners.some((o) => o.ownerIds.length > 1)).toBe(true);
    expect(counted.owners.some((o) => !o.developer && o.unitIds.length > 1)).toBe(true);
  });

  it('keeps no plaintext number in owners: residents’ sealed numbers copied, others sealed with the cipher', async () => {
    const owners = await db.kysely.selectFrom('owners').selectAll().execute();
    const residents = new Map(
      (
        await db.kysely
          .selectFrom('residents')
          .select(['id', 'idNumberEnc', 'idNumberHash', 'phoneHash'])
          .execute()
      ).map((r) => [r.id, r]),
    );
    const residentPhones = new Set([...residents.values()].map((r) => r.phoneHash));
    let outsiders = 0;
    for (const o of owners) {
      // Ciphertext, masked forms and names hold no number; blind indexes are HMAC-SHA256 in hex.
      for (const value of [o.name, o.idNumberEnc, o.idNumberMasked, o.phoneEnc, o.phoneMasked])
        expect(String(value)).not.toMatch(/\d{15}|(?<!\d)1[3-9]\d{9}(?!\d)/);
      for (const hash of [o.idNumberHash, o.phoneHash])
        if (hash !== null) expect(hash).toMatch(/^[0-9a-f]{64}$/);
      if (o.kind !== 'person') {
        expect(o.idNumberEnc).toBeNull();
        continue;
      }
      const number = cipher.decrypt(o.idNumberEnc!);
      expect(parseIdNumber(number).ok).toBe(true);
      expect(o.idNumberHash).toBe(cipher.blindIndex(`id:${number}`));
      expect(o.idNumberMasked).toMatch(/\*/);
      const resident = o.residentId ? residents.get(o.residentId) : undefined;
      if (resident) {
        expect([o.idNumberEnc, o.idNumberHash]).toEqual([resident.idNumberEnc, resident.idNumberHash]);
      } else {
        outsiders += 1;
        expect(o.residentId).toBeNull();
        expect(residentPhones.has(o.phoneHash)).toBe(false);
      }
    }
    expect(outsiders).toBeGreaterThan(100);
    const hashes = new Set([...residents.values()].map((r) => r.idNumberHash));
    const outside = owners.filter((o) => o.kind === 'person' && !o.residentId).map((o) => o.idNumberHash);
    expect(outside.some((h) => hashes.has(h))).toBe(false);
    expect(new Set(outside).size).toBe(outside.length);
  });

  it('dates each formation step, approved by an account of the platform', async () => {
    const users = new Set((await db.kysely.selectFrom('users').select('id').execute()).map((u) => u.id));
    const steps = await db.kysely
      .selectFrom('formationSteps')
      .select(['approvedBy', 'completedOn'])
      .execute();
    expect(steps.length).toBeGreaterThan(5);
    for (const s of steps) {
      expect(users.has(s.approvedBy)).toBe(true);
      expect(s.completedOn <= today).toBe(true);
    }
  });

  it('writes what the generator gives for the grid as the database holds it', async () => {
    const grid = grids[3]!;
    const { rows } = generateGridOwners({
      seed: 'binzhou',
      today,
      grid: { code: grid.code, ordinal: grid.ordinal },
      lanes,
      streetName: '孙武街道',
      compounds: await readGridCompounds(db.kysely, grid.path),
      residents: await readGridResidents(db.kysely, grid.path),
      approverFor: await readApprovers(db.kysely),
      seal: (person) => ({
        idNumberEnc: person.idNumber,
        idNumberHash: null,
        idNumberMasked: null,
        phoneEnc: null,
        phoneHash: null,
        phoneMasked: null,
      }),
    });
    const codes = [...new Set(rows.ownerUnits.map((u) => u.compoundCode!))];
    const byId = <T extends { id?: string }>(list: T[]) => [...list].sort((a, b) => (a.id! < b.id! ? -1 : 1));
    const units = await db.kysely
      .selectFrom('ownerUnits')
      .selectAll()
      .where('compoundCode', 'in', codes)
      .orderBy('id')
      .execute();
    const committees = await db.kysely
      .selectFrom('ownerCommittees')
      .selectAll()
      .where('compoundCode', 'in', codes)
      .orderBy('id')
      .execute();
    const disclosures = await db.kysely
      .selectFrom('committeeDisclosures')
      .selectAll()
      .where('compoundCode', 'in', codes)
      .orderBy('id')
      .execute();
    expect(units).toEqual(byId(rows.ownerUnits));
    expect(committees).toEqual(byId(rows.ownerCommittees));
    expect(disclosures).toEqual(byId(rows.committeeDisclosures));
  });
});
