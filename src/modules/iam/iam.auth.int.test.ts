import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../server/testing';
import { LOCKOUT_THRESHOLD, login, resolveSession } from './iam.auth.service';

let t: TestApp;
const STREET_A = '3716/371602/371602001';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({
    username: 'zhangwei',
    assignments: [{ role: 'street_official', scopePath: STREET_A }],
  });
  await t.createUser({ username: 'lockme', assignments: [{ role: 'street_official', scopePath: STREET_A }] });
  await t.createUser({
    username: 'throttled',
    assignments: [{ role: 'street_official', scopePath: STREET_A }],
  });
});
afterAll(() => t.close());

const loginReq = (username: string, password: string, ip = '10.9.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

describe('signing in', () => {
  it('the right password opens a session with an httpOnly SameSite cookie and a CSRF token', async () => {
    const res = await loginReq('zhangwei', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gr_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.json().permissions).toContain('people.read');
    expect(res.json().permissions).not.toContain('tokens.manage');
  });

  it('a wrong password is 401 iam.invalid_credentials, the same as an unknown user', async () => {
    const wrong = await loginReq('zhangwei', 'Wrong-Passw0rd');
    const unknown = await loginReq('nobody-here', 'Wrong-Passw0rd');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().code).toBe('iam.invalid_credentials');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('iam.invalid_credentials');
  });

  it(`the ${LOCKOUT_THRESHOLD}th wrong password in a row locks the account, and then even the right one is refused`, async () => {
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++)
      expect((await loginReq('lockme', 'Wrong-Passw0rd')).statusCode).toBe(401);
    const fifth = await loginReq('lockme', 'Wrong-Passw0rd');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('iam.account_locked');
    expect(Date.parse(fifth.json().lockedUntil)).toBeGreaterThan(Date.now());
    const right = await loginReq('lockme', TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
  });

  it('a lock ends after 15 minutes', async () => {
    const settings = { idleMinutes: 30, absoluteHours: 12 };
    const client = { ip: null, userAgent: null, requestId: null };
    const later = new Date(Date.now() + 16 * 60_000);
    const r = await login({
      db: t.db.kysely,
      settings,
      input: { username: 'lockme', password: TEST_PASSWORD },
      client,
      now: later,
    });
    expect(r.user.username).toBe('lockme');
  });

  it('one address that keeps guessing is throttled with 429 and Retry-After', async () => {
    let last = await loginReq('throttled', 'Wrong-Passw0rd', '10.9.9.9');
    for (let i = 0; i < 40 && last.statusCode !== 429; i++)
      last = await loginReq(`guess${i}`, 'Wrong-Passw0rd', '10.9.9.9');
    expect(last.statusCode).toBe(429);
    expect(last.json().code).toBe('iam.too_many_attempts');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await loginReq('throttled', TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('a body with unknown fields or wrong types names each field, in Chinese and English', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 7, extra: true },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation.failed');
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['extra', 'password', 'username']);
    for (const e of body.errors) {
      expect(e.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message.en.length).toBeGreaterThan(0);
    }
  });
});

describe('sessions', () => {
  it('/me answers for a live session and 401 without one', async () => {
    const s = await t.login('zhangwei');
    expect((await t.request(s, { method: 'GET', url: '/api/v1/auth/me' })).json().user.username).toBe(
      'zhangwei',
    );
    const anon = await t.request(null, { method: 'GET', url: '/api/v1/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().code).toBe('iam.unauthenticated');
  });

  it('an idle session expires and the cookie is refused with iam.session_expired', async () => {
    const s = await t.login('zhangwei');
    const token = s.cookie.split('=')[1]!;
    const settings = { idleMinutes: 30, absoluteHours: 12 };
    await expect(
      resolveSession({ db: t.db.kysely, settings, token, now: new Date(Date.now() + 31 * 60_000) }),
    ).rejects.toMatchObject({
      code: 'iam.session_expired',
    });
    const res = await t.request(s, { method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('iam.session_expired');
  });

  it('a session ends at its absolute lifetime even when in use', async () => {
    const s = await t.login('zhangwei');
    const token = s.cookie.split('=')[1]!;
    const settings = { idleMinutes: 60 * 24, absoluteHours: 12 };
    await expect(
      resolveSession({ db: t.db.kysely, settings, token, now: new Date(Date.now() + 12 * 3600_000 + 1000) }),
    ).rejects.toMatchObject({
      code: 'iam.session_expired',
    });
  });

  it('a cookie-authenticated write without the CSRF token is refused with 403 iam.csrf_failed', async () => {
    const s = await t.login('zhangwei');
    const missing = await t.request(s, { method: 'POST', url: '/api/v1/auth/logout', csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('iam.csrf_failed');
    const wrong = await t.request(s, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      csrf: false,
      headers: { 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(wrong.statusCode).toBe(403);
    // The session is still alive: the forged request changed nothing.
    expect((await t.request(s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const s = await t.login('zhangwei');
    expect((await t.request(s, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await t.request(s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });
});

describe('changing one’s password', () => {
  it('a weak new password is refused naming the field and the rule', async () => {
    const s = await t.login('zhangwei');
    const res = await t.request(s, {
      method: 'POST',
      url: '/api/v1/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('iam.weak_password');
    expect(res.json().errors[0].field).toBe('newPassword');
  });

  it('a wrong current password is refused', async () => {
    const s = await t.login('zhangwei');
    const res = await t.request(s, {
      method: 'POST',
      url: '/api/v1/auth/password',
      body: { currentPassword: 'Nope-Nope-123', newPassword: 'Brand-New-Pass9' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('iam.password_mismatch');
  });

  it('a change keeps this session, ends the others, and the new password signs in', async () => {
    await t.createUser({
      username: 'changer',
      assignments: [{ role: 'street_official', scopePath: STREET_A }],
    });
    const here = await t.login('changer');
    const elsewhere = await t.login('changer');
    const res = await t.request(here, {
      method: 'POST',
      url: '/api/v1/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: 'Brand-New-Pass9' },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.request(here, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await t.request(elsewhere, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await loginReq('changer', TEST_PASSWORD, '10.1.1.1')).statusCode).toBe(401);
    expect((await loginReq('changer', 'Brand-New-Pass9', '10.1.1.1')).statusCode).toBe(200);
  });
});
