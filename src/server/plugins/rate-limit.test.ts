import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing';
import { DatabaseRateCounters, RATE_WINDOW_MS } from '../../modules/iam/index';
import { ConfigError, loadConfig, RATE_LIMIT_DEFAULTS } from '../config';
import { AppError } from '../errors';
import { registerErrorHandling } from './errors';
import { byAddressAnd, clientAddress, type RateLimitRule, registerRateLimit } from './rate-limit';

/** A clock the test moves by hand, from the first millisecond of a minute. */
function clock(start = 28_333_334 * RATE_WINDOW_MS) {
  const c = { now: start, fn: () => c.now };
  return c;
}

describe('the allowances in the configuration', () => {
  it('default to 120 public reads, 10 wrong codes and 60 Open311 filings a minute', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      publicReadPerMinute: 120,
      codeAttemptsPerMinute: 10,
      open311PostPerMinute: 60,
    });
  });

  it('are read from RATE_LIMIT_*', () => {
    const c = loadConfig({
      RATE_LIMIT_PUBLIC_PER_MINUTE: '300',
      RATE_LIMIT_CODE_ATTEMPTS_PER_MINUTE: '5',
      RATE_LIMIT_OPEN311_POST_PER_MINUTE: '600',
    });
    expect(c.rateLimits).toEqual({
      publicReadPerMinute: 300,
      codeAttemptsPerMinute: 5,
      open311PostPerMinute: 600,
    });
  });

  it.each(['0', '-1', 'off', '1.5'])('cannot be turned off or made nonsense: %s stops the start', (value) => {
    expect(() => loadConfig({ RATE_LIMIT_CODE_ATTEMPTS_PER_MINUTE: value })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_PUBLIC_PER_MINUTE: value })).toThrow(/RATE_LIMIT_PUBLIC_PER_MINUTE/);
  });
});

describe('the client address a count belongs to', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2408:8207:1851:a0f0:1c2d:3e4f:5a6b:7c8d', '2408:8207:1851:a0f0::/64'],
    ['2408:8207:1851:a0f0::1', '2408:8207:1851:a0f0::/64'],
    ['2408:8207::1', '2408:8207:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s is counted as %s', (ip, expected) => {
    expect(clientAddress(ip)).toBe(expected);
  });

  it('two phones of one /64 share a count, another /64 has its own', () => {
    expect(clientAddress('2408:8207:1851:a0f0::1')).toBe(clientAddress('2408:8207:1851:a0f0:ffff::2'));
    expect(clientAddress('2408:8207:1851:a0f1::1')).not.toBe(clientAddress('2408:8207:1851:a0f0::1'));
  });
});

describe('routes that opt in', () => {
  let app: FastifyInstance;
  let db: TestDb;
  afterEach(async () => {
    await app.close();
    await db.cleanup();
  });

  const wrongCode = new AppError({ code: 'test.wrong_code', status: 403, title: { zh: '错', en: 'Wrong' } });
  const codeRule: RateLimitRule = {
    bucket: 'codes',
    limit: 'codeAttemptsPerMinute',
    key: byAddressAnd('id'),
    countOnly: (e) => e instanceof AppError && e.code === 'test.wrong_code',
  };

  async function build(c = clock()) {
    app = Fastify({ logger: false });
    db = await createTestDb();
    const limits = { ...RATE_LIMIT_DEFAULTS, publicReadPerMinute: 2, codeAttemptsPerMinute: 2 };
    registerRateLimit(app, { limits, counters: new DatabaseRateCounters(db.kysely, { now: c.fn }) });
    registerErrorHandling(app);
    app.get('/a', { config: { rateLimit: { bucket: 'a', limit: 'publicReadPerMinute' } } }, async () => 'a');
    app.get('/b', { config: { rateLimit: { bucket: 'b', limit: 'publicReadPerMinute' } } }, async () => 'b');
    app.get('/open', async () => 'open');
    app.post<{ Params: { id: string }; Body: { code: string } }>(
      '/votes/:id',
      { config: { rateLimit: codeRule } },
      async (request) => {
        if (request.body.code !== 'right') throw wrongCode;
        return 'ok';
      },
    );
    await app.ready();
    return c;
  }
  const get = (url: string, remoteAddress = '198.51.100.1') =>
    app.inject({ method: 'GET', url, remoteAddress });
  const guess = (id: string, code: string, remoteAddress = '198.51.100.1') =>
    app.inject({ method: 'POST', url: `/votes/${id}`, payload: { code }, remoteAddress });

  it('answers 429 request.rate_limited with Retry-After and the RateLimit headers', async () => {
    const c = await build();
    const ok = await get('/a');
    expect(ok.headers).toMatchObject({
      'ratelimit-limit': '2',
      'ratelimit-remaining': '1',
      'ratelimit-reset': '60',
    });
    await get('/a');
    c.now += 20_000;
    const refused = await get('/a');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers).toMatchObject({
      'retry-after': '40',
      'ratelimit-limit': '2',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '40',
    });
    expect(refused.json()).toMatchObject({ code: 'request.rate_limited', title: '请求过于频繁，请稍后再试' });
  });

  it('keeps two addresses and two buckets apart, and leaves routes without a limit alone', async () => {
    await build();
    for (let i = 0; i < 2; i++) await get('/a');
    expect((await get('/a')).statusCode).toBe(429);
    expect((await get('/a', '198.51.100.2')).statusCode).toBe(200);
    expect((await get('/b')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) {
      const open = await get('/open');
      expect(open.statusCode).toBe(200);
      expect(open.headers['ratelimit-limit']).toBeUndefined();
    }
  });

  it('counts wrong codes only, per address and vote, and lets right codes through after many', async () => {
    await build();
    for (let i = 0; i < 5; i++) expect((await guess('v1', 'right')).statusCode).toBe(200);
    expect((await guess('v1', 'x1')).statusCode).toBe(403);
    const last = await guess('v1', 'x2');
    expect(last.statusCode).toBe(403);
    expect(last.headers['ratelimit-remaining']).toBe('0');
    expect((await guess('v1', 'x3')).statusCode).toBe(429);
    expect((await guess('v1', 'right')).statusCode).toBe(429);
    expect((await guess('v2', 'right')).statusCode).toBe(200);
    expect((await guess('v1', 'right', '198.51.100.2')).statusCode).toBe(200);
  });

  it('counts wrong codes sent all at once before any of them is answered', async () => {
    await build();
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => guess('v1', `x${i}`)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([403, 403, 429, 429, 429, 429]);
  });
});
