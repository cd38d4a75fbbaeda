import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallCity } from '../modules/areas/areas.fixtures';
import { parseXml } from '../modules/demands/demands.open311.fixtures';
import { addCompound, buildRegister, codeFor, flats, GRID_A1 } from '../modules/owners/owners.votes.fixtures';
import { createTestApp, type Session, type TestApp } from './testing';

// Rate limits of the public routes, with small allowances: three public reads, three wrong codes
// and two Open311 filings a minute. Each test calls from addresses of its own, so that the counts
// of one test never reach another.

const STREET_A = '3716/371602/371602001';
let t: TestApp;
let admin: Session;
let voteId: string;
let codes: { label: string; code: string }[];
let apiKey: string;

let lastAddress = 0;
/** A client address no other test has used. */
const freshAddress = () => `198.51.100.${++lastAddress}`;

const call = (
  remoteAddress: string,
  method: 'GET' | 'POST',
  url: string,
  opts: { payload?: object; headers?: Record<string, string> } = {},
) => t.app.inject({ method, url, remoteAddress, ...opts });

beforeAll(async () => {
  t = await createTestApp({
    RATE_LIMIT_PUBLIC_PER_MINUTE: '3',
    RATE_LIMIT_CODE_ATTEMPTS_PER_MINUTE: '3',
    RATE_LIMIT_OPEN311_POST_PER_MINUTE: '2',
  });
  await buildSmallCity(t.db.kysely);
  await t.createUser({ username: 'cityadmin', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  await t.createUser({
    username: 'officer',
    assignments: [{ role: 'street_official', scopePath: STREET_A }],
  });
  admin = await t.login('cityadmin');
  const officer = await t.login('officer');
  const compound = await addCompound(t.db.kysely);
  await buildRegister(t.db.kysely, compound, flats(4, '90.00', '业主'));
  const post = (url: string, body: unknown = {}) => t.request(officer, { method: 'POST', url, body });
  voteId = (
    await post('/api/v1/owners/votes', { compoundCode: compound.code, item: 5, title: '更换水泵' })
  ).json().id;
  await post(`/api/v1/owners/votes/${voteId}/open`);
  codes = (await post(`/api/v1/owners/votes/${voteId}/codes?format=json`)).json().codes;
  const token = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/iam/tokens',
    body: { name: '12345 热线', role: 'district_official', scopePath: '3716/371602', expiresInDays: 30 },
  });
  apiKey = token.json().secret;
});
afterAll(() => t.close());

describe('Open311 past its allowance', () => {
  it('answers 429 in XML with the spec’s errors list and Retry-After', async () => {
    const ip = freshAddress();
    for (let i = 0; i < 3; i++) {
      const ok = await call(ip, 'GET', '/open311/v2/services.xml');
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['ratelimit-remaining']).toBe(String(2 - i));
    }
    const res = await call(ip, 'GET', '/open311/v2/requests.xml');
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('text/xml');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(res.headers).toMatchObject({ 'ratelimit-limit': '3', 'ratelimit-remaining': '0' });
    const errors = parseXml(res.body);
    expect(errors.name).toBe('errors');
    const error = errors.children.find((c) => c.name === 'error')!;
    expect(error.children.find((c) => c.name === 'code')?.text).toBe('429');
    expect(error.children.find((c) => c.name === 'description')?.text).toMatch(
      /^请求过于频繁，请 \d+ 秒后再试 \(Too many requests; try again in \d+ seconds\)$/,
    );
  });

  it('answers 429 in JSON when JSON was asked for', async () => {
    const ip = freshAddress();
    for (let i = 0; i < 3; i++) await call(ip, 'GET', '/open311/v2/discovery.json');
    const res = await call(ip, 'GET', '/open311/v2/requests/20260101000001.json');
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.json()).toEqual([{ code: 429, description: expect.stringContaining('Too many requests') }]);
  });

  it('refuses an address after three wrong api_keys, while the right key still files from another', async () => {
    const ip = freshAddress();
    for (let i = 0; i < 3; i++) {
      const res = await call(ip, 'POST', '/open311/v2/requests.json', { payload: { api_key: `guess-${i}` } });
      expect(res.statusCode).toBe(403);
    }
    const refused = await call(ip, 'POST', '/open311/v2/requests.json', { payload: { api_key: apiKey } });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()[0].code).toBe(429);
    // Missing service_code: the key was accepted and the request went on to be checked.
    const other = await call(freshAddress(), 'POST', '/open311/v2/requests.json', {
      payload: { api_key: apiKey },
    });
    expect(other.statusCode).toBe(400);
  });

  it('counts filings per api_key, from whatever address they come', async () => {
    const key = (
      await t.request(admin, {
        method: 'POST',
        url: '/api/v1/iam/tokens',
        body: { name: '市中街道 App', role: 'street_official', scopePath: STREET_A, expiresInDays: 30 },
      })
    ).json().secret as string;
    const file = () =>
      call(freshAddress(), 'POST', `/open311/v2/requests.xml?api_key=${encodeURIComponent(key)}`, {
        payload: { service_code: 'no.such.service' },
      });
    expect((await file()).statusCode).toBe(404);
    expect((await file()).statusCode).toBe(404);
    const third = await file();
    expect(third.statusCode).toBe(429);
    expect(third.body).toContain('<code>429</code>');
  });
});

