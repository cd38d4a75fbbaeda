import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from './areas.fixtures';

const STREET_A = '3716/371602/371602001';
let t: TestApp;
let admin: Session;
let streetA: Session;

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely, { householdsPerCompound: 4 });
  await t.createUser({ username: 'admin1', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  await t.createUser({
    username: 'streeta',
    assignments: [{ role: 'street_official', scopePath: STREET_A }],
  });
  admin = await t.login('admin1');
  streetA = await t.login('streeta');
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => t.request(s, { method: 'GET', url });

describe('reading the area tree', () => {
  it('the city admin’s tree starts at the city; a street official’s at their street', async () => {
    expect(
      (await get(admin, '/api/v1/areas/tree')).json().roots.map((r: { code: string }) => r.code),
    ).toEqual(['3716']);
    const tree = (await get(streetA, '/api/v1/areas/tree?depth=2')).json();
    expect(tree.roots.map((r: { code: string }) => r.code)).toEqual(['371602001']);
    expect(tree.roots[0].children[0].children.map((g: { code: string }) => g.code)).toEqual([
      '371602001001001',
      '371602001001002',
    ]);
  });

  it('a node carries its ancestors and the counts below it, counted from the records', async () => {
    const node = (await get(admin, '/api/v1/areas/nodes/371602')).json();
    expect(node.ancestors.map((a: { name: string }) => a.name)).toEqual(['滨州市']);
    expect(node.counts).toMatchObject({
      street: 2,
      community: 2,
      grid: 4,
      compound: 4,
      building: 4,
      household: 16,
    });
    expect(node.hasChildren).toBe(true);
  });

  it('children come in pages with a cursor', async () => {
    const first = (await get(admin, '/api/v1/areas/nodes/371602/children?limit=1')).json();
    expect(first.items.map((i: { code: string }) => i.code)).toEqual(['371602001']);
    const second = (
      await get(admin, `/api/v1/areas/nodes/371602/children?limit=1&after=${first.nextCursor}`)
    ).json();
    expect(second.items.map((i: { code: string }) => i.code)).toEqual(['371602002']);
    expect(second.nextCursor).toBeNull();
  });

  it('search finds by name and by code prefix, within the caller’s scope only', async () => {
    const byName = (await get(admin, `/api/v1/areas/search?q=${encodeURIComponent('市西')}`)).json();
    expect(byName.items[0]).toMatchObject({ code: '371602002', ancestorsText: '滨州市 / 滨城区' });
    const byCode = (await get(admin, '/api/v1/areas/search?q=371602002001')).json();
    expect(byCode.items[0].code).toBe('371602002001');
    const scoped = (await get(streetA, `/api/v1/areas/search?q=${encodeURIComponent('社区')}`)).json();
    expect(scoped.items.map((i: { code: string }) => i.code)).toEqual(['371602001001']);
  });

  it('GeoJSON of the grids of a community counts each grid’s households', async () => {
    const fc = (await get(admin, '/api/v1/areas/geojson?parent=371602001001&level=grid')).json();
    expect(fc.features.map((f: { id: string }) => f.id)).toEqual(['371602001001001', '371602001001002']);
    expect(fc.features[0].properties).toMatchObject({ households: 4, childCount: 1, level: 'grid' });
    expect(fc.features[0].geometry.type).toBe('Polygon');
  });

  it('a street official’s map of grids without a parent shows only their street', async () => {
    const fc = (await get(streetA, '/api/v1/areas/geojson?level=grid')).json();
    expect(fc.features.map((f: { id: string }) => f.id)).toEqual(['371602001001001', '371602001001002']);
  });
});

describe('locating a point', () => {
  it.each([
    ['strictly inside a compound', [2, 5], '371602001001001', '37160200100100101'],
    ['inside a grid, outside its compound', [0.5, 0.5], '371602001001001', null],
    ['on the edge shared by two grids: the smaller code', [5, 5], '371602001001001', null],
    ['on the corner shared by two streets: the smaller code', [10, 10], '371602001001002', null],
    ['in the second street', [17, 5], '371602002001002', '37160200200100201'],
  ] as const)('%s', async (_name, [lng, lat], grid, compound) => {
    const r = (await get(admin, `/api/v1/areas/locate?lng=${lng}&lat=${lat}`)).json();
    expect(r.grid?.code ?? null).toBe(grid);
    expect(r.compound?.code ?? null).toBe(compound);
  });

  it('a point outside every grid finds nothing', async () => {
    const r = (await get(admin, '/api/v1/areas/locate?lng=30&lat=5')).json();
    expect(r).toEqual({ district: null, street: null, community: null, grid: null, compound: null });
  });

  it('places outside the caller’s scope are withheld', async () => {
    const r = (await get(streetA, '/api/v1/areas/locate?lng=17&lat=5')).json();
    expect(r.grid).toBeNull();
    expect(r.street).toBeNull();
  });
});

describe('the grid profile and its public notice', () => {
  it('the profile lists workers, supervision phone, compounds and counts', async () => {
    const p = (await get(admin, '/api/v1/areas/grids/371602001001001/profile')).json();
    expect(p.staff[0]).toMatchObject({ duty: 'full_time' });
    expect(p.supervisionPhone).toBe('0543-3160000');
    expect(p.households).toBe(4);
    expect(p.compounds[0]).toMatchObject({ code: '37160200100100101', households: 4 });
    expect(p.areaSquareMeters).toBeGreaterThan(0);
  });

  it('the public page needs no sign-in and shows what art. 6 requires', async () => {
    const res = await get(null, '/api/v1/public/grids/371602002001001');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '第1网格',
      community: '市西社区',
      street: '市西街道',
      district: '滨城区',
      supervisionPhone: '0543-3160000',
      households: 4,
    });
    expect(res.json().staff[0].workPhone).toMatch(/^1\d{10}$/);
  });

  it('the public page exists only for active grids', async () => {
    expect((await get(null, '/api/v1/public/grids/371602002')).statusCode).toBe(404);
    expect((await get(null, '/api/v1/public/grids/999')).statusCode).toBe(404);
  });
});
