import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrator';
import { testDialect } from '../../db/testing';
import { createFieldCipher } from '../../lib/field-crypto';
import { newId } from '../../lib/ids';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { hashPassword } from '../iam/index';
import {
  buildPeopleCity,
  householdCode,
  type PeopleCity,
  placeCode,
  residentBody,
  testIdNumber,
  testPhone,
} from './people.fixtures';

// PIPL art. 51 and DESIGN.md (Security): personal numbers are encrypted at rest, masked in every
// response unless the caller holds people.unmask there, and every unmasked reading is audited.

let t: TestApp;
let c: PeopleCity;
const ids: Record<string, string> = {};
/** Every plaintext number these tests register; none may appear where it is not allowed. */
const PLAINTEXTS = [testIdNumber(901), testPhone(901), testIdNumber(902), testPhone(902)];
const req = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
  t.request(s, { method, url, body });

function expectNoPlaintext(text: string, where: string): void {
  for (const p of PLAINTEXTS) expect(text.includes(p), `${where} contains ${p.slice(0, 3)}…`).toBe(false);
}

beforeAll(async () => {
  t = await createTestApp();
  c = await buildPeopleCity(t);
  for (const [key, seq, household] of [
    ['inGrid1', 901, householdCode('A', 1, 1)],
    ['inGrid2', 902, householdCode('A', 2, 1)],
  ] as const) {
    const res = await req(c.streetA, 'POST', '/api/v1/people/residents', residentBody({ household, seq }));
    ids[key] = res.json().id;
  }
  await req(c.streetA, 'POST', `/api/v1/people/residents/${ids.inGrid2}/move`, {
    toHouseholdCode: householdCode('A', 2, 2),
    movedOn: '2025-06-01',
  });
  await req(c.streetA, 'POST', '/api/v1/people/place-roles', {
    residentId: ids.inGrid1,
    role: 'building_head',
    areaCode: placeCode('A', 1, 'building'),
    since: '2025-01-01',
  });
});
afterAll(() => t.close());

/** Every people route a caller might use, except the reveal itself, answered for this caller. */
async function everyPeopleResponse(s: Session): Promise<{ url: string; status: number; body: string }[]> {
  const calls: [string, string, unknown?][] = [
    ['GET', '/api/v1/people/residents?limit=200'],
    ['GET', `/api/v1/people/residents?areaCode=${placeCode('A', 1, 'grid')}`],
    ['POST', '/api/v1/people/residents/search', { idNumber: testIdNumber(901) }],
    ['POST', '/api/v1/people/residents/search', { phone: testPhone(902) }],
    ['GET', `/api/v1/people/residents/${ids.inGrid1}`],
    ['GET', `/api/v1/people/residents/${ids.inGrid2}`],
    ['GET', `/api/v1/people/residents/${ids.inGrid1}/moves`],
    ['GET', `/api/v1/people/residents/${ids.inGrid2}/moves`],
    ['GET', `/api/v1/people/households/${householdCode('A', 1, 1)}`],
    ['GET', `/api/v1/people/place-roles?areaCode=${placeCode('A', 1, 'grid')}`],
    ['GET', `/api/v1/public/buildings/${placeCode('A', 1, 'building')}`],
    // Refusals must not echo the number either.
    ['POST', '/api/v1/people/residents', residentBody({ household: householdCode('A', 1, 2), seq: 901 })],
    ['PATCH', `/api/v1/people/residents/${ids.inGrid1}`, { idNumber: testIdNumber(902) }],
    ['PATCH', `/api/v1/people/residents/${ids.inGrid1}`, { phone: `${testPhone(901)}0` }],
  ];
  const out = [];
  for (const [method, url, body] of calls) {
    const res = await req(s, method as 'GET', url, body);
    out.push({ url: `${method} ${url}`, status: res.statusCode, body: res.body });
  }
  return out;
}

