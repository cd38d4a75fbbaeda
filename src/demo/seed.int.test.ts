import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../db/testing';
import { DEMO_LOGINS } from '../modules/iam/index';
import { type DemoSeedResult, seedDemoCity } from './seed';

// One street of the city is enough for the accounts that belong to its places.
const city = { onlyStreets: ['371602001'] };

describe('seeding the demo city', () => {
  let db: TestDb;
  let first: DemoSeedResult;
  const messages: string[] = [];
  beforeAll(async () => {
    db = await createTestDb();
    first = await seedDemoCity({ db, city, log: (msg) => messages.push(msg) });
  });
  afterAll(async () => {
    await db.cleanup();
  });

  it('logs how many places it loaded and how long that took', () => {
    expect(messages.join('\n')).toMatch(
      /loaded in [\d,]+ ms: 1 city, 7 districts, 92 streets, \d+ communities, [\d,]+ grids/,
    );
  });

  it('adds a community official and a grid worker of 市中街道 to the platform demo logins', async () => {
    const community = await db.kysely
      .selectFrom('areas')
      .select(['name', 'path'])
      .where('code', '=', '371602001001')
      .executeTakeFirstOrThrow();
    const grid = await db.kysely
      .selectFrom('areas')
      .select('path')
      .where('code', '=', '371602001001001')
      .executeTakeFirstOrThrow();
    expect(first.logins.slice(0, DEMO_LOGINS.length)).toEqual(DEMO_LOGINS);
    expect(first.logins.slice(DEMO_LOGINS.length)).toEqual([
      {
        username: 'shequ',
        displayName: `${community.name.replace(/社区$/, '')}社区干部`,
        role: 'community_official',
        scopePath: community.path,
      },
      expect.objectContaining({ username: 'wangge', role: 'grid_worker', scopePath: grid.path }),
      // The demands pages' property staff (the community's first compound) and resident.
      expect.objectContaining({ username: 'wuye', role: 'property_staff' }),
      { username: 'jumin', displayName: '居民', role: 'resident', scopePath: '3716' },
    ]);
    const users = await db.kysely.selectFrom('users').select('username').execute();
    expect(users.map((u) => u.username).sort()).toEqual(first.logins.map((l) => l.username).sort());
  });

  it("makes the grid worker's account that grid's full-time worker", async () => {
    const user = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'wangge')
      .executeTakeFirstOrThrow();
    const staff = await db.kysely
      .selectFrom('gridStaff')
      .select(['gridCode', 'duty'])
      .where('userId', '=', user.id)
      .execute();
    expect(staff).toEqual([{ gridCode: '371602001001001', duty: 'full_time' }]);
  });

  it('leaves an existing area tree and existing accounts alone when run again', async () => {
    const count = async () =>
      Number(
        (
          await db.kysely
            .selectFrom('areas')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const again: string[] = [];
    const second = await seedDemoCity({ db, city, log: (msg) => again.push(msg) });
    expect(await count()).toBe(before);
    expect(again).toEqual([]);
    expect(second.logins).toEqual(first.logins);
  });
});
