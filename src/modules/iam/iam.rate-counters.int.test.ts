import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing';
import { DatabaseRateCounters, RATE_WINDOW_MS } from './iam.rate-counters';

const MINUTE = RATE_WINDOW_MS;
/** The first millisecond of a minute. */
const MINUTE_START = 28_333_334 * MINUTE;

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.cleanup();
});
beforeEach(async () => {
  await db.kysely.deleteFrom('rateLimitWindows').execute();
});

/** Counters on a clock the test moves by hand. */
function counters(start = MINUTE_START) {
  const c = { now: start };
  return { c, counters: new DatabaseRateCounters(db.kysely, { now: () => c.now }) };
}

describe('rate-limit counters in the database', () => {
  it('let exactly max requests of a minute through and refuse the next one', async () => {
    const { counters: k } = counters();
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await k.hit('a', 3));
    expect(hits.map((h) => h.allowed)).toEqual([true, true, true, false]);
    expect(hits.map((h) => h.remaining)).toEqual([2, 1, 0, 0]);
    expect(hits[3]).toMatchObject({ limit: 3, resetInMs: MINUTE });
  });

  it('still refuse in the last millisecond of the minute and let through in the first of the next', async () => {
    const { c, counters: k } = counters();
    for (let i = 0; i < 3; i++) await k.hit('a', 3);
    c.now += MINUTE - 1;
    expect(await k.hit('a', 3)).toMatchObject({ allowed: false, resetInMs: 1 });
    c.now += 1;
    expect(await k.hit('a', 3)).toMatchObject({ allowed: true, remaining: 2, resetInMs: MINUTE });
  });

  it('count each key apart', async () => {
    const { counters: k } = counters();
    for (let i = 0; i < 3; i++) await k.hit('public-read:1.2.3.4', 3);
    expect((await k.hit('public-read:1.2.3.4', 3)).allowed).toBe(false);
    expect((await k.hit('public-read:5.6.7.8', 3)).allowed).toBe(true);
    expect((await k.hit('open311-read:1.2.3.4', 3)).allowed).toBe(true);
  });

  it('take back a refunded request only within the same minute', async () => {
    const { c, counters: k } = counters();
    const first = await k.hit('a', 3);
    await k.hit('a', 3);
    await k.refund('a', first.windowNo);
    expect((await k.hit('a', 3)).remaining).toBe(1);
    c.now += MINUTE;
    const fresh = await k.hit('a', 3);
    await k.refund('a', first.windowNo);
    expect((await k.hit('a', 3)).remaining).toBe(fresh.remaining - 1);
  });

  it('count requests that arrive at once without letting more than max through', async () => {
    const { counters: k } = counters();
    const hits = await Promise.all(Array.from({ length: 10 }, () => k.hit('burst', 3)));
    expect(hits.filter((h) => h.allowed)).toHaveLength(3);
  });

  it('are shared by two server processes counting the same key', async () => {
    const one = counters();
    const two = new DatabaseRateCounters(db.kysely, { now: () => one.c.now });
    await one.counters.hit('shared', 2);
    await two.hit('shared', 2);
    expect((await one.counters.hit('shared', 2)).allowed).toBe(false);
  });

  it('sweep past minutes, so that a minute of many callers leaves nothing behind', async () => {
    const { c, counters: k } = counters();
    for (let i = 0; i < 200; i++) await k.hit(`ip:${i}`, 3);
    c.now += MINUTE;
    await k.hit('ip:late', 3);
    const rows = await db.kysely.selectFrom('rateLimitWindows').select('key').execute();
    expect(rows.map((r) => r.key)).toEqual(['ip:late']);
  });
});
