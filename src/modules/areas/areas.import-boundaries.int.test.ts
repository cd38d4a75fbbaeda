import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity, rect } from './areas.fixtures';
import { chinaToday } from './areas.history';
import { areasImportRoutes } from './areas.import.routes';

const STREET_A = '3716/371602/371602001';
const GRID_A1 = '371602001001001';
const GRID_A2 = '371602001001002';
const GRID_B1 = '371602002001001';
let t: TestApp;
let admin: Session;
let streetA: Session;
let auditor: Session;

/** The app with the import routes, whether or not app.ts registers them yet. */
async function createImportTestApp(): Promise<TestApp> {
  const app = await createTestApp();
  if (!app.app.routeIndex.some((r) => r.url.startsWith('/api/v1/areas/imports/')))
    await app.app.register(async (scope) => areasImportRoutes(scope as never));
  return app;
}

beforeEach(async () => {
  if (t) await t.close();
  t = await createImportTestApp();
  await buildSmallCity(t.db.kysely);
  await t.createUser({ username: 'admin1', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  await t.createUser({
    username: 'streeta',
    assignments: [{ role: 'street_official', scopePath: STREET_A }],
  });
  await t.createUser({ username: 'auditor1', assignments: [{ role: 'auditor', scopePath: '3716' }] });
  [admin, streetA, auditor] = (await Promise.all(
    ['admin1', 'streeta', 'auditor1'].map((u) => t.login(u)),
  )) as [Session, Session, Session];
});
afterAll(() => t.close());

const today = chinaToday();
const feature = (code: string, geometry: unknown) => ({ type: 'Feature', properties: { code }, geometry });
// Community A's two grids, cut east–west instead of north–south.
const SOUTH_NORTH = [feature(GRID_A1, rect(0, 0, 10, 5)), feature(GRID_A2, rect(0, 5, 10, 10))];
const OPEN_RING = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 5],
      [10, 5],
      [10, 10],
      [0, 10],
    ],
  ],
};

const post = (s: Session, features: unknown[], opts: { dryRun?: boolean; effectiveDate?: string } = {}) =>
  t.request(s, {
    method: 'POST',
    url: `/api/v1/areas/imports/boundaries?dryRun=${opts.dryRun ?? false}`,
    body: {
      effectiveDate: opts.effectiveDate ?? today,
      note: '2026 年网格调整',
      collection: { type: 'FeatureCollection', features },
    },
  });
const get = (url: string) => t.request(admin, { method: 'GET', url });
const gridAt = async (lng: number, lat: number) =>
  (await get(`/api/v1/areas/locate?lng=${lng}&lat=${lat}`)).json().grid?.code;
const changesWritten = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('areaChanges')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  );

describe('importing boundaries from GeoJSON', () => {
  it('redraws two grids, keeps the old outlines in their history and moves the point lookup', async () => {
    expect(await gridAt(7, 2)).toBe(GRID_A2);
    const res = await post(streetA, SOUTH_NORTH);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      dryRun: false,
      total: 2,
      valid: 2,
      problems: [],
      changes: [
        { code: GRID_A1, name: '第1网格', action: 'redraw' },
        { code: GRID_A2, name: '第2网格', action: 'redraw' },
      ],
    });
    const history = (await get(`/api/v1/areas/nodes/${GRID_A1}/history`)).json().versions;
    expect(history).toEqual([
      expect.objectContaining({ validFrom: '2021-01-01', validTo: today }),
      expect.objectContaining({ validFrom: today, validTo: null, changeKind: 'import' }),
    ]);
    expect(await gridAt(7, 2)).toBe(GRID_A1);
    expect(await gridAt(2, 8)).toBe(GRID_A2);
    const profile = (await get(`/api/v1/areas/grids/${GRID_A1}/profile`)).json();
    expect(profile.boundary).toEqual(rect(0, 0, 10, 5));
    const audit = (
      await t.request(auditor, { method: 'GET', url: '/api/v1/iam/audit?action=areas.import' })
    ).json();
    expect(audit).toHaveLength(1);
    expect(audit[0].scopePath).toBe(`${STREET_A}/371602001001`);
    expect(await changesWritten()).toBe(1);
  });

  it('a dry run lists what would be redrawn and writes nothing', async () => {
    const res = await post(streetA, SOUTH_NORTH, { dryRun: true });
    expect(res.json()).toMatchObject({ ok: true, dryRun: true, valid: 2, changeId: null });
    expect(await gridAt(7, 2)).toBe(GRID_A2);
    expect(await changesWritten()).toBe(0);
  });

  it('one bad feature among good ones is reported and nothing at all is written', async () => {
    const features = [SOUTH_NORTH[0], feature(GRID_A2, OPEN_RING)];
    const dry = (await post(streetA, features, { dryRun: true })).json();
    expect(dry).toMatchObject({ ok: false, total: 2, valid: 1 });
    const res = await post(streetA, features);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('areas.import_invalid');
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        index: 1,
        code: GRID_A2,
        field: 'features[1].geometry',
        reason: 'ring_not_closed',
      }),
    ]);
    expect(res.json().errors).toEqual(dry.problems);
    expect(await gridAt(7, 2)).toBe(GRID_A2);
    expect((await get(`/api/v1/areas/nodes/${GRID_A1}/history`)).json().versions).toHaveLength(1);
    expect(await changesWritten()).toBe(0);
  });

  it('a grid of another street reads to a street official exactly like a code that does not exist', async () => {
    const res = await post(streetA, [
      feature(GRID_B1, rect(10, 0, 15, 10)),
      feature('371602001001999', rect(1, 1, 2, 2)),
    ]);
    expect(res.statusCode).toBe(400);
    const [outside, unknown] = res.json().errors;
    expect(outside).toMatchObject({ index: 0, reason: 'code_unknown' });
    expect({ ...outside, index: 1, code: '371602001001999', field: 'features[1].properties.code' }).toEqual(
      unknown,
    );
    expect((await get(`/api/v1/areas/nodes/${GRID_B1}/history`)).json().versions).toHaveLength(1);
  });

  it('a future effective date is refused before anything is looked at', async () => {
    const res = await post(admin, SOUTH_NORTH, { effectiveDate: '2099-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('areas.future_effective_date');
  });

  it('a collection without features is a validation failure', async () => {
    const res = await post(admin, []);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.failed');
  });

  it('the auditor gets 403', async () => {
    const res = await post(auditor, SOUTH_NORTH, { dryRun: true });
    expect(res.statusCode).toBe(403);
    expect(await gridAt(7, 2)).toBe(GRID_A2);
  });
});
