import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLedgerWorkbook, ledgerIdNumber } from '../src/modules/people/people.ledger.fixtures';
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

/** A household of the signed-in official's street, found through the area API as the console finds it. */
async function firstHouseholdOfScope(page: Page): Promise<string> {
  const get = async (path: string) => {
    const res = await page.request.get(`${server.baseUrl}${path}`);
    expect(res.ok()).toBe(true);
    return res.json();
  };
  const tree = await get('/api/v1/areas/tree?depth=1');
  let code: string = tree.roots[0].code;
  expect(code).toBe('371602001');
  for (;;) {
    const { items } = await get(`/api/v1/areas/nodes/${code}/children?limit=5`);
    const next = items.find(
      (i: { hasChildren: boolean; level: string }) => i.hasChildren || i.level === 'household',
    );
    if (!next) throw new Error(`no way down from ${code}`);
    code = next.code;
    if (next.level === 'household') return code;
  }
}

describe('importing a residents ledger in Chromium', () => {
  it('市中街道’s official uploads a small ledger, sees a clean preview, imports it and finds the residents', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'shizhong');
    const household = await firstHouseholdOfScope(page);
    // Numbers from another province and a sequence of this run, so they clash with no demo resident.
    const seq = Date.now() % 100_000;
    const file = await buildLedgerWorkbook({
      kind: 'residents',
      rows: [
        {
          户编码: household,
          姓名: '导入测试甲',
          身份证号: ledgerIdNumber(seq, '110105'),
          与户主关系: '户主',
          人口类型: '户籍',
          联系电话: '13905431234',
        },
        {
          户编码: household,
          姓名: '导入测试乙',
          身份证号: ledgerIdNumber(seq + 1, '110105'),
          与户主关系: '配偶',
          人口类型: '户籍',
        },
      ],
    });

    await page.goto(`${server.baseUrl}/people/import`);
    await page.getByTestId('import-wizard').waitFor();
    await page.getByTestId('import-kind-residents').click();
    await page.getByTestId('import-next').click();
    expect(await page.getByTestId('import-template-link').getAttribute('href')).toBe(
      '/api/v1/people/imports/residents/template.xlsx',
    );
    await page.getByTestId('import-next').click();
    await page.locator('[data-testid=import-upload] input[type=file]').setInputFiles({
      name: '居民台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByTestId('import-preview-clean').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-summary').textContent()).toContain('2');
    expect(await page.getByTestId('import-problems').count()).toBe(0);
    expect(await page.getByTestId('import-commit').isEnabled()).toBe(true);
    // antd fades the button from disabled to enabled; the screenshot should show where it ends.
    await page.waitForTimeout(500);
    await screenshot(page, 'people-import-preview');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('import-result').textContent()).toContain('2');
    await page.waitForTimeout(500);
    await screenshot(page, 'people-import-done');

    // The residents ledger (another engineer's page) lists them under their street.
    await page.getByTestId('import-view-residents').click();
    await page.getByTestId('resident-list-page').waitFor();
    await page.getByTestId('people-filter-name').fill('导入测试');
    await page.getByTestId('people-filter-submit').click();
    await page.locator('[data-testid=people-table]', { hasText: '导入测试乙' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=people-table]').textContent()).toContain('导入测试甲');
    await page.close();
  });

  it('a preview with a bad row lists it by row and column and keeps the import button disabled', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'shizhong');
    const file = await buildLedgerWorkbook({
      kind: 'residents',
      // 市西街道's household: unknown to 市中街道's official.
      rows: [
        {
          户编码: '37160200200100101001010101',
          姓名: '越界',
          性别: '女',
          与户主关系: '户主',
          人口类型: '户籍',
        },
      ],
    });
    await page.goto(`${server.baseUrl}/people/import?kind=residents`);
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-next').click();
    await page.locator('[data-testid=import-upload] input[type=file]').setInputFiles({
      name: 'bad.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByTestId('import-problem-0').waitFor({ timeout: 20_000 });
    const problem = await page.getByTestId('import-problem-0').textContent();
    expect(problem).toContain('2');
    expect(problem).toContain('户编码');
    expect(problem).toContain('不在您的管辖范围内');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await screenshot(page, 'people-import-problems');
    await page.close();
  });

  it('the talent ledger shows its counts per community of the street', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'shizhong');
    await page.goto(`${server.baseUrl}/people/talents`);
    await page.getByTestId('talent-ledger-page').waitFor();
    await page.locator('[data-testid=talent-stats][data-area="371602001"]').waitFor({ timeout: 20_000 });
    const total = Number(await page.getByTestId('talent-stats-total').getAttribute('data-count'));
    const api = await (await page.request.get(`${server.baseUrl}/api/v1/people/talents/stats`)).json();
    expect(total).toBe(api.total);
    expect(await page.getByTestId('talent-stats-children').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'people-talents');
    await page.close();
  });
});
