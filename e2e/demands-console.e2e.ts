import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, login, type RunningServer, screenshot, startServer } from './support';

// Demands (接诉即办) in the console, in Chromium as `shizhong` (市中街道's official, who both runs
// the inbox and handles): a hotline call filed on /demands/new at a grid of 市中街道 chosen in the
// area picker, found in the inbox, then registered, dispatched to the suggested party, accepted,
// contacted, replied, verified, closed and rated 满意 — each step on the demand page's timeline.

const STREET = '371602001';
let server: RunningServer;
let browser: BrowserContext;
let category: { code: string; parent: { code: string; name: string } | null; name: string };
let community: { code: string; name: string };
let grid: { code: string; name: string };

type CategoryView = {
  code: string;
  parentCode: string | null;
  name: { zh: string; en: string };
  active: boolean;
  sortOrder: number;
  attributes: { required: boolean }[];
};
type AreaSummary = { code: string; name: string; level: string; hasChildren: boolean };

const itemsOf = <T>(answer: T[] | { items: T[] }) => (Array.isArray(answer) ? answer : answer.items);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const api = await apiAs(server.baseUrl, 'shizhong');
  // A sub-category filed at a grid, asking nothing more (no required attributes).
  const categories = itemsOf(
    await api<CategoryView[] | { items: CategoryView[] }>('GET', '/api/v1/demands/categories'),
  );
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const leaf = categories
    .filter((c) => c.active && c.parentCode && !c.attributes.some((a) => a.required))
    .filter((c) => !categories.some((other) => other.parentCode === c.code))
    .sort((a, b) => a.sortOrder - b.sortOrder)[0];
  if (!leaf?.parentCode) throw new Error('no sub-category to file under');
  const parent = byCode.get(leaf.parentCode);
  category = {
    code: leaf.code,
    name: leaf.name.zh,
    parent: parent ? { code: parent.code, name: parent.name.zh } : null,
  };
  const communities = await api<{ items: AreaSummary[] }>(
    'GET',
    `/api/v1/areas/nodes/${STREET}/children?limit=50`,
  );
  const firstCommunity = communities.items.find((a) => a.level === 'community' && a.hasChildren);
  if (!firstCommunity) throw new Error('no community in 市中街道');
  community = firstCommunity;
  const grids = await api<{ items: AreaSummary[] }>(
    'GET',
    `/api/v1/areas/nodes/${community.code}/children?limit=50`,
  );
  const firstGrid = grids.items.find((a) => a.level === 'grid');
  if (!firstGrid) throw new Error(`no grid in ${community.name}`);
  grid = firstGrid;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Expands a node of the open area tree by its switcher (a click on the title would choose it). */
async function expandArea(page: Page, code: string) {
  const node = page.locator('.ant-select-tree-treenode', {
    has: page.getByTestId(`demand-area-option-${code}`),
  });
  await node.locator('.ant-select-tree-switcher').click();
}

/** Opens an action's dialog, lets `fill` answer it, submits, and waits for the demand's new state. */
async function act(page: Page, action: string, expectStatus: string, fill?: () => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.locator('.ant-modal:visible');
  await dialog.waitFor();
  if (fill) await fill();
  await page.getByTestId('action-submit').click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  await page.getByTestId(`timeline-${action}`).first().waitFor({ timeout: 15_000 });
  await page
    .locator(`[data-testid="demand-detail"][data-status="${expectStatus}"]`)
    .waitFor({ timeout: 15_000 });
}

const note = (page: Page, text: string) => () => page.getByTestId('action-note-text').fill(text);

describe('demands console', () => {
  it('files a hotline demand, finds it in the inbox and takes it through every step', async () => {
    const page = await browser.newPage();
    try {
      await walkThrough(page);
    } catch (error) {
      await screenshot(page, 'demands-console-failure');
      throw error;
    }
    await page.close();
  });
});

