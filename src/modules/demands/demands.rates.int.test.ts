import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../server/testing';
import { buildRatesSet, COMMUNITY_A, getJson, MARCH } from './demands.rates.fixtures';
import type { RateDemandsView, RatesView } from './demands.rates.schemas';

// The three rates, their drill-down and the settings on the hand-computed set of
// demands.rates.fixtures.ts (read its header for the set and the expected figures).

let t: TestApp;
let admin: Session;
let gw2Id: string;
let companyP: string;
let ids: Record<string, string>;

const url = (path: string, q: Record<string, string>) => `${path}?${new URLSearchParams(q)}`;
const get = <T>(session: Session, path: string, q: Record<string, string> = {}) =>
  getJson<T>(t, session, path, q);

beforeAll(async () => {
  ({ t, admin, ids, gw2Id, companyP } = await buildRatesSet());
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the three rates of a place (Beijing art. 32)', () => {
  it('gives community A its hand-computed rates for March', async () => {
    const { status, body } = await get<RatesView>(admin, '/api/v1/demands/rates', {
      areaCode: COMMUNITY_A,
      ...MARCH,
    });
    expect(status).toBe(200);
    expect(body.place).toEqual({ code: COMMUNITY_A, name: '市中社区', level: 'community' });
    expect(body.period).toEqual(MARCH);
    expect(body.settings).toEqual({
      weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 },
      basicFactor: 0.9,
      denominator: 'callback',
    });
    const f = body.total;
    expect([f.demands, f.denominator, f.responded, f.resolved, f.satisfied, f.basic, f.unsatisfied]).toEqual([
      8, 5, 4, 4, 3, 1, 1,
    ]);
    expect(f.responseRate).toBeCloseTo(0.8, 12);
    expect(f.resolutionRate).toBeCloseTo(0.8, 12);
    expect(f.satisfactionRate).toBeCloseTo(0.78, 12);
    expect(f.composite).toBeCloseTo(0.792, 12);
    // Its children are the two grids: A1 has D1 D2 D3 D6 D9, A2 has D4 D5 D7.
    expect(body.rows.map((r) => [r.key, r.figures.demands, r.figures.denominator])).toEqual([
      ['371602001001001', 5, 4],
      ['371602001001002', 3, 1],
    ]);
    expect(body.rows[0]?.figures.composite).toBeCloseTo(0.1 * 0.75 + 0.5 * 0.75 + 0.4 * (2.9 / 4), 12);
  });

  it('gives street A the same figures with its community as the one child, and the district both streets', async () => {
    const street = await get<RatesView>(admin, '/api/v1/demands/rates', { areaCode: '371602001', ...MARCH });
    expect(street.body.total.composite).toBeCloseTo(0.792, 12);
    expect(street.body.rows.map((r) => [r.key, r.level, r.figures.demands])).toEqual([
      [COMMUNITY_A, 'community', 8],
    ]);
    const district = await get<RatesView>(admin, '/api/v1/demands/rates', { areaCode: '371602', ...MARCH });
    expect(district.body.rows.map((r) => [r.key, r.figures.demands, r.figures.denominator])).toEqual([
      ['371602001', 8, 5],
      ['371602002', 1, 1],
    ]);
    expect(district.body.total.demands).toBe(9);
  });

  it('gives the property company its own rates over the demands dispatched to it', async () => {
    const { body } = await get<RatesView>(admin, '/api/v1/demands/rates', {
      areaCode: '371602',
      by: 'property_company',
      ...MARCH,
    });
    expect(body.rows).toHaveLength(1);
    const p = body.rows[0]!;
    expect([p.key, p.name, p.figures.demands, p.figures.denominator, p.figures.responded]).toEqual([
      companyP,
      '滨城物业',
      3,
      3,
      2,
    ]);
    expect(p.figures.responseRate).toBeCloseTo(2 / 3, 12);
    expect(p.figures.satisfactionRate).toBeCloseTo(1.9 / 3, 12);
    expect(p.figures.composite).toBeCloseTo(0.1 * (2 / 3) + 0.5 * (2 / 3) + 0.4 * (1.9 / 3), 12);
  });

  it('gives a handler the rates of the demands they handled', async () => {
    const { body } = await get<RatesView>(admin, '/api/v1/demands/rates', {
      areaCode: COMMUNITY_A,
      by: 'handler',
      ...MARCH,
    });
    const gw2 = body.rows.find((r) => r.key === gw2Id);
    expect(gw2?.name).toBe('gw2');
    expect([gw2?.figures.demands, gw2?.figures.denominator, gw2?.figures.composite]).toEqual([2, 1, 1]);
  });

  it('puts a demand received at 23:59 China time on 31 March in March and one at 00:00 on 1 April in April', async () => {
    const inMarch = await get<RateDemandsView>(admin, '/api/v1/demands/rates/demands', {
      areaCode: COMMUNITY_A,
      ...MARCH,
      figure: 'demands',
      limit: '50',
    });
    const marchIds = inMarch.body.items.map((i) => i.id);
    expect(marchIds).toContain(ids.D9);
    expect(marchIds).not.toContain(ids.D10);
    const april = await get<RatesView>(admin, '/api/v1/demands/rates', {
      areaCode: COMMUNITY_A,
      from: '2025-04-01',
      to: '2025-04-30',
    });
    expect([april.body.total.demands, april.body.total.unsatisfied]).toEqual([1, 1]);
    const lastDay = await get<RatesView>(admin, '/api/v1/demands/rates', {
      areaCode: COMMUNITY_A,
      from: '2025-03-31',
      to: '2025-03-31',
    });
    expect(lastDay.body.total.demands).toBe(1);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await t.request(admin, {
      method: 'GET',
      url: url('/api/v1/demands/rates', { from: '2025-03-31', to: '2025-03-01' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'demands.invalid_period',
      errors: [{ field: 'to', in: 'query' }],
    });
  });
});

describe('the demands behind each figure', () => {
  const drill = async (q: Record<string, string>) =>
    (
      await get<RateDemandsView>(admin, '/api/v1/demands/rates/demands', {
        areaCode: COMMUNITY_A,
        ...MARCH,
        limit: '50',
        ...q,
      })
    ).body;
  const sorted = (keys: string[]) => keys.map((k) => ids[k]!).sort();

  it.each([
    ['demands', ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D9']],
    ['denominator', ['D1', 'D2', 'D3', 'D4', 'D9']],
    ['responded', ['D1', 'D2', 'D4', 'D9']],
    ['not_responded', ['D3']],
    ['resolved', ['D1', 'D2', 'D4', 'D9']],
    ['unresolved', ['D3']],
    ['satisfied', ['D1', 'D4', 'D9']],
    ['basic', ['D2']],
    ['unsatisfied', ['D3']],
  ])('%s lists exactly the demands counted', async (figure, keys) => {
    const body = await drill({ figure });
    expect(body.items.map((i) => i.id).sort()).toEqual(sorted(keys));
    expect(body.total).toBe(keys.length);
  });

  it("opens a row's figure: the company's denominator, grid A2's demands", async () => {
    const p = await drill({
      areaCode: '371602',
      by: 'property_company',
      groupKey: companyP,
      figure: 'denominator',
    });
    expect(p.items.map((i) => i.id).sort()).toEqual(sorted(['D1', 'D2', 'D3']));
    const a2 = await drill({ by: 'children', groupKey: '371602001001002', figure: 'demands' });
    expect(a2.items.map((i) => i.id).sort()).toEqual(sorted(['D4', 'D5', 'D7']));
    expect(a2.items[0]).toMatchObject({
      categoryName: { zh: expect.any(String) },
      flags: expect.any(Object),
    });
  });

  it('pages newest first', async () => {
    const first = await drill({ figure: 'demands', limit: '3' });
    expect(first.items.map((i) => i.id)).toEqual([ids.D9, ids.D7, ids.D6]);
    expect([first.total, first.nextCursor]).toEqual([8, '3']);
    const last = await drill({ figure: 'demands', limit: '3', cursor: '6' });
    expect(last.items.map((i) => i.id)).toEqual([ids.D2, ids.D1]);
    expect(last.nextCursor).toBeNull();
  });
});

describe('the settings change the figures', () => {
  it('weights, the 基本满意 factor and the closed denominator are all read from the settings', async () => {
    const put = await t.request(admin, {
      method: 'PUT',
      url: '/api/v1/demands/settings',
      body: {
        rates: {
          weights: { response: 0.2, resolution: 0.4, satisfaction: 0.4 },
          basicFactor: 0.5,
          denominator: 'closed',
        },
      },
    });
    expect(put.statusCode).toBe(200);
    const { body } = await get<RatesView>(admin, '/api/v1/demands/rates', {
      areaCode: COMMUNITY_A,
      ...MARCH,
    });
    // Under `closed` D5 (closed, not rated) joins: 6 over D1 D2 D3 D4 D5 D9; responded 5, resolved 4.
    const f = body.total;
    expect([f.denominator, f.responded, f.resolved, f.satisfied, f.basic]).toEqual([6, 5, 4, 3, 1]);
    expect(f.satisfactionRate).toBeCloseTo(3.5 / 6, 12);
    expect(f.composite).toBeCloseTo(0.2 * (5 / 6) + 0.4 * (4 / 6) + 0.4 * (3.5 / 6), 12);
    expect(body.settings.denominator).toBe('closed');
    const behind = await get<RateDemandsView>(admin, '/api/v1/demands/rates/demands', {
      areaCode: COMMUNITY_A,
      ...MARCH,
      figure: 'denominator',
    });
    expect(behind.body.items.map((i) => i.id)).toContain(ids.D5);
  });
});
