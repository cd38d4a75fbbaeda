import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Binzhou@2026';
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the platform as `npm start` does (demo city on a fresh SQLite file) and waits until ready. */
/** `env` overrides the demo switches, e.g. `{ DEMO_PEOPLE: 'off' }` for a test that builds its own records. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gr-e2e-'));
  let out = '';
  // The server itself is the child (not an npx wrapper), so that stopping it stops the server.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      // Two streets of the demo city, their residents loaded before the server listens: a start of
      // seconds, and pages that find residents, party members and talents at once.
      DEMO_STREETS: '371602001,371602002',
      DEMO_PEOPLE: 'sync',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Debian's Chromium through playwright-core: no browser download works on these machines.
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** One desktop browser window in Chinese (a persistent context), as most tests need. */
export async function launchBrowser(): Promise<BrowserContext> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gr-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    ...CHROMIUM,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
  });
}

/** The browser itself, for a test that opens contexts of its own (a phone and a desktop). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function login(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor({ timeout: 20_000 });
}

/** A signed-in API caller: sends the session's cookie and CSRF token, throws on a failed answer. */
export type Api = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => Promise<T>;

/** Signs in through the API; answers a caller with that session and what the login said (`session`). */
export async function apiSession<S extends object = object>(
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<{ api: Api; session: S }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const session = (await res.json()) as S & { csrfToken: string };
  const api: Api = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': session.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { api, session };
}

/** Signs in through the API (a demo login by default) and answers the signed-in caller. */
export async function apiAs(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<Api> {
  return (await apiSession(baseUrl, username, password)).api;
}
