import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../lib/random';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { type ChainOrg, countReached } from './party.chain-reach';
import { addBuilding, addOrg, buildChain, SMALL_CITY as C, linkHousehold } from './party.fixtures';
import { countReach, unreachedHouseholds } from './party.reports.repository';

const STREET_A = '3716/371602/371602001';
let t: TestApp;
let streetA: Session;
let streetB: Session;
let worker: Session;
let extra: { building: string; households: string[] };

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely, { householdsPerCompound: 6 });
  // A second building in grid A1's compound, so that a link can reach beyond the group's building.
  extra = await addBuilding(t.db.kysely, { compoundCode: `${C.gridA1}01`, serial: 2, households: 3 });
  const users = [
    ['streeta', 'street_official', STREET_A],
    ['streetb', 'street_official', '3716/371602/371602002'],
    ['workera', 'grid_worker', `${STREET_A}/${C.communityA}/${C.gridA1}`],
  ] as const;
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  [streetA, streetB, worker] = (await Promise.all(users.map(([u]) => t.login(u)))) as [
    Session,
    Session,
    Session,
  ];
});
afterAll(() => t.close());

async function clearParty() {
  await t.db.kysely.deleteFrom('centralHouseholdLinks').execute();
  await t.db.kysely.deleteFrom('partyOrgs').execute();
}

const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });

describe('households reached by the chain, counted from the records', () => {
  let branchA1: string;
  beforeAll(async () => {
    await clearParty();
    const db = t.db.kysely;
    const a1 = await buildChain(db, {
      community: C.communityA,
      grid: C.gridA1,
      building: C.buildingA1,
      centralHousehold: C.household(C.gridA1, 1),
    });
    branchA1 = a1.branch.id;
    await linkHousehold(db, a1.central.id, extra.households[0]!);
    // Grid A2: its building group is dissolved, so its central household's links reach nobody.
    const a2 = await addOrg(db, { kind: 'grid_branch', areaCode: C.gridA2, parentId: a1.community.id });
    const group = await addOrg(db, {
      kind: 'building_group',
      areaCode: C.buildingA2,
      parentId: a2.id,
      status: 'dissolved',
    });
    const central = await addOrg(db, {
      kind: 'central_household',
      areaCode: C.household(C.gridA2, 1),
      parentId: group.id,
    });
    await linkHousehold(db, central.id, C.household(C.gridA2, 2));
  });

  it('a street: 6 households of the group’s building and 1 linked next door, of 15', async () => {
    const res = await get(streetA, '/api/v1/party/reach?area=371602001');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      area: { code: '371602001', name: '市中街道', level: 'street', path: STREET_A },
      households: 15,
      reached: 7,
      rate: { numerator: 7, denominator: 15, percent: '46.7%' },
    });
  });

  it.each([
    ['grid A1 (two buildings)', () => C.gridA1, 9, 7],
    ['grid A2', () => C.gridA2, 6, 0],
    ['the second building of grid A1', () => extra.building, 3, 1],
    ['the unit of the group’s building (the group sits above the area)', () => `${C.buildingA1}01`, 6, 6],
    ['one household of the group’s building', () => C.household(C.gridA1, 4), 1, 1],
  ])('%s: %i households, %i reached', async (_name, area, households, reached) => {
    const res = await get(streetA, `/api/v1/party/reach?area=${area()}`);
    expect(res.json()).toMatchObject({ households, reached });
  });

  it('lists the unreached households by building, a page at a time', async () => {
    const first = (await get(streetA, '/api/v1/party/reach/unreached?area=371602001&limit=5')).json();
    expect(first.items.map((h: { code: string }) => h.code)).toEqual([
      extra.households[1],
      extra.households[2],
      C.household(C.gridA2, 1),
      C.household(C.gridA2, 2),
      C.household(C.gridA2, 3),
    ]);
    expect(first.items[0]).toMatchObject({ name: '0102室', place: '市中1号小区 / 2号楼 / 1单元' });
    const rest = (
      await get(streetA, `/api/v1/party/reach/unreached?area=371602001&after=${first.nextCursor}`)
    ).json();
    expect(rest.items).toHaveLength(3);
    expect(rest.nextCursor).toBeNull();
  });

  it('a dissolved grid branch cuts off everything below it', async () => {
    await t.db.kysely
      .updateTable('partyOrgs')
      .set({ status: 'dissolved' })
      .where('id', '=', branchA1)
      .execute();
    expect((await get(streetA, '/api/v1/party/reach?area=371602001')).json().reached).toBe(0);
    await t.db.kysely.updateTable('partyOrgs').set({ status: 'active' }).where('id', '=', branchA1).execute();
  });

  it('keeps other places out: 404 for another street, and above a grid worker’s grid', async () => {
    expect((await get(streetB, '/api/v1/party/reach?area=371602001')).statusCode).toBe(404);
    expect((await get(streetB, '/api/v1/party/reach/unreached?area=371602001')).statusCode).toBe(404);
    expect((await get(worker, `/api/v1/party/reach?area=${C.gridA1}`)).statusCode).toBe(200);
    expect((await get(worker, '/api/v1/party/reach?area=371602001')).statusCode).toBe(404);
  });
});