async function walkThrough(page: Page) {
  await login(page, server.baseUrl, 'shizhong');

  // 受理: the hotline intake form.
  await page.goto(`${server.baseUrl}/demands/new`);
  await page.getByTestId('intake-category').click();
  if (category.parent) {
    await page.locator('.ant-cascader-menu-item', { hasText: category.parent.name }).first().click();
  }
  await page.locator('.ant-cascader-menu-item', { hasText: category.name }).first().click();
  await page.keyboard.press('Escape');
  const description = `浏览器测试：${grid.name}楼道照明损坏，夜间无法通行（${Date.now()}）`;
  await page.getByTestId('intake-description').fill(description);
  await page.getByTestId('intake-area').click();
  await page.getByTestId(`demand-area-option-${STREET}`).waitFor();
  await expandArea(page, STREET);
  await page.getByTestId(`demand-area-option-${community.code}`).waitFor();
  await expandArea(page, community.code);
  await page.getByTestId(`demand-area-option-${grid.code}`).click();
  await page.getByTestId('intake-address').fill('黄河五路 3 号院 2 号楼');
  await page.getByTestId('intake-reporter-name').fill('王测试');
  await page.getByTestId('intake-reporter-phone').fill('13812345678');
  await page.getByTestId('intake-submit').click();

  // The demand page of the new demand.
  await page.waitForURL(/\/demands\/(?!new)[^/]+$/, { timeout: 20_000 });
  const number = (await page.getByTestId('demand-number').textContent())?.trim() ?? '';
  expect(number).not.toBe('');
  await page.locator('[data-testid="demand-detail"][data-status="received"]').waitFor();
  expect(await page.getByTestId('reporter-phone').textContent()).not.toContain('13812345678');

  // The inbox: 待立案 is where a street official starts; the keyword finds the new number.
  await page.goto(`${server.baseUrl}/demands`);
  await page.getByTestId('demands-inbox').waitFor();
  await page.getByTestId('filter-keyword').locator('input').fill(number);
  await page.getByTestId('filter-keyword').locator('input').press('Enter');
  await page.getByTestId(`demand-row-${number}`).waitFor({ timeout: 15_000 });
  expect(await page.getByTestId(`demand-row-${number}`).textContent()).toContain('已受理');
  await screenshot(page, 'demands-inbox');
  await page.getByTestId(`demand-link-${number}`).click();
  await page.locator('[data-testid="demand-detail"][data-status="received"]').waitFor();

  // 立案, 派遣 to the suggested party (preset in the dialog), then handling as the same official.
  await act(page, 'register', 'registered');
  await act(page, 'dispatch', 'dispatched', async () => {
    await page.getByTestId('action-responsible').filter({ hasText: '推荐' }).waitFor();
  });
  expect((await page.getByTestId('demand-responsible').textContent())?.trim()).not.toBe('—');
  await act(page, 'accept', 'in_hand');
  await act(page, 'contact', 'in_hand', note(page, '已电话联系诉求人，约定今日下午上门查看'));
  await act(page, 'reply', 'replied', note(page, '已更换楼道灯具并试亮，照明恢复正常'));
  await act(page, 'verify_pass', 'verified');
  await act(page, 'close', 'closed');
  await act(page, 'rate', 'rated', async () => {
    await page.getByTestId('rating-satisfied').click();
    await page.getByTestId('resolved-yes').click();
    await page.getByTestId('action-note-text').fill('回访：诉求人对处理结果满意');
  });

  // The record keeps every step, in order.
  const steps = await page
    .getByTestId('demand-timeline')
    .locator('[data-testid^="timeline-"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')?.replace('timeline-', '')));
  const path = ['register', 'dispatch', 'accept', 'contact', 'reply', 'verify_pass', 'close', 'rate'];
  expect(steps.filter((s) => s && path.includes(s))).toEqual(path);
  expect(steps.length).toBeGreaterThanOrEqual(path.length + 1); // and the intake (受理) before them
  await page.getByTestId('demand-rating').waitFor();
  expect(await page.getByTestId('demand-rating').textContent()).toContain('满意');
  await screenshot(page, 'demands-detail');
}
