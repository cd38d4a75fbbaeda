import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';

const DISTRICT = '3716/371602';
const STREET_A = '3716/371602/371602001';
const STREET_B = '3716/371602/371602002';

let t: TestApp;
let admin: Session;
let streetA: Session;
let auditor: Session;
let userInB: string;
let userInA: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'cityadmin', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  await t.createUser({
    username: 'officiala',
    assignments: [{ role: 'street_official', scopePath: STREET_A }],
  });
  await t.createUser({ username: 'auditor1', assignments: [{ role: 'auditor', scopePath: '3716' }] });
  userInA = await t.createUser({
    username: 'workera',
    assignments: [{ role: 'grid_worker', scopePath: `${STREET_A}/371602001001` }],
  });
  userInB = await t.createUser({
    username: 'workerb',
    assignments: [{ role: 'grid_worker', scopePath: `${STREET_B}/371602002001` }],
  });
  admin = await t.login('cityadmin');
  streetA = await t.login('officiala');
  auditor = await t.login('auditor1');
});
afterAll(() => t.close());

const newUser = (
  scopePath: string,
  role = 'grid_worker',
  username = `u${Math.random().toString(36).slice(2, 9)}`,
) => ({
  username,
  displayName: '测试用户',
  password: 'Strong-Pass-2026',
  homeScopePath: scopePath,
  assignments: [{ role, scopePath }],
});

describe('user administration within scope', () => {
  it('a street official lists only the accounts of their own street', async () => {
    const res = await t.request(streetA, { method: 'GET', url: '/api/v1/iam/users?limit=200' });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('workera');
    expect(names).not.toContain('workerb');
    expect(names).not.toContain('cityadmin');
  });

  it('a list response never carries a password hash', async () => {
    const res = await t.request(admin, { method: 'GET', url: '/api/v1/iam/users' });
    expect(res.body).not.toMatch(/scrypt|passwordHash/);
  });

  it('a street official creates a grid worker in their street', async () => {
    const res = await t.request(streetA, {
      method: 'POST',
      url: '/api/v1/iam/users',
      body: newUser(`${STREET_A}/371602001002`),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().mustChangePassword).toBe(true);
  });

  it('a street official cannot create an account in another street (403 iam.scope_outside)', async () => {
    const res = await t.request(streetA, {
      method: 'POST',
      url: '/api/v1/iam/users',
      body: newUser(`${STREET_B}/371602002003`),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('iam.scope_outside');
  });

  it('a street official cannot make another street official', async () => {
    const res = await t.request(streetA, {
      method: 'POST',
      url: '/api/v1/iam/users',
      body: newUser(STREET_A, 'street_official'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('iam.role_not_grantable');
  });

  it.each([
    ['GET', ''],
    ['PATCH', ''],
    ['POST', '/reset-password'],
  ] as const)('%s on another street’s user%s answers 404 and changes nothing', async (method, suffix) => {
    const body = method === 'PATCH' ? { displayName: '被改了' } : method === 'POST' ? {} : undefined;
    const res = await t.request(streetA, { method, url: `/api/v1/iam/users/${userInB}${suffix}`, body });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('common.not_found');
    const after = await t.request(admin, { method: 'GET', url: `/api/v1/iam/users/${userInB}` });
    expect(after.json().displayName).toBe('workerb');
  });

  it('a username already taken is 409 naming the field', async () => {
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/iam/users',
      body: newUser(STREET_A, 'grid_worker', 'workera'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('username');
  });

  it('a weak initial password is refused naming the field', async () => {
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/iam/users',
      body: { ...newUser(STREET_A), password: 'abc' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('password');
  });

  it('an administrator’s reset gives a temporary password, unlocks, ends sessions and forces a change', async () => {
    const before = await t.login('workera');
    const res = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/iam/users/${userInA}/reset-password`,
      body: {},
    });
    expect(res.statusCode).toBe(200);
    const temp = res.json().temporaryPassword;
    expect((await t.request(before, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const after = await t.login('workera', temp);
    const me = await t.request(after, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user.mustChangePassword).toBe(true);
  });

  it('a disabled account cannot sign in and its sessions end', async () => {
    const id = await t.createUser({
      username: 'leaving',
      assignments: [{ role: 'grid_worker', scopePath: `${STREET_A}/371602001001` }],
    });
    const s = await t.login('leaving');
    expect(
      (
        await t.request(streetA, {
          method: 'PATCH',
          url: `/api/v1/iam/users/${id}`,
          body: { status: 'disabled' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await t.request(s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leaving', password: 'Test-Passw0rd!' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('iam.account_disabled');
  });

  it('nobody can take away their own roles', async () => {
    const res = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/iam/users/${admin.userId}`,
      body: { assignments: [{ role: 'auditor', scopePath: '3716' }] },
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('the auditor reads and never writes', () => {
  it('reads users across the city', async () => {
    const res = await t.request(auditor, { method: 'GET', url: '/api/v1/iam/users' });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['POST', '/api/v1/iam/users', newUser(STREET_A)],
    ['PATCH', '/api/v1/iam/users/ID', { displayName: 'x' }],
    ['POST', '/api/v1/iam/users/ID/reset-password', {}],
    ['POST', '/api/v1/iam/tokens', { name: 'x', role: 'resident', scopePath: STREET_A }],
  ] as const)('%s %s is 403 iam.forbidden', async (method, url, body) => {
    const res = await t.request(auditor, { method, url: url.replace('ID', userInA), body });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('iam.forbidden');
  });
});

describe('people without user administration', () => {
  it('a grid worker may not list accounts', async () => {
    const id = await t.createUser({
      username: 'gw2',
      assignments: [{ role: 'grid_worker', scopePath: `${STREET_A}/371602001001` }],
    });
    expect(id).toBeTruthy();
    const s = await t.login('gw2');
    const res = await t.request(s, { method: 'GET', url: '/api/v1/iam/users' });
    expect(res.statusCode).toBe(403);
  });

  it('a district official’s list covers both of its streets', async () => {
    await t.createUser({
      username: 'district1',
      assignments: [{ role: 'district_official', scopePath: DISTRICT }],
    });
    const s = await t.login('district1');
    const names = (await t.request(s, { method: 'GET', url: '/api/v1/iam/users?limit=200' }))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['workera', 'workerb', 'officiala']));
  });
});
