import fs from 'node:fs';
import type { BrowserContext } from 'playwright-core';
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

describe('the console shell in Chromium', () => {
  it('the start-up message gives the address and the demo logins', () => {
    expect(server.output()).toContain(server.baseUrl);
    expect(server.output()).toMatch(/admin\s+滨州市平台管理员/);
  });

  it('an anonymous visitor is sent to the login page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/people`);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-submit').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/people');
    await screenshot(page, 'login-page');
    await page.close();
  });

  it('a wrong password shows the reason in Chinese and keeps the user on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('Wrong-Password-1');
    await page.getByTestId('login-submit').click();
    await page.getByText('用户名或密码错误').first().waitFor();
    expect(page.url()).toContain('/login');
    await page.close();
  });

  it('the demo city admin signs in and reaches the console home, with role and scope in the user menu', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'admin');
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByText('滨州市平台管理员').first().waitFor();
    const file = await screenshot(page, 'console-home-admin');
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    await page.getByTestId('user-menu').click();
    await page.getByText('市级管理员').first().waitFor();
    await screenshot(page, 'console-user-menu');
    await page.close();
  });

  it('an unknown page shows 404 and a page without the permission shows 403', async () => {
    const page = await browser.newPage();
    await login(page, server.baseUrl, 'shizhong');
    await page.goto(`${server.baseUrl}/no-such-page`);
    await page.getByTestId('page-not-found').waitFor();
    await page.goto(`${server.baseUrl}/iam/audit`);
    await page.getByTestId('page-forbidden').waitFor();
    await screenshot(page, 'console-403-street-official');
    await page.close();
  });

  it('the API reference is served on the same port', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/api/docs`);
    await page.getByText('Grassroots').first().waitFor();
    await screenshot(page, 'api-docs');
    await page.close();
  });
});
