import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../server/testing';
import { buildRatesSet, COMMUNITY_A, GRID_A1, GRID_A2, getJson, MARCH } from './demands.rates.fixtures';
import type { RankingView, RateDemandsView, RatesView, TrendView } from './demands.rates.schemas';

// The monthly ranking, the trend and who may see what, on the hand-computed set of
// demands.rates.fixtures.ts. Community composites in March: B 1 (D8 only), A .792; in February A
// had D11 (all good) and B nothing.

let t: TestApp;
let admin: Session;
let ids: Record<string, string>;
let companyP: string;

const get = <T>(session: Session | null, path: string, q: Record<string, string> = {}) =>
  getJson<T>(t, session, path, q);

beforeAll(async () => {
  ({ t, admin, ids, companyP } = await buildRatesSet());
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the monthly ranking', () => {
  it('ranks the communities of the district by composite, with the move since February', async () => {
    const { status, body } = await get<RankingView>(admin, '/api/v1/demands/rates/ranking', {
      month: '2025-03',
      level: 'community',
      areaCode: '371602',
    });
    expect(status).toBe(200);
    expect(body.period).toEqual(MARCH);
    expect(body.target).toBe(0.95);
    expect(body.rows.map((r) => [r.key, r.rank, r.previousRank, r.change])).toEqual([
      ['371602002001', 1, null, null],
      [COMMUNITY_A, 2, 1, -1],
    ]);
    expect(body.rows[1]?.figures.composite).toBeCloseTo(0.792, 12);
    expect(body.rows[1]?.parentName).toBe('市中街道');
  });

  it('breaks equal composites by more demands first and lists places without a denominator last', async () => {
    const { body } = await get<RankingView>(admin, '/api/v1/demands/rates/ranking', {
      month: '2025-03',
      level: 'grid',
      areaCode: '371602',
    });
    // A2 and B1 both score 1; A2 has 3 demands (D4 D5 D7), B1 one. B2 has none: unranked.
    expect(body.rows.map((r) => [r.key, r.rank])).toEqual([
      [GRID_A2, 1],
      ['371602002001001', 2],
      [GRID_A1, 3],
      ['371602002001002', null],
    ]);
  });

  it('ranks property companies', async () => {
    const { body } = await get<RankingView>(admin, '/api/v1/demands/rates/ranking', {
      month: '2025-03',
      level: 'property_company',
    });
    expect(body.rows.map((r) => [r.key, r.name, r.rank, r.figures.denominator])).toEqual([
      [companyP, '滨城物业', 1, 3],
    ]);
  });

  it('exports the ranking as Excel with the period and settings on top', async () => {
    const res = await t.request(admin, {
      method: 'GET',
      url: '/api/v1/demands/rates/ranking.xlsx?month=2025-03&level=community&areaCode=371602',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('demands-ranking-community-2025-03.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain('滨城区');
    expect(String(ws.getCell('A2').value)).toContain('2025-03-01 至 2025-03-31');
    expect(String(ws.getCell('A3').value)).toContain('响应率×0.1');
    expect(ws.getRow(5).values).toContain('综合得分');
    expect(ws.getRow(6).getCell(2).value).toBe('371602002001');
    expect(ws.getRow(7).getCell(1).value).toBe(2);
    expect(ws.getRow(7).getCell(15).value).toBeCloseTo(0.792, 12);
  });
});

describe('the monthly trend', () => {
  it('gives community A one figure per month, each month its own demands', async () => {
    const { body } = await get<TrendView>(admin, '/api/v1/demands/rates/trend', {
      areaCode: COMMUNITY_A,
      months: '36',
    });
    expect(body.months).toHaveLength(36);
    const month = (m: string) => body.months.find((x) => x.month === m)?.figures;
    expect(month('2025-02')?.demands).toBe(1);
    expect(month('2025-03')?.composite).toBeCloseTo(0.792, 12);
    expect(month('2025-04')?.unsatisfied).toBe(1);
    expect(body.months.at(-1)!.month > body.months[0]!.month).toBe(true);
  });
});

describe('who may see which rates', () => {
  it('a street A official asking for street B gets 404 on every rates route', async () => {
    const streetA = await t.login('streetA');
    for (const [path, q] of [
      ['/api/v1/demands/rates', {}],
      ['/api/v1/demands/rates/demands', { figure: 'demands' }],
      ['/api/v1/demands/rates/ranking', { month: '2025-03' }],
      ['/api/v1/demands/rates/ranking.xlsx', { month: '2025-03' }],
      ['/api/v1/demands/rates/trend', {}],
    ] as const) {
      const res = await t.request(streetA, {
        method: 'GET',
        url: `${path}?${new URLSearchParams({ ...q, areaCode: '371602002' })}`,
      });
      expect([path, res.statusCode]).toEqual([path, 404]);
    }
  });

  it('a street A official sees street A by default and nothing of street B in any grouping', async () => {
    const streetA = await t.login('streetA');
    const rates = await get<RatesView>(streetA, '/api/v1/demands/rates', MARCH);
    expect(rates.body.place).toMatchObject({ code: '371602001', level: 'street' });
    expect(rates.body.total.demands).toBe(8);
    const byGrid = await get<RatesView>(streetA, '/api/v1/demands/rates', { ...MARCH, by: 'grid' });
    expect(byGrid.body.rows.map((r) => r.key)).toEqual([GRID_A1, GRID_A2]);
    const ranking = await get<RankingView>(streetA, '/api/v1/demands/rates/ranking', {
      month: '2025-03',
      level: 'community',
    });
    expect(ranking.body.rows.map((r) => r.key)).toEqual([COMMUNITY_A]);
    const all = await get<RateDemandsView>(streetA, '/api/v1/demands/rates/demands', {
      ...MARCH,
      figure: 'demands',
      limit: '200',
    });
    expect(all.body.items.map((i) => i.id)).not.toContain(ids.D8);
  });

  it('a grid worker sees only their grid', async () => {
    const gw1 = await t.login('gw1');
    const rates = await get<RatesView>(gw1, '/api/v1/demands/rates', MARCH);
    expect(rates.body.place).toMatchObject({ code: GRID_A1, level: 'grid' });
    expect(rates.body.total.demands).toBe(5);
    const behind = await get<RateDemandsView>(gw1, '/api/v1/demands/rates/demands', {
      ...MARCH,
      figure: 'demands',
      limit: '200',
    });
    expect(behind.body.items.map((i) => i.id).sort()).toEqual(
      ['D1', 'D2', 'D3', 'D6', 'D9'].map((k) => ids[k]!).sort(),
    );
    const community = await get(gw1, '/api/v1/demands/rates', { ...MARCH, areaCode: COMMUNITY_A });
    expect(community.status).toBe(404);
  });

  it('without demands.read anywhere the rates are 403, and without signing in 401', async () => {
    const resident = await t.login('resident');
    expect((await get(resident, '/api/v1/demands/rates')).status).toBe(403);
    expect((await get(resident, '/api/v1/demands/rates/ranking')).status).toBe(403);
    expect((await get(null, '/api/v1/demands/rates')).status).toBe(401);
  });
});
