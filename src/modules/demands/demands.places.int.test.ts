import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity, rect } from '../areas/areas.fixtures';
import { NEAR_CAP, UNDER_CAP } from './demands.places.read';

// The public grid map of the filing page (grid regulation art. 6): who may read it, the two ways
// of asking, what a feature carries (names and boundary only), and the caps.

const STREET_A = '371602001';
const STREET_B = '371602002';
const COMMUNITY_A = `${STREET_A}001`;
const COMMUNITY_B = `${STREET_B}001`;
const GRIDS_URL = '/api/v1/demands/places/grids';
const STREETS_URL = '/api/v1/demands/places/streets';

let t: TestApp;
const as: Record<'resident' | 'official' | 'auditor' | 'volunteer', Session> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely);
  const users = {
    resident: { role: 'resident', scopePath: '3716' },
    official: { role: 'street_official', scopePath: `3716/371602/${STREET_A}` },
    auditor: { role: 'auditor', scopePath: '3716' },
    volunteer: { role: 'volunteer', scopePath: '3716' },
  } as const;
  for (const [name, assignment] of Object.entries(users)) {
    await t.createUser({ username: `places_${name}`, assignments: [assignment] });
    as[name as keyof typeof users] = await t.login(`places_${name}`);
  }
});
afterAll(() => t.close());

const get = (session: Session | null, url: string) => t.request(session, { method: 'GET', url });
type Feature = { id: string; geometry: { type: string }; properties: Record<string, string> };
const codesOf = (body: { features: Feature[] }) => body.features.map((f) => f.id);

describe('GET /api/v1/demands/places/grids', () => {
  it('gives a resident the grid holding the point, with names and boundary only', async () => {
    const res = await get(as.resident, `${GRIDS_URL}?lng=2&lat=5`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(codesOf(body)).toEqual([`${COMMUNITY_A}001`]);
    const [feature] = body.features as Feature[];
    expect(Object.keys(feature?.properties ?? {}).sort()).toEqual([
      'code',
      'communityName',
      'name',
      'streetName',
    ]);
    expect(feature?.properties).toEqual({
      code: `${COMMUNITY_A}001`,
      name: '第1网格',
      communityName: '市中社区',
      streetName: '市中街道',
    });
    expect(feature?.geometry.type).toBe('Polygon');
    // No staff phones, no supervision phone.
    expect(res.body).not.toMatch(/1380543|0543-3160000/);
  });

  it('draws the grids on both sides of a street border, nearest first', async () => {
    const res = await get(as.resident, `${GRIDS_URL}?lng=10.005&lat=5`);
    expect(codesOf(res.json())).toEqual([`${COMMUNITY_B}001`, `${COMMUNITY_A}002`]);
  });

  it('gives a street-A official the grids near a point in street B: boundaries are public', async () => {
    const res = await get(as.official, `${GRIDS_URL}?lng=12&lat=5`);
    expect(res.statusCode).toBe(200);
    expect(codesOf(res.json())).toEqual([`${COMMUNITY_B}001`]);
    expect(res.json().features[0].properties.streetName).toBe('市西街道');
  });

  it('finds nothing far from every grid', async () => {
    const res = await get(as.resident, `${GRIDS_URL}?lng=60&lat=40`);
    expect(res.statusCode).toBe(200);
    expect(res.json().features).toEqual([]);
  });

  it.each([
    ['a street', STREET_B, [`${COMMUNITY_B}001`, `${COMMUNITY_B}002`]],
    ['a community', COMMUNITY_A, [`${COMMUNITY_A}001`, `${COMMUNITY_A}002`]],
  ])('gives the grids under %s', async (_name, code, grids) => {
    const res = await get(as.resident, `${GRIDS_URL}?areaCode=${code}`);
    expect(res.statusCode).toBe(200);
    expect(codesOf(res.json())).toEqual(grids);
  });

  it('leaves a retired grid out', async () => {
    const retired = `${COMMUNITY_B}002`;
    await t.db.kysely.updateTable('areas').set({ status: 'retired' }).where('code', '=', retired).execute();
    try {
      const res = await get(as.resident, `${GRIDS_URL}?areaCode=${STREET_B}`);
      expect(codesOf(res.json())).toEqual([`${COMMUNITY_B}001`]);
    } finally {
      await t.db.kysely.updateTable('areas').set({ status: 'active' }).where('code', '=', retired).execute();
    }
  });

  it('lets an auditor read it', async () => {
    expect((await get(as.auditor, `${GRIDS_URL}?areaCode=${STREET_A}`)).statusCode).toBe(200);
  });

  it('refuses one without demands.create or demands.read (403) and the signed-out (401)', async () => {
    const forbidden = await get(as.volunteer, `${GRIDS_URL}?lng=2&lat=5`);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('iam.forbidden');
    expect((await get(null, `${GRIDS_URL}?lng=2&lat=5`)).statusCode).toBe(401);
  });

  it.each([
    ['neither a point nor an area', '', 'areaCode', 'required'],
    ['both a point and an area', `?lng=2&lat=5&areaCode=${STREET_A}`, 'areaCode', 'exclusive'],
    ['an area and a longitude', `?lng=2&areaCode=${STREET_A}`, 'areaCode', 'exclusive'],
    ['a longitude alone', '?lng=2', 'lat', 'required'],
    ['a latitude alone', '?lat=5', 'lng', 'required'],
    ['a grid instead of a street or community', `?areaCode=${COMMUNITY_A}001`, 'areaCode', 'level'],
  ])('answers 400 naming the field for %s', async (_name, query, field, reason) => {
    const res = await get(as.resident, `${GRIDS_URL}${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field, reason, in: 'query' })]);
  });

  it.each([
    ['a latitude out of range', '?lng=2&lat=91', 'lat'],
    ['an area code that is not digits', '?areaCode=abc', 'areaCode'],
  ])('answers 400 for %s', async (_name, query, field) => {
    const res = await get(as.resident, `${GRIDS_URL}${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe(field);
  });

  it('answers 404 for an unknown area', async () => {
    expect((await get(as.resident, `${GRIDS_URL}?areaCode=371602999`)).statusCode).toBe(404);
  });
});

describe('GET /api/v1/demands/places/streets', () => {
  it('lists the streets of the city and their communities, for a resident', async () => {
    const res = await get(as.resident, STREETS_URL);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { code: STREET_A, name: '市中街道', communities: [{ code: COMMUNITY_A, name: '市中社区' }] },
        { code: STREET_B, name: '市西街道', communities: [{ code: COMMUNITY_B, name: '市西社区' }] },
      ],
    });
  });

  it('is the same for a street-A official (city-wide) and refuses a volunteer and the signed-out', async () => {
    expect((await get(as.official, STREETS_URL)).json().items).toHaveLength(2);
    expect((await get(as.auditor, STREETS_URL)).statusCode).toBe(200);
    expect((await get(as.volunteer, STREETS_URL)).statusCode).toBe(403);
    expect((await get(null, STREETS_URL)).statusCode).toBe(401);
  });
});