describe('no plaintext number reaches a caller who did not ask for it with the right to', () => {
  it.each(['gridA1', 'streetA', 'auditor', 'volunteer'] as const)(
    'every people response to the %s is free of plaintext numbers',
    async (who) => {
      const responses = await everyPeopleResponse(c[who]);
      for (const r of responses) expectNoPlaintext(r.body, r.url);
      // The responses were real answers, not all refusals: those who may read got their records.
      const read = responses.find((r) => r.url.endsWith(`/residents/${ids.inGrid1}`));
      expect(read?.status).toBe(who === 'volunteer' ? 403 : 200);
    },
  );

  it('the grid worker and the street official see full numbers only through an audited reveal', async () => {
    for (const s of [c.gridA1, c.streetA]) {
      const res = await req(s, 'POST', `/api/v1/people/residents/${ids.inGrid1}/reveal`, {
        reason: '核实身份',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ idNumber: testIdNumber(901), phone: testPhone(901) });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('one field can be revealed alone', async () => {
    const res = await req(c.streetA, 'POST', `/api/v1/people/residents/${ids.inGrid2}/reveal`, {
      reason: '电话回访',
      fields: ['phone'],
    });
    expect(res.json()).toMatchObject({ idNumber: null, phone: testPhone(902) });
  });

  it('the auditor and a volunteer are refused (403); a grid worker outside the grid and the other street get 404', async () => {
    const reveal = (s: Session, id: string) =>
      req(s, 'POST', `/api/v1/people/residents/${id}/reveal`, { reason: '核实身份' });
    const refused = [
      [await reveal(c.auditor, ids.inGrid1!), 403],
      [await reveal(c.volunteer, ids.inGrid1!), 403],
      [await reveal(c.gridA1, ids.inGrid2!), 404],
      [await reveal(c.streetB, ids.inGrid1!), 404],
      [
        await req(null, 'POST', `/api/v1/people/residents/${ids.inGrid1}/reveal`, { reason: '核实身份' }),
        401,
      ],
    ] as const;
    for (const [res, status] of refused) {
      expect(res.statusCode).toBe(status);
      expectNoPlaintext(res.body, 'refusal');
    }
  });

  it('a reveal needs a reason; without one nothing is shown and nothing is logged as shown', async () => {
    const before = await auditCount();
    for (const body of [{}, { reason: '' }, { reason: ' x ' }]) {
      const res = await req(c.streetA, 'POST', `/api/v1/people/residents/${ids.inGrid1}/reveal`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('reason');
      expectNoPlaintext(res.body, 'refusal');
    }
    expect(await auditCount()).toBe(before);
  });
});

const auditCount = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'people.unmasked')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the audit of unmasked readings', () => {
  it('the auditor finds who read whose numbers, why and which; the entry holds no number', async () => {
    await req(c.gridA1, 'POST', `/api/v1/people/residents/${ids.inGrid1}/reveal`, { reason: '入户走访核对' });
    const res = await req(
      c.auditor,
      'GET',
      `/api/v1/iam/audit?action=people.unmasked&targetId=${ids.inGrid1}`,
    );
    expect(res.statusCode).toBe(200);
    const [latest] = res.json();
    expect(latest).toMatchObject({
      action: 'people.unmasked',
      actorLabel: 'grida1',
      targetType: 'resident',
      targetId: ids.inGrid1,
      summary: { reason: '入户走访核对', fields: ['idNumber', 'phone'] },
    });
    expectNoPlaintext(res.body, 'audit log');
    expect((await req(c.auditor, 'GET', '/api/v1/iam/audit/verify')).json().ok).toBe(true);
  });
});

describe('the stored data', () => {
  it('no column of any people table holds a plaintext number (SELECT * as the database returns it)', async () => {
    for (const table of ['residents', 'resident_moves', 'place_roles', 'audit_log']) {
      const rows = await sql`select * from ${sql.table(table)}`.execute(t.db.kysely);
      expect(rows.rows.length, table).toBeGreaterThan(0);
      expectNoPlaintext(JSON.stringify(rows.rows), table);
    }
  });
});

describe.skipIf(testDialect() === 'postgres')('the SQLite file on disk and the server log', () => {
  it('neither the database file (with its WAL) nor the log holds a plaintext number', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gr-people-'));
    const db = openDatabase({ sqliteFile: path.join(dir, 'grassroots.sqlite') });
    await migrateToLatest(db.kysely);
    await buildSmallCity(db.kysely);
    const log: string[] = [];
    const app = await buildApp({
      config: { ...loadConfig({ SEED_DEMO: 'false', DATA_DIR: dir }), webDistDir: '/nonexistent' },
      db,
      cipher: createFieldCipher({ key: randomBytes(32) }),
      logger: { level: 'trace', stream: { write: (line: string) => log.push(line) } },
    });
    const now = new Date().toISOString();
    const userId = newId();
    await db.kysely
      .insertInto('users')
      .values({
        id: userId,
        username: 'filetest',
        displayName: 'filetest',
        passwordHash: await hashPassword(TEST_PASSWORD),
        homeScopePath: '3716',
        status: 'active',
        mustChangePassword: 0,
        failedLoginCount: 0,
        lockedUntil: null,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db.kysely
      .insertInto('userRoles')
      .values({ id: newId(), userId, role: 'city_admin', scopePath: '3716', createdAt: now })
      .execute();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'filetest', password: TEST_PASSWORD },
    });
    const headers = {
      cookie: `gr_session=${login.cookies.find((k) => k.name === 'gr_session')?.value}`,
      'x-csrf-token': login.json().csrfToken as string,
    };
    const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    const created = await call(
      'POST',
      '/api/v1/people/residents',
      residentBody({ household: householdCode('A', 1, 1), seq: 901 }),
    );
    expect(created.statusCode).toBe(201);
    await call(
      'POST',
      '/api/v1/people/residents',
      residentBody({ household: householdCode('A', 2, 1), seq: 902 }),
    );
    expect(
      (
        await call(
          'POST',
          '/api/v1/people/residents',
          residentBody({ household: householdCode('A', 1, 2), seq: 901 }),
        )
      ).statusCode,
    ).toBe(409);
    await call('POST', '/api/v1/people/residents/search', { idNumber: testIdNumber(902) });
    const revealed = await call('POST', `/api/v1/people/residents/${created.json().id}/reveal`, {
      reason: '核实',
    });
    expect(revealed.json().idNumber).toBe(testIdNumber(901));

    expect(log.some((line) => line.includes('/api/v1/people/residents/search'))).toBe(true);
    expectNoPlaintext(log.join('\n'), 'server log');
    await app.close();
    await db.close();
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('grassroots.sqlite'));
    expect(files).toContain('grassroots.sqlite');
    for (const file of files)
      expectNoPlaintext(fs.readFileSync(path.join(dir, file)).toString('latin1'), file);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
