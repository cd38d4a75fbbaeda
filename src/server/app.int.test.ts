import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '2048' });
  t.app.get('/api/v1/test/boom', async () => {
    throw new Error('database password is hunter2');
  });
});
afterAll(() => t.close());

const post = (payload: string, contentType = 'application/json') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': contentType },
    payload,
  });

describe('bad input gets a problem+json answer, never a 500', () => {
  it('malformed JSON', async () => {
    const res = await post('{"username": ');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'request.malformed_json', status: 400 });
    expect(res.json().type).toMatch(/request\.malformed_json$/);
  });

  it('an oversized body', async () => {
    const res = await post(JSON.stringify({ username: 'x'.repeat(5000), password: 'y' }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.body_too_large');
  });

  it('an unsupported content type', async () => {
    const res = await post('username=x', 'text/csv');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('request.unsupported_media_type');
  });

  it('wrong types and unknown fields are each named', async () => {
    const res = await post(JSON.stringify({ username: ['a'], password: 12, role: 'admin' }));
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { field: string; in: string; reason: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'username', in: 'body', reason: 'invalid_type' }),
        expect.objectContaining({ field: 'password', in: 'body', reason: 'invalid_type' }),
        expect.objectContaining({ field: 'role', in: 'body', reason: 'unrecognized_key' }),
      ]),
    );
  });

  it('a bad query parameter names the parameter', async () => {
    await t.createUser({ username: 'q-admin', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
    const s = await t.login('q-admin');
    const res = await t.request(s, { method: 'GET', url: '/api/v1/iam/users?limit=100000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'limit', in: 'query', reason: 'too_big' });
  });

  it('the title follows Accept-Language, with both languages always present', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'a', password: 'b' },
    });
    expect(res.json().title).toBe('Wrong username or password');
    expect(res.json().titles.zh).toBe('用户名或密码错误');
  });

  it('an unknown API path is a problem+json 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('common.not_found');
  });

  it('an unexpected failure is 500 internal.error with the request id and no detail of the cause', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/test/boom',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'internal.error', requestId: 'trace-123' });
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toMatch(/at .*\.ts/);
  });
});

describe('the server', () => {
  it('sends security headers and echoes a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('is ready when the database answers and every migration is applied', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', database: 'up', pendingMigrations: [] });
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/auth/login'].post.requestBody).toBeTruthy();
    expect(Object.keys(doc.paths['/api/v1/auth/login'].post.responses)).toEqual(
      expect.arrayContaining(['200', '401', '423', '429']),
    );
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});
