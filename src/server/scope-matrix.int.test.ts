import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallCity, rect } from '../modules/areas/areas.fixtures';
import { chinaToday } from '../modules/areas/index';
import { createTestApp, type Session, type TestApp } from './testing';

// "A user scoped to one street gets 403/404 for another street's records on every route there is."
// Every route the app registers must appear below: as a record route called with street B's
// record, as a list whose answer must not mention street B, or as exempt with the reason.

const STREET_A = '3716/371602/371602001';
const STREET_B = '3716/371602/371602002';
let t: TestApp;
let official: Session;
let b: { userId: string; tokenId: string };

const today = chinaToday();

const RECORD_ROUTES: Record<string, () => { url: string; body?: unknown }> = {
  'GET /api/v1/iam/users/:id': () => ({ url: `/api/v1/iam/users/${b.userId}` }),
  'PATCH /api/v1/iam/users/:id': () => ({ url: `/api/v1/iam/users/${b.userId}`, body: { displayName: 'x' } }),
  'POST /api/v1/iam/users/:id/reset-password': () => ({
    url: `/api/v1/iam/users/${b.userId}/reset-password`,
    body: {},
  }),
  'POST /api/v1/iam/tokens/:id/revoke': () => ({ url: `/api/v1/iam/tokens/${b.tokenId}/revoke` }),
  'POST /api/v1/iam/users': () => ({
    url: '/api/v1/iam/users',
    body: {
      username: 'intruder',
      displayName: 'x',
      password: 'Strong-Pass-2026',
      homeScopePath: STREET_B,
      assignments: [{ role: 'grid_worker', scopePath: STREET_B }],
    },
  }),
  'POST /api/v1/iam/tokens': () => ({
    url: '/api/v1/iam/tokens',
    body: { name: 'x', role: 'resident', scopePath: STREET_B },
  }),
  'GET /api/v1/areas/nodes/:code': () => ({ url: '/api/v1/areas/nodes/371602002001' }),
  'GET /api/v1/areas/nodes/:code/children': () => ({ url: '/api/v1/areas/nodes/371602002001/children' }),
  'GET /api/v1/areas/nodes/:code/history': () => ({ url: '/api/v1/areas/nodes/371602002001/history' }),
  'GET /api/v1/areas/tree': () => ({ url: '/api/v1/areas/tree?root=371602002' }),
  'GET /api/v1/areas/geojson': () => ({ url: '/api/v1/areas/geojson?parent=371602002&level=grid' }),
  'GET /api/v1/areas/grids/:code/profile': () => ({ url: '/api/v1/areas/grids/371602002001001/profile' }),
  'POST /api/v1/areas/grids': () => ({
    url: '/api/v1/areas/grids',
    body: { communityCode: '371602002001', name: 'x', boundary: rect(11, 1, 12, 2), effectiveDate: today },
  }),
  'POST /api/v1/areas/grids/:code/split': () => ({
    url: '/api/v1/areas/grids/371602002001001/split',
    body: {
      effectiveDate: today,
      parts: [
        { name: 'a', boundary: rect(10, 0, 15, 5) },
        { name: 'b', boundary: rect(10, 5, 15, 10) },
      ],
    },
  }),
  'POST /api/v1/areas/grids/merge': () => ({
    url: '/api/v1/areas/grids/merge',
    body: { effectiveDate: today, codes: ['371602002001001', '371602002001002'], name: 'x' },
  }),
  'PATCH /api/v1/areas/nodes/:code': () => ({
    url: '/api/v1/areas/nodes/371602002001001',
    body: { effectiveDate: today, name: 'x' },
  }),
  'POST /api/v1/areas/nodes/:code/move': () => ({
    url: '/api/v1/areas/nodes/37160200200100101/move',
    body: { effectiveDate: today, newParentCode: '371602002001002' },
  }),
};

/** Routes without a record of their own: the answer must not mention street B. */
const LIST_ROUTES: Record<string, string> = {
  'GET /api/v1/iam/users': '/api/v1/iam/users?limit=200',
  'GET /api/v1/iam/tokens': '/api/v1/iam/tokens',
  'GET /api/v1/areas/search': `/api/v1/areas/search?q=${encodeURIComponent('社区')}`,
  'GET /api/v1/areas/locate': '/api/v1/areas/locate?lng=15&lat=5',
};

