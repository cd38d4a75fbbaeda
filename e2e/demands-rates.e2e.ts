import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiAs,
  launchBrowser,
  login,
  type RunningServer,
  screenshot,
  startServer,
} from './support';

// The three rates and the monthly ranking in Chromium as `shizhong` (street official of 市中街道).
// Whatever demands the demo city has, the test files four of its own in one grid of the street
// through the API this month and walks them to the end (one not contacted in time, one 基本满意),
// so that the current month's figures exist: it sees the three rates, opens the demands behind
// 及时响应, and opens the ranking of the street's communities.

const STREET = '371602001';
let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const filed: string[] = [];

type Area = { code: string; level: string };

/** Files a demand in `gridCode` and takes it through to the resident's rating. */
async function fileAndWalk(
  api: Api,
  opts: { categoryCode: string; gridCode: string; contact: boolean; rating: string; resolved: boolean },
) {
  const d = await api<{ id: string }>('POST', '/api/v1/demands', {
    categoryCode: opts.categoryCode,
    description: '浏览器测试：小区路灯不亮，晚上出行不便',
    channel: 'hotline',
    areaCode: opts.gridCode,
    reporterName: '测试居民',
    reporterPhone: '13912345678',
  });
  filed.push(d.id);
  const act = (body: Record<string, unknown>) => api('POST', `/api/v1/demands/${d.id}/actions`, body);
  await act({ action: 'register' });
  const options = await api<{
    suggested: { kind: string; ref: string } | null;
    options: { kind: string; ref: string }[];
  }>('GET', `/api/v1/demands/${d.id}/responsible-options`);
  const party = options.suggested ?? options.options[0];
  await act({ action: 'dispatch', responsible: { kind: party?.kind, ref: party?.ref } });
  await act({ action: 'accept' });
  if (opts.contact) await act({ action: 'contact' });
  await act({ action: 'reply', note: '已更换灯泡' });
  await act({ action: 'verify_pass' });
  await act({ action: 'close' });
  await act({ action: 'rate', rating: opts.rating, resolved: opts.resolved });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const api = await apiAs(server.baseUrl, 'shizhong');
  const categories = await api<{ items: { code: string; parentCode: string | null; active: boolean }[] }>(
    'GET',
    '/api/v1/demands/categories',
  );
  const category = categories.items.find((c) => c.parentCode !== null && c.active) ?? categories.items[0];
  if (!category) throw new Error('no demand category');
  const communities = await api<{ items: Area[] }>('GET', `/api/v1/areas/nodes/${STREET}/children?limit=500`);
  const community = communities.items.find((a) => a.level === 'community');
  if (!community) throw new Error('no community in 市中街道');
  const grids = await api<{ items: Area[] }>(
    'GET',
    `/api/v1/areas/nodes/${community.code}/children?limit=500`,
  );
  const grid = grids.items.find((a) => a.level === 'grid');
  if (!grid) throw new Error(`no grid in ${community.code}`);
  const base = { categoryCode: category.code, gridCode: grid.code };
  await fileAndWalk(api, { ...base, contact: true, rating: 'satisfied', resolved: true });
  await fileAndWalk(api, { ...base, contact: true, rating: 'satisfied', resolved: true });
  await fileAndWalk(api, { ...base, contact: true, rating: 'basic', resolved: true });
  await fileAndWalk(api, { ...base, contact: false, rating: 'unsatisfied', resolved: false });
  page = await browser.newPage();
  await login(page, server.baseUrl, 'shizhong');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the three rates and the ranking in the console', () => {
  it('shows the three rates of 市中街道 and the demands behind 及时响应', async () => {
    await page.goto(`${server.baseUrl}/demands/rates`);
    await page.getByTestId('rates-page').waitFor();
    await expect
      .poll(() => page.getByTestId('rates-place-name').textContent(), { timeout: 20_000 })
      .toBe('市中街道');
    for (const part of ['response', 'resolution', 'satisfaction'])
      expect(await page.getByTestId(`rate-value-${part}`).textContent()).toMatch(/\d+\.\d%/);
    await page.locator('[data-testid="rates-trend-chart"][data-ready="true"]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid^="rates-row-"]').first().waitFor();
    await screenshot(page, 'demands-rates');

    const responded = Number(await page.getByTestId('figure-responded').textContent());
    expect(responded).toBeGreaterThanOrEqual(3);
    await page.getByTestId('figure-responded').click();
    const drawer = page.getByTestId('figure-drawer');
    await drawer.locator('[data-testid^="figure-demand-link-"]').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('figure-total').textContent()).toContain(String(responded));
    // The one demand not contacted is not behind 及时响应; the first one filed is (if on the first page).
    const notContacted = filed[3]!;
    expect(await drawer.getByTestId(`figure-demand-${notContacted}`).count()).toBe(0);
    if (responded <= 20) expect(await drawer.getByTestId(`figure-demand-${filed[0]}`).count()).toBe(1);
    await screenshot(page, 'demands-rates-drawer');
    await drawer.locator('[data-testid^="figure-demand-link-"]').first().click();
    await page.waitForURL(/\/demands\/[^/]+$/);
  });

  it('ranks the communities of the street this month, with the Excel download', async () => {
    await page.goto(`${server.baseUrl}/demands/rates`);
    await page.getByTestId('rates-nav-ranking').click();
    await page.getByTestId('ranking-page').waitFor();
    const first = page.locator('[data-testid^="ranking-row-"][data-rank="1"]');
    await first.waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid^="ranking-row-"]').count()).toBeGreaterThanOrEqual(1);
    const href = await page.getByTestId('ranking-export').getAttribute('href');
    expect(href).toContain('/api/v1/demands/rates/ranking.xlsx');
    const res = await page.request.get(`${server.baseUrl}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    await screenshot(page, 'demands-ranking');
  });
});