describe('the SQL count and the rule of party.chain-reach.ts agree', () => {
  it.each(Array.from({ length: 12 }, (_, i) => [i]))('on random chains (seed %i)', async (seed) => {
    await clearParty();
    const db = t.db.kysely;
    const random = createRandom(`reach-${seed}`);
    const status = () => (random.next() < 0.25 ? ('dissolved' as const) : ('active' as const));
    const households = await db
      .selectFrom('areas')
      .select(['code', 'path'])
      .where('level', '=', 'household')
      .orderBy('path')
      .execute();
    for (const [community, grids] of [
      [C.communityA, [C.gridA1, C.gridA2]],
      [C.communityB, [C.gridB1]],
    ] as const) {
      const top = await addOrg(db, { kind: 'community_committee', areaCode: community, status: status() });
      for (const grid of grids) {
        if (random.next() < 0.15) continue;
        const branch = await addOrg(db, {
          kind: 'grid_branch',
          areaCode: grid,
          parentId: top.id,
          status: status(),
        });
        const buildings =
          grid === C.gridA1
            ? [C.buildingA1, extra.building]
            : [grid === C.gridA2 ? C.buildingA2 : C.buildingB1];
        for (const building of buildings) {
          if (random.next() < 0.3) continue;
          const group = await addOrg(db, {
            kind: 'building_group',
            areaCode: building,
            parentId: branch.id,
            status: status(),
          });
          const inGrid = households.filter((h) => h.path.includes(`/${grid}/`));
          const home = inGrid.find((h) => h.path.includes(`/${building}/`))!;
          const central = await addOrg(db, {
            kind: 'central_household',
            areaCode: home.code,
            parentId: group.id,
            status: status(),
          });
          for (const h of inGrid) if (random.next() < 0.3) await linkHousehold(db, central.id, h.code);
        }
      }
    }
    const orgs = (await db.selectFrom('partyOrgs').selectAll().execute()) as ChainOrg[];
    const links = await db.selectFrom('centralHouseholdLinks').selectAll().execute();
    const unit = await db
      .selectFrom('areas')
      .select('path')
      .where('code', '=', `${C.buildingA1}01`)
      .executeTakeFirstOrThrow();
    for (const area of ['3716', STREET_A, `${STREET_A}/${C.communityA}/${C.gridA1}`, unit.path]) {
      const inArea = households.filter((h) => h.path === area || h.path.startsWith(`${area}/`));
      const expected = countReached({ households: inArea, orgs, links });
      expect(await countReach(db, area)).toEqual(expected);
      const unreached = await unreachedHouseholds(db, { areaPath: area, limit: 1000 });
      expect(unreached).toHaveLength(expected.households - expected.reached);
    }
  });
});
