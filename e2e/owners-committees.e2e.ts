import path from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, login, type RunningServer, screenshot, startServer } from './support';

// Owners' committees in Chromium as `admin`: the committee list with the figures of 市中街道, the
// watch lists, and a first committee formed step by step through the console for one compound.
// The register is set up through the API (seven owners, each with a delivered flat). The owners'
// meeting vote the vote step needs is written straight into the server's SQLite file as the
// votes module leaves a closed, passed election — a test-only path; the votes themselves are
// tested by their own suite.

const STREET = '371602001';
let server: RunningServer;
let browser: BrowserContext;
let compound: { code: string; name: string };
let voteId: string;
const OWNERS = Array.from({ length: 7 }, (_, i) => `测试业主${i + 1}`);
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type Listed = { code: string; name: string; formation: unknown };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const api = await apiAs(server.baseUrl, 'admin');
  // A compound that should have a committee and has none (the demo's watch list), else one that
  // never had one: seven delivered flats added below meet art. 20 either way.
  const missing = await api<{ items: Listed[] }>(
    'GET',
    `/api/v1/owners/watch-lists/missing-committees?area=${STREET}`,
  );
  const none = await api<{ items: Listed[] }>(
    'GET',
    `/api/v1/owners/compounds?area=${STREET}&state=none&limit=50`,
  );
  let chosen = missing.items.find((c) => !c.formation);
  if (!chosen)
    for (const c of none.items) {
      const register = await api<{ units: number }>('GET', `/api/v1/owners/compounds/${c.code}/register`);
      if (register.units === 0) {
        chosen = c;
        break;
      }
    }
  if (!chosen) throw new Error('no compound of 市中街道 to form a committee in');
  compound = { code: chosen.code, name: chosen.name };
  const delivered = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
  for (const [i, name] of OWNERS.entries()) {
    const owner = await api<{ id: string }>('POST', `/api/v1/owners/compounds/${compound.code}/owners`, {
      name,
    });
    await api('POST', `/api/v1/owners/compounds/${compound.code}/units`, {
      label: `测试楼${i + 1}01室`,
      registeredArea: `${90 + i}.5`,
      deliveredOn: delivered,
      owners: [{ ownerId: owner.id }],
    });
  }
  // Test-only: the closed, passed election vote (Civil Code art. 278(1) item (3)) the vote step reads.
  const db = new Database(path.join(server.dataDir, 'grassroots.sqlite'));
  const place = db.prepare('select path from areas where code = ?').get(compound.code) as { path: string };
  voteId = `e2e-vote-${Date.now()}`;
  const now = new Date().toISOString();
  db.prepare(
    `insert into owner_votes (id, compound_code, path, item, title, description, status, opens_at, closes_at,
      total_area, total_headcount, result, created_by, created_at, updated_at)
     values (?, ?, ?, 3, '选举第一届业主委员会', null, 'closed', ?, ?, '661.5', 7, ?, 'e2e', ?, ?)`,
  ).run(
    voteId,
    compound.code,
    place.path,
    now,
    now,
    JSON.stringify({ tally: { passed: true }, closedAt: now }),
    now,
    now,
  );
  db.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Picks options of an antd select: the filter typed until its option shows, then Enter on it. */
