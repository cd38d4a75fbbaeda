import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { verifyAuditChain } from './iam.audit';

const STREET_A = '3716/371602/371602001';
const STREET_B = '3716/371602/371602002';
let t: TestApp;
let admin: Session;
let auditor: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'cityadmin', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  await t.createUser({ username: 'auditor1', assignments: [{ role: 'auditor', scopePath: '3716' }] });
  await t.createUser({ username: 'auditorb', assignments: [{ role: 'auditor', scopePath: STREET_B }] });
  admin = await t.login('cityadmin');
  auditor = await t.login('auditor1');
  for (const [i, scope] of [STREET_A, STREET_B].entries()) {
    await t.request(admin, {
      method: 'POST',
      url: '/api/v1/iam/users',
      body: {
        username: `worker${i}`,
        displayName: '网格员',
        password: 'Strong-Pass-2026',
        homeScopePath: scope,
        assignments: [{ role: 'grid_worker', scopePath: scope }],
      },
    });
  }
});
afterAll(() => t.close());

describe('the audit log', () => {
  it('records logins and writes with actor, action, target, scope and what changed', async () => {
    const res = await t.request(auditor, { method: 'GET', url: '/api/v1/iam/audit?limit=500' });
    expect(res.statusCode).toBe(200);
    const entries = res.json() as {
      action: string;
      actorLabel: string;
      scopePath: string | null;
      summary: { username?: string };
    }[];
    expect(entries.some((e) => e.action === 'iam.login' && e.actorLabel === 'cityadmin')).toBe(true);
    const created = entries.find((e) => e.action === 'iam.user_created' && e.summary.username === 'worker0');
    expect(created?.actorLabel).toBe('cityadmin');
    expect(created?.scopePath).toBe(STREET_A);
    expect(JSON.stringify(entries)).not.toContain('Strong-Pass-2026');
  });

  it('an auditor scoped to one street sees only that street’s entries', async () => {
    const s = await t.login('auditorb');
    const entries = (await t.request(s, { method: 'GET', url: '/api/v1/iam/audit?limit=500' })).json() as {
      scopePath: string | null;
    }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.scopePath?.startsWith(STREET_B))).toBe(true);
  });

  it('the chain verifies while untouched', async () => {
    const res = await t.request(auditor, { method: 'GET', url: '/api/v1/iam/audit/verify' });
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().entries).toBeGreaterThan(3);
  });

  it('only an auditor may run the verification', async () => {
    const res = await t.request(admin, { method: 'GET', url: '/api/v1/iam/audit/verify' });
    expect(res.statusCode).toBe(403);
  });

  it('changing one row by hand is caught, naming that row', async () => {
    const victim = await t.db.kysely
      .selectFrom('auditLog')
      .select(['seq', 'summary'])
      .where('action', '=', 'iam.user_created')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('auditLog')
      .set({ summary: '{"username":"someone-else"}' })
      .where('seq', '=', victim.seq)
      .execute();
    const res = await t.request(auditor, { method: 'GET', url: '/api/v1/iam/audit/verify' });
    expect(res.json().ok).toBe(false);
    expect(res.json().firstBroken).toMatchObject({
      seq: Number(victim.seq),
      reason: 'hash_mismatch',
      action: 'iam.user_created',
    });
    await t.db.kysely
      .updateTable('auditLog')
      .set({ summary: victim.summary })
      .where('seq', '=', victim.seq)
      .execute();
    expect((await verifyAuditChain(t.db.kysely)).ok).toBe(true);
  });

  it('deleting the newest entry is caught against the chain head', async () => {
    const last = await t.db.kysely
      .selectFrom('auditLog')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await t.db.kysely.deleteFrom('auditLog').where('seq', '=', last.seq).execute();
    const result = await verifyAuditChain(t.db.kysely);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(Number(last.seq));
    await t.db.kysely.insertInto('auditLog').values(last).execute();
    expect((await verifyAuditChain(t.db.kysely)).ok).toBe(true);
  });

  it('a failed write leaves no audit entry behind', async () => {
    const before = await t.db.kysely
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/iam/users',
      body: {
        username: 'worker0',
        displayName: 'dup',
        password: 'Strong-Pass-2026',
        homeScopePath: STREET_A,
        assignments: [{ role: 'grid_worker', scopePath: STREET_A }],
      },
    });
    expect(res.statusCode).toBe(409);
    const after = await t.db.kysely
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
