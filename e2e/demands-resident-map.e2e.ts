import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiAs,
  DEMO_PASSWORD,
  launchChromium,
  type RunningServer,
  screenshot,
  startServer,
} from './support';

// A resident (jumin: demands.create over the whole city, no areas.read) files on the phone and
// places the problem on the public grid map (grid regulation art. 6): they choose 市中街道 and its
// first community, that community's grids are drawn, and a tap inside one names the grid.

type Streets = { items: { code: string; name: string; communities: { code: string; name: string }[] }[] };
type Grids = { features: { properties: { code: string; name: string; communityName: string } }[] };

let server: RunningServer;
let browser: Browser;
let jumin: Api;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  jumin = await apiAs(server.baseUrl, 'jumin');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a resident’s map on the filing page', () => {
  it('draws the grids of a chosen community and names the grid tapped', async () => {
    const streets = await jumin<Streets>('GET', '/api/v1/demands/places/streets');
    const street = streets.items.find((item) => item.name === '市中街道');
    const community = street?.communities[0];
    if (!street || !community) throw new Error('市中街道 or its first community is missing');
    const grids = await jumin<Grids>('GET', `/api/v1/demands/places/grids?areaCode=${community.code}`);
    expect(grids.features.length).toBeGreaterThan(0);
    const names = grids.features.map((feature) => feature.properties.name);

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/m/demands/new`);
    await page.waitForURL((url) => url.pathname === '/login', { timeout: 20_000 });
    await page.getByTestId('login-username').fill('jumin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/m/demands/new', { timeout: 20_000 });
    await page.getByTestId('demands-mobile-new').waitFor();

    // No map before a place is chosen; then 市中街道 → its first community.
    await page.locator('[data-testid="place-street"]:not([disabled])').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('demand-pick-map').count()).toBe(0);
    await page.getByTestId('place-street').selectOption({ label: '市中街道' });
    await page.getByTestId('place-community').selectOption(community.code);

    const map = page.locator('[data-testid="demand-pick-map"][data-ready="true"]');
    await map.waitFor({ timeout: 20_000 });
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no box');
    // The middle of the community's grids.
    await map.tap({ position: { x: box.width / 2, y: box.height / 2 } });
    const picked = page.getByTestId('intake-point');
    await picked.waitFor({ timeout: 10_000 });
    const text = (await picked.textContent()) ?? '';
    // The grid's name, then the point's coordinates.
    const name = names.find((candidate) => text.startsWith(`已选位置：${candidate}`));
    expect(name, text).toBeDefined();
    await screenshot(page, 'demands-mobile-map');
    await context.close();
  }, 90_000);
});
