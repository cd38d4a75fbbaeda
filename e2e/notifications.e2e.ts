import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PickFeature } from '../web/src/features/demands/mobile/pickPointMap';
import { interiorPoint, type Session } from './demands-flow.support';
import {
  type Api,
  apiSession,
  DEMO_PASSWORD,
  launchChromium,
  login,
  type RunningServer,
  screenshot,
  startServer,
} from './support';

// In-app messages (站内消息) in the browser: the resident `jumin` files through the API inside the
// grid of `wangge`; the community official `shequ` registers it and dispatches it to that grid with
// wangge as handler, through the API. On jumin's phone the bar's bell shows the unread count, the
// list shows 已派遣 first and bold, and a tap opens the demand and lowers the count. In the console
// wangge's bell opens the drawer with "a demand was assigned to you".

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const CATEGORY = 'property.water_power';

let server: RunningServer;
let browser: Browser;
let jumin: Api;
let shequ: Api;
let wangge: Session;
let demandId: string;
let unreadBefore: number;

const unreadOf = async (api: Api) =>
  (await api<{ count: number }>('GET', '/api/v1/notifications/unread-count')).count;

async function bellCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('notifications-bell').getAttribute('data-unread'));
}

beforeAll(async () => {
  // No deadline-reminder sweep here: the test counts the unread messages its own steps write
  // (reminders are tested in demands.reminders.service.int.test.ts).
  server = await startServer({ REMINDER_SWEEP_MINUTES: '0' });
  browser = await launchChromium();
  ({ api: jumin } = await apiSession(server.baseUrl, 'jumin'));
  ({ api: shequ } = await apiSession(server.baseUrl, 'shequ'));
  ({ session: wangge } = await apiSession<Session>(server.baseUrl, 'wangge'));
  const gridPath = wangge.assignments[0]?.scopePath ?? '';
  const [gridCode, communityCode] = gridPath.split('/').reverse();
  const grids = await shequ<{ features: PickFeature[] }>(
    'GET',
    `/api/v1/areas/geojson?parent=${communityCode}&level=grid`,
  );
  const grid = grids.features.find((f) => f.properties.code === gridCode);
  if (!grid) throw new Error(`grid ${gridCode} of wangge not drawn`);
  const [lng, lat] = interiorPoint(grid);

  unreadBefore = await unreadOf(jumin);
  const filed = await jumin<{ id: string }>('POST', '/api/v1/demands', {
    categoryCode: CATEGORY,
    description: '单元门口水管漏水，地面结冰容易滑倒。',
    channel: 'mobile',
    location: { lng, lat },
    reporterPhone: '13905431234',
  });
  demandId = filed.id;
  await shequ('POST', `/api/v1/demands/${demandId}/actions`, { action: 'register', photos: [] });
  await shequ('POST', `/api/v1/demands/${demandId}/actions`, {
    action: 'dispatch',
    responsible: { kind: 'grid', ref: gridCode },
    handlerUserId: wangge.user.id,
    photos: [],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('in-app messages', () => {
  it('the resident’s phone shows the badge, 已派遣 bold on top, and a tap opens the demand and lowers the badge', async () => {
    expect(await unreadOf(jumin)).toBe(unreadBefore + 2);
    const context = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/m/demands`);
    await page.waitForURL((url) => url.pathname === '/login', { timeout: 20_000 });
    await page.getByTestId('login-username').fill('jumin');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('demands-mobile-mine').waitFor({ timeout: 20_000 });
    await expect.poll(() => bellCount(page), { timeout: 10_000 }).toBe(unreadBefore + 2);
    expect(await page.getByTestId('notifications-bell').textContent()).toContain(String(unreadBefore + 2));

    await page.getByTestId('notifications-bell').click();
    await page.waitForURL((url) => url.pathname === '/m/notifications', { timeout: 10_000 });
    const first = page.getByTestId('notification-item').first();
    await first.waitFor({ timeout: 20_000 });
    expect(await first.getAttribute('data-kind')).toBe('demand.dispatched');
    expect(await first.getAttribute('data-unread')).toBe('true');
    const title = first.getByTestId('notification-title');
    expect(await title.textContent()).toBe('诉求已派遣');
    expect(Number(await title.evaluate((el) => getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(600);
    expect(await first.textContent()).toContain('已派遣至');
    await screenshot(page, 'notifications-mobile');

    await first.click();
    await page.waitForURL((url) => url.pathname === `/m/demands/${demandId}`, { timeout: 10_000 });
    await page.getByTestId('demands-mobile-follow').waitFor({ timeout: 20_000 });
    await expect.poll(() => bellCount(page), { timeout: 10_000 }).toBe(unreadBefore + 1);
    expect(await unreadOf(jumin)).toBe(unreadBefore + 1);
    await context.close();
  }, 120_000);

  it('the handler’s console bell opens the drawer with the assignment', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    await login(page, server.baseUrl, 'wangge');
    const bell = page.getByTestId('notifications-bell');
    await expect.poll(() => bellCount(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await bell.click();
    const drawer = page.getByTestId('notifications-drawer');
    const item = drawer.locator('[data-testid="notification-item"][data-kind="demand.assigned"]').first();
    await item.waitFor({ timeout: 20_000 });
    expect(await item.textContent()).toContain('有诉求派给您办理');
    expect(await item.textContent()).not.toContain('13905431234');
    // The drawer slides in: the picture is taken once it has come to rest (the unread dot pulses on).
    await page.waitForFunction(
      () => document.getAnimations().every((a) => a.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 10_000 },
    );
    await screenshot(page, 'notifications-console');

    const before = await bellCount(page);
    await item.click();
    await page.waitForURL((url) => url.pathname === `/demands/${demandId}`, { timeout: 10_000 });
    await expect.poll(() => bellCount(page), { timeout: 10_000 }).toBe(before - 1);
    await context.close();
  }, 120_000);
});
