import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { chinaToday } from '../areas/index';
import { countResidentsBelow } from './index';
import { buildPeopleCity, householdCode, type PeopleCity, placeCode, residentBody } from './people.fixtures';

let t: TestApp;
let c: PeopleCity;
const today = chinaToday();
const req = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
  t.request(s, { method, url, body });
const register = async (s: Session, household: string, seq: number, name?: string) => {
  const res = await req(
    s,
    'POST',
    '/api/v1/people/residents',
    residentBody({ household, seq, ...(name ? { name } : {}) }),
  );
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; path: string };
};

beforeAll(async () => {
  t = await createTestApp();
  c = await buildPeopleCity(t);
});
afterAll(() => t.close());

describe('moving a resident to another household', () => {
  it('the path follows the household, the history keeps both, and the old grid loses sight of the record', async () => {
    const r = await register(c.streetA, householdCode('A', 1, 1), 501, '赵磊');
    const to = householdCode('A', 2, 1);
    const res = await req(c.streetA, 'POST', `/api/v1/people/residents/${r.id}/move`, {
      toHouseholdCode: to,
      movedOn: today,
      reason: '购房迁居',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ householdCode: to });
    expect(
      res
        .json()
        .path.endsWith(
          `/${placeCode('A', 2, 'grid')}/${placeCode('A', 2, 'compound')}/${placeCode('A', 2, 'building')}/${placeCode('A', 2, 'unit')}/${to}`,
        ),
    ).toBe(true);
    const moves = (await req(c.streetA, 'GET', `/api/v1/people/residents/${r.id}/moves`)).json().items;
    expect(moves).toMatchObject([
      {
        fromHouseholdCode: householdCode('A', 1, 1),
        toHouseholdCode: to,
        movedOn: today,
        reason: '购房迁居',
      },
    ]);
    expect(moves[0].toAddress).toBe(
      '市中街道 / 市中社区 / 第2网格 / 市中2号小区 / 1号楼 / 1单元 / 1号楼1单元0101室',
    );
    // The grid worker of grid 1 served this resident before the move, not after.
    expect((await req(c.gridA1, 'GET', `/api/v1/people/residents/${r.id}`)).statusCode).toBe(404);
  });

  it('a move into another street needs write rights there too: a street official gets 404 on the household', async () => {
    const r = await register(c.streetA, householdCode('A', 1, 2), 502);
    const res = await req(c.streetA, 'POST', `/api/v1/people/residents/${r.id}/move`, {
      toHouseholdCode: householdCode('B', 1, 1),
      movedOn: today,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0].field).toBe('toHouseholdCode');
    const admin = await req(c.admin, 'POST', `/api/v1/people/residents/${r.id}/move`, {
      toHouseholdCode: householdCode('B', 1, 1),
      movedOn: today,
    });
    expect(admin.statusCode).toBe(200);
    expect((await req(c.streetB, 'GET', `/api/v1/people/residents/${r.id}`)).statusCode).toBe(200);
    expect((await req(c.streetA, 'GET', `/api/v1/people/residents/${r.id}`)).statusCode).toBe(404);
  });

  it('a move dated in the future, before the last move, or into the same household is refused', async () => {
    const r = await register(c.streetA, householdCode('A', 1, 3), 503);
    const move = (body: object) => req(c.streetA, 'POST', `/api/v1/people/residents/${r.id}/move`, body);
    const future = await move({ toHouseholdCode: householdCode('A', 1, 4), movedOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('movedOn');
    expect((await move({ toHouseholdCode: householdCode('A', 1, 3), movedOn: today })).statusCode).toBe(409);
    expect((await move({ toHouseholdCode: householdCode('A', 1, 4), movedOn: today })).statusCode).toBe(200);
    const earlier = await move({ toHouseholdCode: householdCode('A', 1, 3), movedOn: '2020-01-01' });
    expect(earlier.statusCode).toBe(409);
    expect(earlier.json().code).toBe('people.before_last_change');
  });

  it('an auditor may read the history but not move anyone', async () => {
    const r = await register(c.streetA, householdCode('A', 2, 2), 504);
    expect((await req(c.auditor, 'GET', `/api/v1/people/residents/${r.id}/moves`)).statusCode).toBe(200);
    const res = await req(c.auditor, 'POST', `/api/v1/people/residents/${r.id}/move`, {
      toHouseholdCode: householdCode('A', 2, 3),
      movedOn: today,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('moving out and death', () => {
  it('a resident who moved out leaves the household view but stays in the street’s ledger, with the move kept', async () => {
    const hh = householdCode('A', 2, 4);
    const r = await register(c.streetA, hh, 601, '钱芳');
    const res = await req(c.streetA, 'POST', `/api/v1/people/residents/${r.id}/status`, {
      status: 'moved_out',
      on: today,
      reason: '迁往济南',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('moved_out');
    const household = (await req(c.streetA, 'GET', `/api/v1/people/households/${hh}`)).json();
    expect(household.members.map((m: { name: string }) => m.name)).not.toContain('钱芳');
    const moved = (await req(c.streetA, 'GET', '/api/v1/people/residents?status=moved_out')).json().items;
    expect(moved.map((m: { id: string }) => m.id)).toContain(r.id);
    const moves = (await req(c.streetA, 'GET', `/api/v1/people/residents/${r.id}/moves`)).json().items;
    expect(moves).toMatchObject([{ fromHouseholdCode: hh, toHouseholdCode: null, reason: '迁往济南' }]);
  });

  it('a deceased resident cannot be moved or marked again (409)', async () => {
    const r = await register(c.streetA, householdCode('A', 2, 3), 602);
    expect(
      (
        await req(c.streetA, 'POST', `/api/v1/people/residents/${r.id}/status`, {
          status: 'deceased',
          on: today,
        })
      ).statusCode,
    ).toBe(200);
    const again = await req(c.streetA, 'POST', `/api/v1/people/residents/${r.id}/status`, {
      status: 'moved_out',
      on: today,
    });
    expect(again.statusCode).toBe(409);
    const move = await req(c.streetA, 'POST', `/api/v1/people/residents/${r.id}/move`, {
      toHouseholdCode: householdCode('A', 2, 4),
      movedOn: today,
    });
    expect(move.json().code).toBe('people.resident_not_active');
  });

  it('the other street may not mark a resident (404)', async () => {
    const r = await register(c.streetA, householdCode('A', 1, 4), 603);
    const res = await req(c.streetB, 'POST', `/api/v1/people/residents/${r.id}/status`, {
      status: 'deceased',
      on: today,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('when the area tree changes', () => {
  it('moving a compound to another grid re-paths its residents in the same change', async () => {
    const r = await register(c.streetA, householdCode('A', 1, 1), 701, '孙丽');
    const res = await req(c.streetA, 'POST', `/api/v1/areas/nodes/${placeCode('A', 1, 'compound')}/move`, {
      effectiveDate: today,
      newParentCode: placeCode('A', 2, 'grid'),
    });
    expect(res.statusCode).toBe(200);
    const after = (await req(c.streetA, 'GET', `/api/v1/people/residents/${r.id}`)).json();
    expect(after.path).toBe(
      `3716/371602/371602001/371602001001/${placeCode('A', 2, 'grid')}/${placeCode('A', 1, 'compound')}/${placeCode('A', 1, 'building')}/${placeCode('A', 1, 'unit')}/${householdCode('A', 1, 1)}`,
    );
    // The grid worker of grid 1 no longer serves that compound.
    expect((await req(c.gridA1, 'GET', `/api/v1/people/residents/${r.id}`)).statusCode).toBe(404);
  });

  it('countResidentsBelow counts the active residents at or below a place, for the grid profile', async () => {
    const grid2 = `3716/371602/371602001/371602001001/${placeCode('A', 2, 'grid')}`;
    const listed = (
      await req(
        c.admin,
        'GET',
        `/api/v1/people/residents?areaCode=${placeCode('A', 2, 'grid')}&status=active&limit=200`,
      )
    ).json().items;
    expect(await countResidentsBelow(t.db.kysely, grid2)).toBe(listed.length);
    expect(listed.length).toBeGreaterThan(0);
    expect(await countResidentsBelow(t.db.kysely, '3716/371602/371602009')).toBe(0);
  });
});

describe('the grid profile', () => {
  it('counts the residents registered in the grid’s households', async () => {
    const t2 = await createTestApp();
    try {
      await buildSmallCity(t2.db.kysely, { householdsPerCompound: 2 });
      await t2.createUser({ username: 'gp-admin', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
      const s = await t2.login('gp-admin');
      const before = (
        await t2.request(s, { method: 'GET', url: '/api/v1/areas/grids/371602001001001/profile' })
      ).json();
      expect(before.residents).toBe(0);
      const created = await t2.request(s, {
        method: 'POST',
        url: '/api/v1/people/residents',
        body: {
          householdCode: '37160200100100101001010101',
          name: '李明',
          gender: 'male',
          relationToHead: 'head',
          residenceType: 'registered',
        },
      });
      expect(created.statusCode).toBe(201);
      const after = (
        await t2.request(s, { method: 'GET', url: '/api/v1/areas/grids/371602001001001/profile' })
      ).json();
      expect(after.residents).toBe(1);
    } finally {
      await t2.close();
    }
  });
});
