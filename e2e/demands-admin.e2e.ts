import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, type RunningServer, screenshot, startServer } from './support';

// The demands admin pages in Chromium as the city admin `admin`: the catalogue tree with the limits
// in force, a new version of a category's limit (the old version kept in its history), and the
// working calendar of 2026 with National Day (国庆节) marked as days off and its make-up Sunday.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer({ DEMO_PEOPLE: 'off' });
  browser = await launchBrowser();
  page = await browser.newPage();
  await login(page, server.baseUrl, 'admin');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The <input> of an antd InputNumber carrying `testId` (on the input or on its wrapper). */
const numberInput = (p: Page, testId: string) =>
  p.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

describe('demands admin', () => {
  it('edits a category’s limit: version 2 appears, version 1 stays in the history', async () => {
    await page.goto(`${server.baseUrl}/demands/admin/categories`);
    const row = page.getByTestId('category-row-consultation');
    await row.waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('category-limit-consultation').textContent()).resolves.toContain('1');
    await expect(page.getByTestId('category-version-tag-consultation').textContent()).resolves.toContain('1');

    await row.click();
    const form = page.getByTestId('category-terms-form');
    await form.waitFor();
    const limit = numberInput(page, 'terms-limit');
    await limit.fill('2');
    await page.getByTestId('terms-note').fill('咨询类诉求办理时限调整为 2 个工作日');
    await page.getByTestId('category-save-version').click();

    const history = page.getByTestId('category-history');
    await history.waitFor();
    await page.getByTestId('category-version-2').waitFor();
    await expect(page.getByTestId('category-version-1').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('category-version-2').textContent()).resolves.toContain('2 个工作日');
    await expect(page.getByTestId('category-version-1').textContent()).resolves.toContain('1 个工作日');
    await screenshot(page, 'demands-catalogue');

    await page.keyboard.press('Escape');
    await page.getByTestId('category-drawer').waitFor({ state: 'hidden' });
    await page
      .getByTestId('category-version-tag-consultation')
      .filter({ hasText: '2' })
      .waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('category-limit-consultation').textContent()).resolves.toBe('2 个工作日');
  });

  it('shows 国庆节 2026 on the working calendar', async () => {
    await page.goto(`${server.baseUrl}/demands/admin/calendar?year=2026`);
    const national = page.getByTestId('day-2026-10-01');
    await national.waitFor({ timeout: 20_000 });
    await page.getByTestId('festival-国庆节').waitFor();
    await expect(national.getAttribute('data-state')).resolves.toBe('holiday');
    await expect(national.getAttribute('aria-label')).resolves.toBe('2026-10-01 国庆节');
    await expect(page.getByTestId('day-2026-09-20').getAttribute('data-state')).resolves.toBe('makeup');
    await expect(page.getByTestId('day-2026-10-12').getAttribute('data-state')).resolves.toBe('workday');
    await expect(page.getByTestId('festival-国庆节').textContent()).resolves.toContain('10-01');
    await expect(page.getByTestId('calendar-summary').textContent()).resolves.toContain('09:00');
    await screenshot(page, 'demands-calendar');
  });

  it('opens the settings with the default weights and the handling units', async () => {
    await page.goto(`${server.baseUrl}/demands/admin/settings`);
    await page.getByTestId('settings-form').waitFor({ timeout: 20_000 });
    expect(Number(await numberInput(page, 'weight-resolution').inputValue())).toBe(0.5);
    await expect(page.getByTestId('weight-sum').textContent()).resolves.toContain('1');
    await page.getByTestId('demands-admin-nav').getByText('承办单位').click();
    await page.getByTestId('unit-table').waitFor();
    await page.getByTestId('create-unit').click();
    await page.getByTestId('unit-form').waitFor();
    await screenshot(page, 'demands-units');
  });
});
