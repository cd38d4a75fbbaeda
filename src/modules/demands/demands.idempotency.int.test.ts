import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POINT_A1 } from './demands.fixtures';
import { IDEMPOTENCY_KEY_TTL_MS, PENDING_TIMEOUT_MS, requestHashOf } from './demands.idempotency';
import { createIntakeTestApp, type IntakeTestApp, postDemand } from './demands.intake.fixtures';

// A retried submit never makes two demands: the Idempotency-Key header, per caller, for 24 hours.

let app: IntakeTestApp;
const db = () => app.t.db.kysely;
let n = 0;
const body = () => ({
  categoryCode: 'fixture.repair',
  description: `电梯停了 ${++n}`,
  channel: 'mobile',
  location: POINT_A1,
  reporterPhone: '13812345678',
});
const withKey = (key: string) => ({ 'idempotency-key': key });
const count = async (_table: 'demands', where: { description: string }) =>
  Number(
    (
      await db()
        .selectFrom('demands')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('description', '=', where.description)
        .executeTakeFirstOrThrow()
    ).n,
  );
const filings = async () =>
  Number(
    (
      await db()
        .selectFrom('auditLog')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', 'demands.file')
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  app = await createIntakeTestApp();
});
afterAll(() => app.close());

describe('a retried submit', () => {
  it('with the same key and body answers the same demand, filed once and audited once', async () => {
    const b = body();
    const auditBefore = await filings();
    const first = await postDemand(app.t, app.as.resident, b, withKey('retry-1'));
    const second = await postDemand(app.t, app.as.resident, b, withKey('retry-1'));
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('demands', { description: b.description })).toBe(1);
    expect(await filings()).toBe(auditBefore + 1);
  });

  it('the same body with its keys in another order is the same request', async () => {
    const b = body();
    const first = await postDemand(app.t, app.as.resident, b, withKey('retry-order'));
    const reordered = Object.fromEntries(Object.entries(b).reverse());
    const second = await postDemand(app.t, app.as.resident, reordered, withKey('retry-order'));
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
  });

  it('with the same key and another body is refused with 422', async () => {
    await postDemand(app.t, app.as.resident, body(), withKey('retry-2'));
    const other = body();
    const res = await postDemand(app.t, app.as.resident, other, withKey('retry-2'));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('demands.idempotency_key_reused');
    expect(await count('demands', { description: other.description })).toBe(0);
  });

  it('without a key files twice', async () => {
    const b = body();
    await postDemand(app.t, app.as.resident, b);
    await postDemand(app.t, app.as.resident, b);
    expect(await count('demands', { description: b.description })).toBe(2);
  });

  it('keys are per caller: two people may send the same key', async () => {
    const b = body();
    const mine = await postDemand(app.t, app.as.resident, b, withKey('shared-key'));
    const theirs = await postDemand(app.t, app.as.neighbour, b, withKey('shared-key'));
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('a refused submit does not use the key up: the corrected one goes through', async () => {
    const bad = { ...body(), reporterPhone: '12345' };
    expect((await postDemand(app.t, app.as.resident, bad, withKey('retry-3'))).statusCode).toBe(400);
    const good = body();
    const res = await postDemand(app.t, app.as.resident, good, withKey('retry-3'));
    expect(res.statusCode).toBe(201);
    expect(await count('demands', { description: good.description })).toBe(1);
  });

  it('refuses a key that is not 1–200 visible ASCII characters, naming the header', async () => {
    const res = await postDemand(app.t, app.as.resident, body(), withKey('has space'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toContain('idempotency-key');
  });
});

describe('keys in flight and keys of yesterday', () => {
  const keyRow = (key: string, createdAt: Date, requestHash = 'x'.repeat(64)) =>
    db()
      .insertInto('idempotencyKeys')
      .values({
        key: `${app.as.resident.userId}:${key}`,
        requestHash,
        statusCode: 0,
        body: '',
        createdAt: createdAt.toISOString(),
      })
      .execute();

  it('a duplicate while the first is still being filed gets 409 and files nothing', async () => {
    const b = body();
    // The hash of the body as the route sees it, defaults filled in.
    const parsed = {
      origin: 'resident',
      anonymous: false,
      callbackConsent: true,
      photos: [],
      attributes: {},
      ...b,
    };
    await keyRow('in-flight', new Date(), requestHashOf(parsed));
    const res = await postDemand(app.t, app.as.resident, b, withKey('in-flight'));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('demands.idempotency_in_flight');
    expect(await count('demands', { description: b.description })).toBe(0);
  });

  it('three identical submits at once file one demand; the others are replayed or told to retry', async () => {
    const b = body();
    const answers = await Promise.all(
      [1, 2, 3].map(() => postDemand(app.t, app.as.resident, b, withKey('at-once'))),
    );
    expect(await count('demands', { description: b.description })).toBe(1);
    for (const res of answers) expect([201, 409]).toContain(res.statusCode);
    const ids = new Set(answers.filter((r) => r.statusCode === 201).map((r) => r.json().id));
    expect(ids.size).toBe(1);
  });

  it('a claim abandoned longer than the pending timeout is taken over', async () => {
    await keyRow('abandoned', new Date(Date.now() - PENDING_TIMEOUT_MS - 1000));
    const b = body();
    const res = await postDemand(app.t, app.as.resident, b, withKey('abandoned'));
    expect(res.statusCode).toBe(201);
    expect(await count('demands', { description: b.description })).toBe(1);
  });

  it('a key older than 24 hours may be used again, for anything', async () => {
    const first = await postDemand(app.t, app.as.resident, body(), withKey('yesterday'));
    await db()
      .updateTable('idempotencyKeys')
      .set({ createdAt: new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS - 1000).toISOString() })
      .where('key', '=', `${app.as.resident.userId}:yesterday`)
      .execute();
    const second = await postDemand(app.t, app.as.resident, body(), withKey('yesterday'));
    expect(second.statusCode).toBe(201);
    expect(second.json().id).not.toBe(first.json().id);
  });

  it('a key just under 24 hours old still answers with the first demand', async () => {
    const b = body();
    const first = await postDemand(app.t, app.as.resident, b, withKey('almost-a-day'));
    await db()
      .updateTable('idempotencyKeys')
      .set({ createdAt: new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS + 60_000).toISOString() })
      .where('key', '=', `${app.as.resident.userId}:almost-a-day`)
      .execute();
    const second = await postDemand(app.t, app.as.resident, b, withKey('almost-a-day'));
    expect(second.json().id).toBe(first.json().id);
  });

  it('stores the answer with the demand: a done key always names an existing demand', async () => {
    const rows = await db().selectFrom('idempotencyKeys').selectAll().where('statusCode', '=', 201).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const { id } = JSON.parse(r.body) as { id: string };
      expect(
        await db().selectFrom('demands').select('id').where('id', '=', id).executeTakeFirst(),
      ).toBeDefined();
    }
  });
});