describe('the public notice pages past their allowance', () => {
  const grid = `/api/v1/public/grids/${GRID_A1.code}`;

  it('answer problem+json in Chinese, or in English when asked', async () => {
    const ip = freshAddress();
    for (let i = 0; i < 3; i++) expect((await call(ip, 'GET', grid)).statusCode).toBe(200);
    const zh = await call(ip, 'GET', grid);
    expect(zh.statusCode).toBe(429);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.headers['retry-after']).toMatch(/^\d+$/);
    expect(zh.json()).toMatchObject({
      status: 429,
      code: 'request.rate_limited',
      title: '请求过于频繁，请稍后再试',
      titles: { en: 'Too many requests; try again later' },
    });
    const en = await call(ip, 'GET', grid, { headers: { 'accept-language': 'en' } });
    expect(en.json().title).toBe('Too many requests; try again later');
  });

  it('share one allowance per address across pages, apart from Open311’s', async () => {
    const ip = freshAddress();
    await call(ip, 'GET', grid);
    await call(ip, 'GET', `/api/v1/public/compounds/${GRID_A1.code}01`);
    await call(ip, 'GET', `/api/v1/public/votes/${voteId}`);
    expect((await call(ip, 'GET', grid)).statusCode).toBe(429);
    // The building notice (people module) draws on the same allowance.
    expect((await call(ip, 'GET', `/api/v1/public/buildings/${GRID_A1.code}0101`)).statusCode).toBe(429);
    expect((await call(ip, 'GET', '/open311/v2/services.json')).statusCode).toBe(200);
  });
});

describe('voting and receipt codes', () => {
  const access = (ip: string, code: string) =>
    call(ip, 'POST', `/api/v1/public/votes/${voteId}/access`, { payload: { code } });

  it('refuse an address after three wrong codes, while another address still opens its ballot', async () => {
    const ip = freshAddress();
    for (const guess of ['AAAA-BBBB-CCCC', 'AAAA-BBBB-CCCD', 'AAAA-BBBB-CCCE']) {
      const res = await access(ip, guess);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('owners.invalid_code');
    }
    const refused = await access(ip, codeFor(codes, '业主1'));
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('request.rate_limited');
    const cast = await call(ip, 'POST', `/api/v1/public/votes/${voteId}/ballots`, {
      payload: { code: codeFor(codes, '业主1'), choice: 'for' },
    });
    expect(cast.statusCode).toBe(429);
    expect((await access(freshAddress(), codeFor(codes, '业主1'))).statusCode).toBe(200);
  });

  it('count wrong receipt codes in the same allowance', async () => {
    const ip = freshAddress();
    await access(ip, 'AAAA-BBBB-CCCC');
    for (let i = 0; i < 2; i++) {
      const res = await call(ip, 'GET', `/api/v1/public/votes/${voteId}/receipts/AAAA-BBBB-CCC${i}`);
      expect(res.statusCode).toBe(404);
    }
    expect((await call(ip, 'GET', `/api/v1/public/votes/${voteId}/receipts/AAAA-BBBB-CCCX`)).statusCode).toBe(
      429,
    );
  });

  it('never count right codes: owners voting from one hall’s address are not refused', async () => {
    const ip = freshAddress();
    for (let i = 0; i < 3; i++) expect((await access(ip, codeFor(codes, '业主2'))).statusCode).toBe(200);
    for (const who of ['业主2', '业主3', '业主4']) {
      expect((await access(ip, codeFor(codes, who))).statusCode).toBe(200);
      const cast = await call(ip, 'POST', `/api/v1/public/votes/${voteId}/ballots`, {
        payload: { code: codeFor(codes, who), choice: 'for' },
      });
      expect(cast.statusCode).toBe(201);
      expect(cast.headers['ratelimit-remaining']).toBe('3');
    }
  });
});

describe('signed-in routes', () => {
  it('a console route is not limited by the public allowances', async () => {
    for (let i = 0; i < 8; i++) {
      const res = await t.request(admin, { method: 'GET', url: '/api/v1/areas/tree?root=371602001' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
    }
  });

  it('the filing map counts each signed-in caller apart, though they share an office address', async () => {
    const ip = freshAddress();
    const asUser = (s: Session) =>
      call(ip, 'GET', '/api/v1/demands/places/streets', { headers: { cookie: s.cookie } });
    for (let i = 0; i < 3; i++) expect((await asUser(admin)).statusCode).toBe(200);
    expect((await asUser(admin)).statusCode).toBe(429);
    await t.createUser({
      username: 'colleague',
      assignments: [{ role: 'street_official', scopePath: STREET_A }],
    });
    expect((await asUser(await t.login('colleague'))).statusCode).toBe(200);
  });
});
