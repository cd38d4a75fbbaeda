import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../lib/field-crypto';
import { createTestApp, type Session, type TestApp } from '../server/testing';
import { loadDemoCity } from './city/index';
import { loadDemoPeople } from './jobs';

// The figures the report quotes, read back through the platform's own API from the records the demo
// generator wrote for one whole street (市中街道, 74 grids): nothing here sets a figure, the party
// and people modules compute them as they would for any city.
const STREET = '371602001';
const city = { onlyStreets: [STREET] };

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity({ db: t.db.kysely, options: city });
  // Records dated from today: the checklist is judged today, as the console judges it.
  const key = randomBytes(32);
  await loadDemoPeople({ db: t.db.kysely, cipher: createFieldCipher({ key }), key, city, atOnce: true });
  await t.createUser({ username: 'admin1', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  admin = await t.login('admin1');
}, 180_000);

afterAll(async () => {
  await t?.close();
});

const get = async (url: string) => {
  const res = await t.request(admin, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the demo street, measured by the platform', () => {
  it("has about 60% of its grid branches meeting the city's entity-operation checklist, as the report says", async () => {
    const body = await get(`/api/v1/party/entity-operation?area=${STREET}`);
    expect(body.rate.denominator).toBe(74);
    const share = body.rate.numerator / body.rate.denominator;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.75);
    // Each criterion fails somewhere: no secretary, too few members, no recent meeting, no place.
    for (const item of body.items) expect(item.met).toBeLessThan(74);
  });

  it('reaches most households through the four-level chain, but not every one', async () => {
    const body = await get(`/api/v1/party/reach?area=${STREET}`);
    const share = body.reached / body.households;
    expect(share).toBeGreaterThan(0.85);
    expect(share).toBeLessThan(1);
  });

  it('counts its talents per community, adding up to the street', async () => {
    const body = await get(`/api/v1/people/talents/stats?area=${STREET}`);
    // About 8 in 1,000 residents; the street has some 75,000.
    expect(body.total).toBeGreaterThan(400);
    expect(body.total).toBeLessThan(900);
    const sum = body.children.reduce((n: number, c: { count: number }) => n + c.count, 0);
    expect(sum + body.direct).toBe(body.total);
    expect(Object.values(body.byCategory).every((n) => (n as number) > 0)).toBe(true);
  });
});
