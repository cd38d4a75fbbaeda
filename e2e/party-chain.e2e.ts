import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, login, type RunningServer, screenshot, startServer } from './support';

// The demo city has no party organisations yet: this test builds one chain in 市中街道 through the
// API as `admin` (CAPABILITIES §1.1, §1.4), then reads it in the console.

let server: RunningServer;
let browser: BrowserContext;

type Place = { code: string; name: string; level: string };
let chain: { community: Place; grid: Place; branchId: string };

beforeAll(async () => {
  // This test draws its own chain through the API, so the demo's party records stay out of its way.
  server = await startServer({ DEMO_PEOPLE: 'off' });
  browser = await launchBrowser();
  const api = await apiAs(server.baseUrl, 'admin');
  const childrenOf = async (code: string) =>
    (await api<{ items: Place[] }>('GET', `/api/v1/areas/nodes/${code}/children`)).items;
  const community = (await childrenOf('371602001'))[0]!;
  const grid = (await childrenOf(community.code))[0]!;
  const compound = (await childrenOf(grid.code))[0]!;
  const building = (await childrenOf(compound.code))[0]!;
  const unit = (await childrenOf(building.code))[0]!;
  const household = (await childrenOf(unit.code))[0]!;
  type Org = { id: string };
  const org = (body: object) => api<Org>('POST', '/api/v1/party/orgs', body);
  const top = await org({
    kind: 'community_committee',
    name: `${community.name}党委`,
    areaCode: community.code,
  });
  const branch = await org({
    kind: 'grid_branch',
    name: `${grid.name}党支部`,
    areaCode: grid.code,
    parentId: top.id,
    meetingPlace: `${grid.name}党群服务站`,
  });
  const group = await org({
    kind: 'building_group',
    name: `${building.name}党小组`,
    areaCode: building.code,
    parentId: branch.id,
  });
  await org({ kind: 'central_household', name: '党员中心户', areaCode: household.code, parentId: group.id });
  await api('POST', `/api/v1/party/orgs/${branch.id}/life-records`, {
    kind: 'theme_party_day',
    heldOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    topic: '网格党员认领微心愿',
    attendees: 9,
  });
  chain = { community, grid, branchId: branch.id };
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the party chain in Chromium', () => {
  it('the city admin opens the party tree of a community and the grid branch with its checklist', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'admin');
    await page.goto(`${server.baseUrl}/party?area=${chain.community.code}`);
    await page.getByTestId('party-org-tree').waitFor({ timeout: 20_000 });
    const node = page.getByTestId(`party-org-node-${chain.branchId}`);
    await node.waitFor();
    await node.click();
    await page.waitForURL((url) => url.searchParams.get('org') === chain.branchId);

    const detail = page.locator('[data-testid=party-org-detail][data-kind=grid_branch]');
    await detail.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('party-org-name').textContent()).toBe(`${chain.grid.name}党支部`);
    expect(await page.getByTestId('party-chain-state').textContent()).toBe('链条完整');
    const checklist = page.getByTestId('party-branch-checklist');
    await checklist.waitFor();
    // Recorded through the API above: a meeting place and a theme party day today; no secretary yet.
    expect(await page.getByTestId('party-checklist-item-meeting_place').getAttribute('data-met')).toBe(
      'true',
    );
    expect(await page.getByTestId('party-checklist-item-org_life_within_days').getAttribute('data-met')).toBe(
      'true',
    );
    expect(await page.getByTestId('party-checklist-item-secretary_in_post').getAttribute('data-met')).toBe(
      'false',
    );
    expect(await checklist.getAttribute('data-met')).toBe('false');
    await page.getByText('无在岗书记').first().waitFor();
    await screenshot(page, 'party-branch-checklist');
    await page.close();
  });

  it('the checklist page shows the rate of the community as the server computes it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/party/checklist?area=${chain.community.code}`);
    await page.getByTestId(`branch-state-${chain.branchId}`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('entity-operation-rate').textContent()).toContain('0 / 1');
    await screenshot(page, 'party-entity-operation');
    await page.close();
  });

  it('the reach page counts the grid’s households the chain reaches', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/party/reach?area=${chain.grid.code}`);
    await page.getByTestId('reach-rate').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('reach-rate').textContent()).toMatch(/\d+(\.\d)?%/);
    await page.close();
  });

  it('the transfers page lists requests and offers a new one to an official who may write', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/party/transfers`);
    await page.getByTestId('transfer-requests-page').waitFor({ timeout: 20_000 });
    await page.getByTestId('transfer-request').waitFor();
    await page.close();
  });
});
