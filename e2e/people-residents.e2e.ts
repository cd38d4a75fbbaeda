import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../src/lib/id-number';
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

const STREET = '371602001';

/** A valid GB 11643 number no demo resident is likely to have: a woman (even sequence) born 1986-07-21. */
function freshIdNumber(): string {
  const first17 = `37160219860721${String(2 * Math.floor(Math.random() * 500)).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

type Child = { code: string; level: string; hasChildren: boolean };

/** The first household of the street, found through the API: the generator decides the codes. */
async function firstHousehold(page: Page): Promise<string> {
  let code = STREET;
  for (let depth = 0; depth < 8; depth++) {
    const res = await page.request.get(`${server.baseUrl}/api/v1/areas/nodes/${code}/children?limit=200`);
    expect(res.status()).toBe(200);
    const items = ((await res.json()) as { items: Child[] }).items;
    const household = items.find((c) => c.level === 'household');
    if (household) return household.code;
    const next = items.find((c) => c.hasChildren);
    if (!next) break;
    code = next.code;
  }
  throw new Error(`no household found below ${STREET}`);
}

describe('registering and finding a resident in Chromium', () => {
  it('a street official registers a resident, finds them by ID number, and reveals the number with a reason', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'shizhong');
    const household = await firstHousehold(page);
    const idNumber = freshIdNumber();
    const phone = '13905437788';
    const masked = `3716**********${idNumber.slice(-4)}`;

    // Register through the household page's form.
    await page.goto(`${server.baseUrl}/people/households/${household}`);
    await page.getByTestId('household-page').waitFor({ timeout: 20_000 });
    await page.getByTestId('household-add-member').click();
    await page.getByTestId('resident-form-name').fill('周晓梅');
    await page.getByTestId('resident-form-id-number').fill(idNumber);
    await page.getByTestId('resident-form-phone').fill(phone);
    await page.getByTestId('resident-form-relation').click();
    await page.locator('.ant-select-item-option[title="户主"]').click();
    await page.getByTestId('resident-form-submit').click();
    await page.getByTestId('household-members').getByText('周晓梅').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('household-members').textContent()).toContain(masked);

    // Find them in the ledger by the exact number: the table shows it masked.
    await page.goto(`${server.baseUrl}/people`);
    await page.getByTestId('resident-list-page').waitFor({ timeout: 20_000 });
    await page.getByTestId('people-filter-number').fill(idNumber);
    await page.getByTestId('people-filter-submit').click();
    const row = page.locator('[data-testid=people-table] tbody tr', { hasText: '周晓梅' });
    await row.waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=people-table] tbody tr.ant-table-row').count()).toBe(1);
    expect(await row.getByTestId('people-row-id-number').textContent()).toBe(masked);
    // Only the search box holds the number typed into it; the answer shows it masked.
    expect(await page.getByTestId('people-table').textContent()).not.toContain(idNumber);
    expect(await page.getByTestId('people-table').textContent()).not.toContain(phone);

    // Open the details and reveal the full numbers, giving a reason.
    await row.click();
    await page.getByTestId('resident-detail').waitFor();
    expect(await page.getByTestId('resident-id-number').textContent()).toBe(masked);
    await page.getByTestId('resident-reveal').click();
    await page.getByTestId('reveal-reason').fill('入户走访核实身份');
    await page.getByTestId('reveal-submit').click();
    await page.getByTestId('resident-revealed').waitFor();
    expect(await page.getByTestId('resident-id-number').textContent()).toBe(idNumber);
    expect(await page.getByTestId('resident-phone').textContent()).toBe(phone);
    await screenshot(page, 'people-resident-detail');

    const residentId = await page.getByTestId('resident-detail').getAttribute('data-resident-id');
    await page.close();

    // The city's auditor finds who read the numbers and why.
    await browser.clearCookies();
    const auditorPage = await browser.newPage();
    await login(auditorPage, server.baseUrl, 'auditor');
    const audit = await auditorPage.request.get(
      `${server.baseUrl}/api/v1/iam/audit?action=people.unmasked&targetId=${residentId}`,
    );
    const entries = (await audit.json()) as { actorLabel: string; summary: { reason: string } }[];
    expect(entries[0]).toMatchObject({ actorLabel: 'shizhong', summary: { reason: '入户走访核实身份' } });
    expect(await audit.text()).not.toContain(idNumber);
    await auditorPage.close();
  });
});