async function pickAll(page: Page, testId: string, names: string[]) {
  await page.getByTestId(testId).click();
  for (const name of names) {
    await page.keyboard.type(name);
    await page
      .locator('.ant-select-item-option:visible', { hasText: name })
      .first()
      .waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
}

async function fillCommon(page: Page, document: string) {
  await page.getByTestId('step-approver').fill('市中街道办事处 王主任');
  await page.getByTestId('step-doc-title-0').fill(document);
}

async function submitStep(page: Page, formationId: string, nextStep: string, status = 'in_progress') {
  await page.getByTestId('step-submit').click();
  await page
    .locator(`[data-testid=formation-card-${formationId}][data-step=${nextStep}][data-status=${status}]`)
    .waitFor({ timeout: 20_000 });
}

describe('owners’ committees in Chromium', () => {
  it('the committee list shows the state of each compound and the figures of the place', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'admin');
    await page.goto(`${server.baseUrl}/owners?area=${STREET}`);
    await page.getByTestId('formation-rate').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('owners-area-name').textContent()).toBe('市中街道');
    expect(await page.getByTestId('formation-rate').getAttribute('data-value')).toMatch(/%$/);
    await page.getByTestId(`compound-row-${compound.code}`).waitFor();
    await screenshot(page, 'owners-committees');
    await page.close();
  });

  it('the watch lists name the compounds that should have a committee and those due for re-election', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/owners/watch?area=${STREET}`);
    await page.getByTestId(`missing-row-${compound.code}`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'owners-watch-lists');
    await page.getByTestId(`missing-row-${compound.code}`).click();
    await page.getByTestId('committee-page').waitFor();
    expect(await page.getByTestId('committee-page').getAttribute('data-code')).toBe(compound.code);
    await page.close();
  });

  it('a first committee is formed step by step, each dated with its approver and papers', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'admin');
    await page.goto(`${server.baseUrl}/owners/compounds/${compound.code}`);
    await page.getByTestId('start-formation').click();
    await fillCommon(page, '关于召开首次业主大会会议的报告');
    await page.getByTestId('start-formation-submit').click();
    await page.getByTestId('formation-board').waitFor({ timeout: 20_000 });
    const card = page.locator('[data-testid^=formation-card-][data-step=preparatory_group]').first();
    await card.waitFor({ timeout: 20_000 });
    const formationId = ((await card.getAttribute('data-testid')) ?? '').replace('formation-card-', '');

    await card.getByTestId('formation-record').click();
    await pickAll(page, 'group-owners', OWNERS.slice(0, 4));
    await page.getByTestId('group-add-other').click();
    await page.getByTestId('group-add-other').click();
    for (const [i, name] of ['街道干部甲', '社区干部乙', '物业代表丙'].entries())
      await page.getByTestId(`group-other-name-${i}`).fill(name);
    await fillCommon(page, '关于成立业主大会筹备组的通知');
    await submitStep(page, formationId, 'nomination');

    await page.getByTestId(`formation-card-${formationId}`).getByTestId('formation-record').click();
    await pickAll(page, 'candidates-select', OWNERS);
    await fillCommon(page, '首届业主委员会候选人名单');
    await submitStep(page, formationId, 'joint_review');

    await page.getByTestId(`formation-card-${formationId}`).getByTestId('formation-record').click();
    await page.getByTestId('review-reviewers').click();
    for (const body of ['市中社区居委会', '市中街道办事处']) {
      await page.keyboard.type(body);
      await page.keyboard.press('Enter');
    }
    await fillCommon(page, '候选人联审意见');
    await submitStep(page, formationId, 'vote');

    await page.getByTestId(`formation-card-${formationId}`).getByTestId('formation-record').click();
    await page.getByTestId('vote-id').fill(voteId);
    await fillCommon(page, '首次业主大会会议决议');
    await submitStep(page, formationId, 'filing');

    await page.getByTestId(`formation-card-${formationId}`).getByTestId('formation-record').click();
    await page.getByTestId('filing-authority').fill('滨城区住房和城乡建设局');
    await pickAll(page, 'filing-chair', [OWNERS[0]!]);
    await pickAll(page, 'filing-vice', [OWNERS[1]!]);
    const termEnd = `${Number(chinaToday().slice(0, 4)) + 5}${chinaToday().slice(4)}`.replace(
      /-02-29$/,
      '-02-28',
    );
    await page.getByTestId('filing-term-end').click();
    await page.keyboard.type(termEnd);
    await page.keyboard.press('Enter');
    await fillCommon(page, '业主委员会备案证明');
    await submitStep(page, formationId, 'filing', 'completed');

    await page.goto(`${server.baseUrl}/owners/compounds/${compound.code}`);
    await page.getByTestId('current-committee').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('committee-state').getAttribute('data-state')).toBe('formed');
    expect(await page.getByTestId('filing-state').getAttribute('data-state')).toBe('on_time');
    expect(await page.getByTestId('committee-members').locator('tbody tr').count()).toBe(7);
    await page.close();
  });

  it('the compound’s public page shows the committee on a phone, without party marks', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/m/compounds/${compound.code}`);
    await page.getByTestId('public-members').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('public-compound-name').textContent()).toBe(compound.name);
    const members = await page.getByTestId('public-members').textContent();
    expect(members).toContain(OWNERS[0]);
    expect(members).not.toContain('党员');
    await screenshot(page, 'public-compound-page');
    await page.close();
  });
});
