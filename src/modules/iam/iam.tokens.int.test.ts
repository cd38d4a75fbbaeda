import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { sha256 } from './iam.auth.service';

const STREET_A = '3716/371602/371602001';
const STREET_B = '3716/371602/371602002';
let t: TestApp;
let admin: Session;
let userInB: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'cityadmin', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  await t.createUser({
    username: 'officiala',
    assignments: [{ role: 'street_official', scopePath: STREET_A }],
  });
  userInB = await t.createUser({
    username: 'workerb',
    assignments: [{ role: 'grid_worker', scopePath: STREET_B }],
  });
  admin = await t.login('cityadmin');
});
afterAll(() => t.close());

async function issue(body: Record<string, unknown>) {
  const res = await t.request(admin, { method: 'POST', url: '/api/v1/iam/tokens', body });
  expect(res.statusCode).toBe(201);
  return res.json() as { token: { id: string }; secret: string };
}
const bearer = (secret: string, url: string, method: 'GET' | 'POST' = 'GET') =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${secret}` } });

describe('API tokens for outside systems', () => {
  it('the secret is shown once and only its hash is stored', async () => {
    const { token, secret } = await issue({
      name: '12345 热线',
      role: 'street_official',
      scopePath: STREET_A,
      expiresInDays: 30,
    });
    expect(secret).toMatch(/^grt_/);
    const row = await t.db.kysely
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const list = await t.request(admin, { method: 'GET', url: '/api/v1/iam/tokens' });
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain(row.tokenHash);
  });

  it('a token acts within its scope only, and needs no CSRF token', async () => {
    const { secret } = await issue({ name: 'street A system', role: 'street_official', scopePath: STREET_A });
    const list = await bearer(secret, '/api/v1/iam/users');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { username: string }) => u.username)).toEqual(['officiala']);
    expect((await bearer(secret, `/api/v1/iam/users/${userInB}`)).statusCode).toBe(404);
  });

  it('a revoked token is refused with 401 iam.invalid_token', async () => {
    const { token, secret } = await issue({
      name: 'to revoke',
      role: 'street_official',
      scopePath: STREET_A,
    });
    const revoke = await t.request(admin, { method: 'POST', url: `/api/v1/iam/tokens/${token.id}/revoke` });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).toBeTruthy();
    const res = await bearer(secret, '/api/v1/iam/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('iam.invalid_token');
  });

  it('an expired token is refused', async () => {
    const { token, secret } = await issue({
      name: 'old',
      role: 'street_official',
      scopePath: STREET_A,
      expiresInDays: 1,
    });
    await t.db.kysely
      .updateTable('apiTokens')
      .set({ expiresAt: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', token.id)
      .execute();
    expect((await bearer(secret, '/api/v1/iam/users')).statusCode).toBe(401);
  });

  it('an unknown or malformed token is refused', async () => {
    expect((await bearer('grt_not-a-real-token', '/api/v1/iam/users')).statusCode).toBe(401);
    expect((await bearer('garbage', '/api/v1/iam/users')).statusCode).toBe(401);
  });

  it('a street official may not issue tokens, nor can a token be issued beyond the issuer’s grant', async () => {
    const s = await t.login('officiala');
    const res = await t.request(s, {
      method: 'POST',
      url: '/api/v1/iam/tokens',
      body: { name: 'x', role: 'resident', scopePath: STREET_A },
    });
    expect(res.statusCode).toBe(403);
    const bad = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/iam/tokens',
      body: { name: 'x', role: 'resident', scopePath: 'not/a/path' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('scopePath');
  });
});
