import type { BrowserContext } from 'playwright-core';
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

// An owners' meeting vote end to end (Civil Code art. 278): as `admin`, a compound of 市中街道
// gets a register through the register API when the demo left it empty; the vote is drafted and
// opened in the console; the voting codes come from the API (they can be issued once); owners vote
// on the mobile page at a phone's size; the vote is closed in the console and its result read.

let server: RunningServer;
let browser: BrowserContext;
let api: Api;
let compound: { code: string; name: string; label: string };
let voteId: string;
let codes: { voterKey: string; label: string; code: string }[];
const PHONE = { width: 390, height: 844 };

/** Six flats: one owner of two of them, a married couple in one, the rest one owner each (SPC art. 9). */
async function buildSmallRegister(code: string) {
  const owner = async (name: string) =>
    (await api<{ id: string }>('POST', `/api/v1/owners/compounds/${code}/owners`, { name })).id;
  const [zhang, wang, li, zhao, sun] = [
    await owner('张建国'),
    await owner('王丽'),
    await owner('李强'),
    await owner('赵敏'),
    await owner('孙伟'),
  ];
  const units: [string, string, string[]][] = [
    ['1号楼1单元0101室', '89.50', [zhang!]],
    ['1号楼1单元0102室', '120.35', [zhang!]],
    ['1号楼1单元0201室', '95.20', [wang!, li!]],
    ['1号楼1单元0202室', '101.00', [zhao!]],
    ['1号楼1单元0301室', '88.88', [sun!]],
  ];
  for (const [label, registeredArea, owners] of units)
    await api('POST', `/api/v1/owners/compounds/${code}/units`, {
      label,
      registeredArea,
      deliveredOn: '2021-05-01',
      owners: owners.map((ownerId) => ({ ownerId })),
    });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  api = await apiAs(server.baseUrl, 'admin');
  type Place = { code: string; name: string };
  const childrenOf = async (code: string) =>
    (await api<{ items: Place[] }>('GET', `/api/v1/areas/nodes/${code}/children`)).items;
  const community = (await childrenOf('371602001'))[0]!;
  const grid = (await childrenOf(community.code))[0]!;
  const place = (await childrenOf(grid.code))[0]!;
  const register = await api<{ units: number }>('GET', `/api/v1/owners/compounds/${place.code}/register`);
  if (register.units === 0) await buildSmallRegister(place.code);
  const hits = await api<{ items: { code: string; name: string; ancestorsText: string }[] }>(
    'GET',
    `/api/v1/areas/search?q=${encodeURIComponent(place.name)}&level=compound&limit=50`,
  );
  const hit = hits.items.find((h) => h.code === place.code)!;
  compound = { code: place.code, name: place.name, label: `${hit.name}（${hit.ancestorsText}）` };
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an owners’ meeting vote from the console to the owners’ phones and back', () => {
  it('is drafted and opened in the console', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'admin');
    await page.goto(`${server.baseUrl}/owners/votes`);
    await page.getByTestId('vote-setup-page').waitFor({ timeout: 20_000 });
    await page.getByTestId('vote-create').click();
    await page.getByTestId('vote-compound').click();
    await page.keyboard.type(compound.name);
    await page.locator('.ant-select-item-option', { hasText: compound.label }).first().click();
    await page.getByTestId('vote-item').click();
    await page.locator('.ant-select-item-option', { hasText: '（四）选聘和解聘物业服务企业' }).click();
    await page.getByTestId('vote-threshold-hint').waitFor();
    await page.getByTestId('vote-title').fill('续聘物业服务企业');
    await page.getByTestId('vote-create-submit').click();
    await page.getByTestId('vote-live-page').waitFor({ timeout: 20_000 });
    voteId = page.url().split('/owners/votes/')[1]!;
    expect(await page.getByTestId('vote-item-text').textContent()).toContain('选聘和解聘物业服务企业');
    await page.getByTestId('vote-open').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('vote-turnout').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('vote-status').textContent()).toBe('表决中');
    await page.close();
  });

  it('hands out the voting codes once, through the API', async () => {
    const issued = await api<{ codes: typeof codes }>(
      'POST',
      `/api/v1/owners/votes/${voteId}/codes?format=json`,
    );
    codes = issued.codes;
    expect(codes.length).toBeGreaterThanOrEqual(3);
    await expect(api('POST', `/api/v1/owners/votes/${voteId}/codes?format=json`)).rejects.toThrow(/409/);
  });

  it('takes the owners’ ballots on the mobile page, each with a receipt code', async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize(PHONE);
    const mobileVoters = codes.slice(0, 3);
    for (const [i, voter] of mobileVoters.entries()) {
      await phone.goto(`${server.baseUrl}/m/votes/${voteId}`);
      await phone.getByTestId('ballot-code').locator('input').fill(voter.code.toLowerCase());
      await phone.getByTestId('ballot-code-next').click();
      await phone.getByTestId('ballot-matter').waitFor({ timeout: 20_000 });
      expect(await phone.getByTestId('ballot-elector').textContent()).toBe(voter.label);
      await phone.getByTestId('ballot-choice-for').click();
      await phone.getByTestId('ballot-review-next').click();
      await phone.getByTestId('ballot-review').waitFor();
      if (i === 0) await screenshot(phone, 'owners-vote-ballot');
      await phone.getByTestId('ballot-submit').click();
      await phone.getByTestId('ballot-receipt').waitFor({ timeout: 20_000 });
      expect(await phone.getByTestId('ballot-receipt-code').textContent()).toMatch(
        /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/,
      );
    }
    await phone.getByTestId('ballot-check-link').click();
    await phone.getByTestId('receipt-counted').waitFor({ timeout: 20_000 });
    expect(await phone.getByTestId('receipt-counted').textContent()).toContain('同意');
    // A used code casts nothing more.
    await phone.goto(`${server.baseUrl}/m/votes/${voteId}`);
    await phone.getByTestId('ballot-code').locator('input').fill(mobileVoters[0]!.code);
    await phone.getByTestId('ballot-code-next').click();
    await phone.getByTestId('ballot-error').waitFor();
    expect(await phone.getByTestId('ballot-error').textContent()).toContain('已经投过票');
    await phone.close();
    // The other owners vote as well (a demo register may be large), through the same public route.
    for (const voter of codes.slice(3))
      await api('POST', `/api/v1/public/votes/${voteId}/ballots`, { code: voter.code, choice: 'for' });
  });

  it('shows the turnout live, is closed in the console and its result read', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'admin');
    await page.goto(`${server.baseUrl}/owners/votes/${voteId}`);
    await page.locator('[data-testid="vote-turnout-chart"][data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('vote-turnout-headcount').textContent()).toContain(
      `${codes.length} / ${codes.length}`,
    );
    await page.locator('[data-testid="vote-electors"][data-loading="false"]').waitFor();
    await page.waitForTimeout(500); // the table's loading veil fades out
    await screenshot(page, 'owners-vote-live');
    await page.getByTestId('vote-close').click();
    await page.getByTestId('vote-close-confirm').click();
    await page.getByTestId('vote-result-page').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('vote-result-verdict').textContent()).toBe('通过');
    expect(await page.getByTestId('ratio-participation-area').textContent()).toBe('100.00%');
    expect(await page.getByTestId('ratio-approval-headcount').textContent()).toBe('100.00%');
    expect(await page.getByTestId('vote-result-explanation').textContent()).toContain('结论：通过。');
    await screenshot(page, 'owners-vote-result');
    await page.close();
  });
});