describe('caps', () => {
  // Last: adds many small grids to community A.
  it(`answers at most ${NEAR_CAP} grids around a point and ${UNDER_CAP} under an area`, async () => {
    const db = t.db.kysely;
    const community = await db
      .selectFrom('areas')
      .select('path')
      .where('code', '=', COMMUNITY_A)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const rows = Array.from({ length: UNDER_CAP + 5 }, (_, i) => {
      const code = `${COMMUNITY_A}9${String(i).padStart(3, '0')}`;
      const [w, s] = [2 + (i % 20) * 0.0002, 5 + Math.floor(i / 20) * 0.0002];
      const [e, n] = [w + 0.0001, s + 0.0001];
      return {
        id: newId(),
        code,
        parentCode: COMMUNITY_A,
        path: `${community.path}/${code}`,
        level: 'grid' as const,
        kind: null,
        name: `小网格${i}`,
        depth: 4,
        sortOrder: 10 + i,
        lng: w,
        lat: s,
        boundary: JSON.stringify(rect(w, s, e, n)),
        minLng: w,
        minLat: s,
        maxLng: e,
        maxLat: n,
        attrs: '{}',
        status: 'active' as const,
        validFrom: '2021-01-01',
        validTo: null,
        successorCode: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    await db.insertInto('areas').values(rows).execute();
    const near = await get(as.resident, `${GRIDS_URL}?lng=2&lat=5`);
    expect(near.json().features).toHaveLength(NEAR_CAP);
    // The nearest first: the small grid at the point itself.
    expect(near.json().features[0].id).toBe(`${COMMUNITY_A}9000`);
    const under = await get(as.resident, `${GRIDS_URL}?areaCode=${COMMUNITY_A}`);
    expect(under.json().features).toHaveLength(UNDER_CAP);
  });
});
