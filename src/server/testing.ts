import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createTestDb, type TestDb } from '../db/testing';
import { createFieldCipher } from '../lib/field-crypto';
import { newId } from '../lib/ids';
import { installDemandDefaults } from '../modules/demands/index';
import { hashPassword } from '../modules/iam/index';
import { buildApp } from './app';
import { loadConfig } from './config';
import type { App } from './types';

export const TEST_PASSWORD = 'Test-Passw0rd!';

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export interface TestApp {
  app: App;
  db: TestDb;
  /** Creates a user holding the given roles (one assignment each) with TEST_PASSWORD. */
  createUser(opts: {
    username: string;
    assignments: { role: string; scopePath: string }[];
    homeScopePath?: string;
  }): Promise<string>;
  /** Signs in through the real login route and returns the cookie and CSRF token. */
  login(username: string, password?: string): Promise<Session>;
  /** A request as the given session: cookie always, CSRF header on writes unless `csrf: false`. */
  request(
    session: Session | null,
    opts: {
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      url: string;
      body?: unknown;
      csrf?: boolean;
      headers?: Record<string, string>;
    },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** An app on a fresh migrated database (SQLite or PostgreSQL per the test project), no demo data. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDb();
  await installDemandDefaults(db.kysely);
  const config = { ...loadConfig({ SEED_DEMO: 'false', ...env }), webDistDir: '/nonexistent' };
  // A fresh data key per test app: nothing encrypted in one test is readable in another.
  const cipher = createFieldCipher({ key: randomBytes(32) });
  const app = await buildApp({ config, db, cipher, logger: false });
  const passwordHash = await hashPassword(TEST_PASSWORD);

  const t: TestApp = {
    app,
    db,
    async createUser({ username, assignments, homeScopePath }) {
      const id = newId();
      const now = new Date().toISOString();
      await db.kysely
        .insertInto('users')
        .values({
          id,
          username,
          displayName: username,
          passwordHash,
          homeScopePath: homeScopePath ?? assignments[0]?.scopePath ?? '3716',
          status: 'active',
          mustChangePassword: 0,
          failedLoginCount: 0,
          lockedUntil: null,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      for (const a of assignments)
        await db.kysely
          .insertInto('userRoles')
          .values({ id: newId(), userId: id, role: a.role, scopePath: a.scopePath, createdAt: now })
          .execute();
      return id;
    },
    async login(username, password = TEST_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'gr_session');
      const body = res.json() as { csrfToken: string; user: { id: string } };
      return { cookie: `gr_session=${cookie?.value}`, csrfToken: body.csrfToken, userId: body.user.id };
    },
    request(session, { method, url, body, csrf = true, headers = {} }) {
      const h: Record<string, string> = { ...headers };
      if (session) {
        h.cookie = session.cookie;
        if (csrf && method !== 'GET') h['x-csrf-token'] = session.csrfToken;
      }
      return app.inject({
        method,
        url,
        headers: h,
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
    async close() {
      await app.close();
      await db.cleanup();
    },
  };
  return t;
}
