import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity, rect } from './areas.fixtures';
import { chinaToday } from './areas.history';

const STREET_A = '3716/371602/371602001';
const COMMUNITY_A = '371602001001';
const GRID_A1 = '371602001001001';
const GRID_A2 = '371602001001002';
let t: TestApp;
let admin: Session;
let streetA: Session;
let streetB: Session;
let auditor: Session;

// Each test changes the map: a fresh city per test.
beforeEach(async () => {
  if (t) await t.close();
  t = await createTestApp();
  await buildSmallCity(t.db.kysely, { householdsPerCompound: 3 });
  await t.createUser({ username: 'admin1', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  await t.createUser({
    username: 'streeta',
    assignments: [{ role: 'street_official', scopePath: STREET_A }],
  });
  await t.createUser({
    username: 'streetb',
    assignments: [{ role: 'street_official', scopePath: '3716/371602/371602002' }],
  });
  await t.createUser({ username: 'auditor1', assignments: [{ role: 'auditor', scopePath: '3716' }] });
  [admin, streetA, streetB, auditor] = (await Promise.all(
    ['admin1', 'streeta', 'streetb', 'auditor1'].map((u) => t.login(u)),
  )) as [Session, Session, Session, Session];
});
afterAll(() => t.close());

const today = chinaToday();
const req = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
  t.request(s, { method, url, body });

describe('splitting a grid', () => {
  const split = {
    effectiveDate: today,
    parts: [
      { name: '第1网格北', boundary: rect(0, 5, 5, 10) },
      { name: '第1网格南', boundary: rect(0, 0, 5, 5) },
    ],
  };

  it('retires the old grid, creates the parts, and moves each compound where it lies', async () => {
    const res = await req(streetA, 'POST', `/api/v1/areas/grids/${GRID_A1}/split`, split);
    expect(res.statusCode).toBe(200);
    const { retired, created, movedCompounds } = res.json();
    expect(retired).toEqual([GRID_A1]);
    expect(created).toEqual([`${COMMUNITY_A}003`, `${COMMUNITY_A}004`]);
    // The compound spans both halves; its label point (2.5, 5) lies on the shared edge → the first part.
    expect(movedCompounds).toEqual([{ compound: '37160200100100101', to: `${COMMUNITY_A}003` }]);
    const old = (await req(admin, 'GET', `/api/v1/areas/nodes/${GRID_A1}`)).json();
    expect(old).toMatchObject({ status: 'retired', validTo: today, successorCode: `${COMMUNITY_A}003` });
    const household = (
      await req(admin, 'GET', '/api/v1/areas/search?q=37160200100100101001010101&level=household')
    ).json().items[0];
    // The household keeps its code; its path now runs through the new grid.
    expect(household.path).toBe(
      '3716/371602/371602001/371602001001/371602001001003/37160200100100101/37160200100100101001/3716020010010010100101/37160200100100101001010101',
    );
  });

  it('the map of the day before still shows the old grid; the map of the day shows the parts', async () => {
    await req(streetA, 'POST', `/api/v1/areas/grids/${GRID_A1}/split`, {
      ...split,
      effectiveDate: '2026-01-01',
    });
    const before = (
      await req(admin, 'GET', `/api/v1/areas/geojson?parent=${COMMUNITY_A}&level=grid&at=2025-12-31`)
    ).json();
    expect(before.features.map((f: { id: string }) => f.id)).toEqual([GRID_A1, GRID_A2]);
    const on = (
      await req(admin, 'GET', `/api/v1/areas/geojson?parent=${COMMUNITY_A}&level=grid&at=2026-01-01`)
    ).json();
    expect(on.features.map((f: { id: string }) => f.id)).toEqual([
      GRID_A2,
      `${COMMUNITY_A}003`,
      `${COMMUNITY_A}004`,
    ]);
    const history = (await req(admin, 'GET', `/api/v1/areas/nodes/${GRID_A1}/history`)).json().versions;
    expect(history).toEqual([expect.objectContaining({ validFrom: '2021-01-01', validTo: '2026-01-01' })]);
  });

  it('a lookup after the split finds the new grid', async () => {
    await req(streetA, 'POST', `/api/v1/areas/grids/${GRID_A1}/split`, split);
    const r = (await req(admin, 'GET', '/api/v1/areas/locate?lng=1&lat=1')).json();
    expect(r.grid.code).toBe(`${COMMUNITY_A}004`);
  });

  it('a part drawn outside the community is refused naming the part, and nothing changes', async () => {
    const bad = {
      effectiveDate: today,
      parts: [split.parts[0], { name: '越界', boundary: rect(8, 0, 12, 5) }],
    };
    const res = await req(streetA, 'POST', `/api/v1/areas/grids/${GRID_A1}/split`, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'parts.1.boundary', reason: 'outside_parent' });
    expect((await req(admin, 'GET', `/api/v1/areas/nodes/${GRID_A1}`)).json().status).toBe('active');
  });

  it('a future date, or a date before the grid existed, is refused', async () => {
    const future = await req(streetA, 'POST', `/api/v1/areas/grids/${GRID_A1}/split`, {
      ...split,
      effectiveDate: '2099-01-01',
    });
    expect(future.json().code).toBe('areas.future_effective_date');
    const early = await req(streetA, 'POST', `/api/v1/areas/grids/${GRID_A1}/split`, {
      ...split,
      effectiveDate: '2020-12-31',
    });
    expect(early.json().code).toBe('areas.effective_before_current');
  });
});

describe('merging grids', () => {
  it('makes one grid of two, moving both compounds and the staff', async () => {
    const res = await req(streetA, 'POST', '/api/v1/areas/grids/merge', {
      effectiveDate: today,
      codes: [GRID_A1, GRID_A2],
      name: '合并网格',
    });
    expect(res.statusCode).toBe(200);
    const merged = res.json().created[0];
    const profile = (await req(admin, 'GET', `/api/v1/areas/grids/${merged}/profile`)).json();
    expect(profile.compounds).toHaveLength(2);
    expect(profile.households).toBe(6);
    expect(profile.staff).toHaveLength(2);
    expect((await req(admin, 'GET', `/api/v1/areas/nodes/${GRID_A2}`)).json().successorCode).toBe(merged);
    // A retired code still resolves, and points to where it went.
    expect((await req(admin, 'GET', `/api/v1/areas/nodes/${GRID_A2}`)).json().successor.code).toBe(merged);
  });

  it('grids of two communities cannot be merged', async () => {
    const res = await req(admin, 'POST', '/api/v1/areas/grids/merge', {
      effectiveDate: today,
      codes: [GRID_A1, '371602002001001'],
      name: 'x',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('areas.not_siblings');
  });
});

describe('moving and redrawing', () => {
  it('moving a compound to the neighbouring grid re-paths everything below it', async () => {
    const res = await req(streetA, 'POST', '/api/v1/areas/nodes/37160200100100101/move', {
      effectiveDate: today,
      newParentCode: GRID_A2,
    });
    expect(res.statusCode).toBe(200);
    const grid2 = (await req(admin, 'GET', `/api/v1/areas/nodes/${GRID_A2}`)).json();
    expect(grid2.counts).toMatchObject({ compound: 2, household: 6 });
    const grid1 = (await req(admin, 'GET', `/api/v1/areas/nodes/${GRID_A1}`)).json();
    expect(grid1.counts).toMatchObject({ compound: 0, household: 0 });
  });

  it('a compound cannot be moved under a street (the level above must be a grid)', async () => {
    const res = await req(admin, 'POST', '/api/v1/areas/nodes/37160200100100101/move', {
      effectiveDate: today,
      newParentCode: '371602002',
    });
    expect(res.json().code).toBe('areas.wrong_level');
  });

  it('renaming keeps the old name in the history and sets the supervision phone', async () => {
    await req(streetA, 'PATCH', `/api/v1/areas/nodes/${GRID_A1}`, {
      effectiveDate: today,
      name: '黄河网格',
      supervisionPhone: '0543-3169999',
    });
    const node = (await req(admin, 'GET', `/api/v1/areas/nodes/${GRID_A1}`)).json();
    expect(node.name).toBe('黄河网格');
    expect(node.attrs.supervisionPhone).toBe('0543-3169999');
    const versions = (await req(admin, 'GET', `/api/v1/areas/nodes/${GRID_A1}/history`)).json().versions;
    expect(versions.map((v: { name: string }) => v.name)).toEqual(['第1网格', '黄河网格']);
  });

  it('every change is audited', async () => {
    await req(streetA, 'PATCH', `/api/v1/areas/nodes/${GRID_A1}`, { effectiveDate: today, name: '黄河网格' });
    const entries = (await req(auditor, 'GET', '/api/v1/iam/audit?action=areas.rename')).json();
    expect(entries[0]).toMatchObject({
      actorLabel: 'streeta',
      scopePath: `${STREET_A}/${COMMUNITY_A}/${GRID_A1}`,
    });
  });
});

describe('who may change the map', () => {
  it.each([
    [
      'split',
      'POST',
      `/api/v1/areas/grids/${GRID_A1}/split`,
      {
        effectiveDate: today,
        parts: [
          { name: 'a', boundary: rect(0, 0, 5, 5) },
          { name: 'b', boundary: rect(0, 5, 5, 10) },
        ],
      },
    ],
    ['rename', 'PATCH', `/api/v1/areas/nodes/${GRID_A1}`, { effectiveDate: today, name: 'x' }],
    [
      'move',
      'POST',
      '/api/v1/areas/nodes/37160200100100101/move',
      { effectiveDate: today, newParentCode: GRID_A2 },
    ],
    [
      'merge',
      'POST',
      '/api/v1/areas/grids/merge',
      { effectiveDate: today, codes: [GRID_A1, GRID_A2], name: 'x' },
    ],
    [
      'create',
      'POST',
      '/api/v1/areas/grids',
      { communityCode: COMMUNITY_A, name: 'x', boundary: rect(1, 1, 2, 2), effectiveDate: today },
    ],
  ] as const)(
    'another street’s official cannot %s (404), and nothing changes',
    async (_n, method, url, body) => {
      const res = await req(streetB, method, url, body);
      expect(res.statusCode).toBe(404);
      const node = (await req(admin, 'GET', `/api/v1/areas/nodes/${GRID_A1}`)).json();
      expect(node).toMatchObject({ status: 'active', name: '第1网格' });
    },
  );

  it('the auditor cannot change the map (403)', async () => {
    const res = await req(auditor, 'PATCH', `/api/v1/areas/nodes/${GRID_A1}`, {
      effectiveDate: today,
      name: 'x',
    });
    expect(res.statusCode).toBe(403);
  });

  it('a new grid gets the next free code and its boundary is checked', async () => {
    const res = await req(streetA, 'POST', '/api/v1/areas/grids', {
      communityCode: COMMUNITY_A,
      name: '新网格',
      boundary: rect(1, 1, 2, 2),
      effectiveDate: today,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().code).toBe(`${COMMUNITY_A}003`);
    const open = await req(streetA, 'POST', '/api/v1/areas/grids', {
      communityCode: COMMUNITY_A,
      name: '坏',
      boundary: {
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 2],
          ],
        ],
      },
      effectiveDate: today,
    });
    expect(open.statusCode).toBe(400);
    expect(open.json().errors[0]).toMatchObject({ field: 'boundary', reason: 'ring_not_closed' });
  });
});
