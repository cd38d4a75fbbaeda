import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, type RunningServer, screenshot, startServer } from './support';

let server: RunningServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits until ECharts has drawn the map of `code` (any place when not given). */
async function mapReady(page: Page, code?: string): Promise<void> {
  const pageOf = code ? `[data-testid=area-map-page][data-code="${code}"]` : '[data-testid=area-map-page]';
  await page.locator(`${pageOf} [data-testid=area-map][data-ready=true]`).waitFor({ timeout: 20_000 });
}

/** Drills into a child region through its link beside the map, and waits for the next map. */
async function drill(page: Page, code: string): Promise<void> {
  await page.getByTestId(`area-child-${code}`).click();
  await page.waitForURL((url) => url.searchParams.get('code') === code);
  await mapReady(page, code);
}

describe('the grid map and grid profiles in Chromium', () => {
  it('the city admin drills from 滨州市 down to a grid of 市中街道 and lands on its profile', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'admin');
    await page.goto(`${server.baseUrl}/areas/map`);
    await mapReady(page);
    expect(await page.getByTestId('area-map-current').textContent()).toBe('滨州市');
    const canvas = await page.locator('[data-testid=area-map] canvas').first().boundingBox();
    expect(canvas?.width).toBeGreaterThan(500);
    expect(canvas?.height).toBeGreaterThan(400);
    await screenshot(page, 'areas-map-city');

    await drill(page, '371602');
    expect(await page.getByTestId('area-map-current').textContent()).toBe('滨城区');
    await drill(page, '371602001');
    expect(await page.getByTestId('area-map-current').textContent()).toBe('市中街道');
    await screenshot(page, 'areas-map-street');

    await drill(page, '371602001001');
    await page.getByTestId('area-child-371602001001001').click();
    await page.waitForURL(`${server.baseUrl}/areas/grids/371602001001001`);
    await page.getByTestId('grid-profile').waitFor();
    await page.locator('[data-testid=grid-sketch][data-ready=true]').waitFor({ timeout: 20_000 });
    await page.getByTestId('grid-supervision-phone').waitFor();
    expect(await page.getByTestId('grid-public-link').getAttribute('href')).toBe('/m/grids/371602001001001');
    await screenshot(page, 'areas-grid-profile');
    await page.close();
  });

  it('a street official starts at 市中街道 and finds 市西街道 not found, with no map', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'shizhong');
    await page.goto(`${server.baseUrl}/areas/map`);
    await mapReady(page);
    expect(await page.getByTestId('area-map-current').textContent()).toBe('市中街道');
    // 滨城区 lies above this official's scope: shown in the breadcrumbs, but not as a link.
    expect(await page.getByTestId('area-crumb-371602').count()).toBe(0);

    await page.goto(`${server.baseUrl}/areas/map?code=371602002`);
    await page.getByTestId('area-not-found').waitFor();
    expect(await page.getByTestId('area-map').count()).toBe(0);
    await page.close();
  });

  it('the public page of a grid opens on a phone without signing in, with its supervision phone to call', async () => {
    // Nobody signed in: the earlier tests' session cookies are dropped.
    await browser.clearCookies();
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/m/grids/371602001001001`);
    await page.getByTestId('public-grid-name').waitFor({ timeout: 20_000 });
    expect(page.url()).toBe(`${server.baseUrl}/m/grids/371602001001001`);
    await page.getByText('监督电话').first().waitFor();
    const supervision = page.getByTestId('public-supervision-phone');
    expect(await supervision.getAttribute('href')).toMatch(/^tel:[\d+]+$/);
    expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(1);
    await page.locator('[data-testid=public-grid-sketch][data-ready=true]').waitFor({ timeout: 20_000 });
    await screenshot(page, 'public-grid-page');
    await page.close();
  });
});