const EXEMPT: Record<string, string> = {
  'POST /api/v1/auth/login': 'signs in; no record',
  'GET /api/v1/auth/me': 'the caller’s own account',
  'POST /api/v1/auth/logout': 'the caller’s own session',
  'POST /api/v1/auth/password': 'the caller’s own password',
  'GET /api/v1/iam/roles': 'the role catalogue is the same for everyone',
  'GET /api/v1/iam/audit': 'auditors only; scoped audit listing tested in iam.audit.int.test.ts',
  'GET /api/v1/iam/audit/verify': 'auditors only; whole-chain check',
  'GET /api/v1/public/grids/:code': 'public by law (grid regulation art. 6)',
  'GET /healthz': 'liveness',
  'GET /readyz': 'readiness',
};

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely);
  await t.createUser({ username: 'cityadmin', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  await t.createUser({
    username: 'officiala',
    assignments: [
      { role: 'street_official', scopePath: STREET_A },
      { role: 'community_official', scopePath: `${STREET_A}/371602001001` },
    ],
  });
  const userId = await t.createUser({
    username: 'workerb',
    assignments: [{ role: 'grid_worker', scopePath: STREET_B }],
  });
  const admin = await t.login('cityadmin');
  const token = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/iam/tokens',
    body: { name: 'street B system', role: 'street_official', scopePath: STREET_B },
  });
  b = { userId, tokenId: token.json().token.id };
  // Give the street official token rights too, so a 403 can only come from scope, not from the role.
  await t.db.kysely
    .insertInto('userRoles')
    .values({
      id: 'extra-role',
      userId: (await t.login('officiala')).userId,
      role: 'district_official',
      scopePath: STREET_A,
      createdAt: new Date().toISOString(),
    })
    .execute();
  official = await t.login('officiala');
});
afterAll(() => t.close());

describe('every route keeps a street official inside their street', () => {
  it('every registered route is covered by this matrix', () => {
    const known = new Set([
      ...Object.keys(RECORD_ROUTES),
      ...Object.keys(LIST_ROUTES),
      ...Object.keys(EXEMPT),
    ]);
    const routes = t.app.routeIndex.filter(
      (r) =>
        r.url.startsWith('/api/v1') ||
        r.url.startsWith('/open311') ||
        r.url.startsWith('/healthz') ||
        r.url.startsWith('/readyz'),
    );
    const missing = routes.map((r) => `${r.method} ${r.url}`).filter((k) => !known.has(k));
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(RECORD_ROUTES))('%s with street B’s record answers 403 or 404', async (key) => {
    const method = key.split(' ')[0] as 'GET' | 'POST' | 'PATCH';
    const { url, body } = RECORD_ROUTES[key]!();
    const res = await t.request(official, { method, url, body });
    expect([403, 404]).toContain(res.statusCode);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it.each(Object.entries(LIST_ROUTES))(
    '%s lists nothing of street B (or is forbidden outright)',
    async (_key, url) => {
      const res = await t.request(official, { method: 'GET', url });
      expect([200, 403]).toContain(res.statusCode);
      expect(res.body).not.toContain('371602002');
      expect(res.body).not.toContain('workerb');
      expect(res.body).not.toContain('street B system');
    },
  );

  it('street B’s records are unchanged after all of that', async () => {
    const admin = await t.login('cityadmin');
    const user = (await t.request(admin, { method: 'GET', url: `/api/v1/iam/users/${b.userId}` })).json();
    expect(user.displayName).toBe('workerb');
    const grid = (
      await t.request(admin, { method: 'GET', url: '/api/v1/areas/nodes/371602002001001' })
    ).json();
    expect(grid).toMatchObject({ status: 'active', name: '第1网格' });
    const tokens = (await t.request(admin, { method: 'GET', url: '/api/v1/iam/tokens' })).json();
    expect(tokens.find((x: { id: string }) => x.id === b.tokenId).revokedAt).toBeNull();
  });
});
