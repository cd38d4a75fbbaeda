import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationPoint } from '../../lib/geo/index';
import { ensureFixtureCategory, fileTestDemand } from './demands.fixtures';
import { createIntakeTestApp, type IntakeTestApp } from './demands.intake.fixtures';

// Possible duplicates before filing (Beijing art. 11 para. 3 item 3) and following one instead.
// Default settings: 200 m, 30 days. Distances are laid out due east of a point in compound A1.

let app: IntakeTestApp;
const db = () => app.t.db.kysely;
const HERE = { lng: 2, lat: 5 };
const east = (meters: number) => {
  const [lng, lat] = destinationPoint([HERE.lng, HERE.lat], 90, meters);
  return { lng, lat };
};
const CAT = 'fixture.repair';
const ids: Record<string, string> = {};

const duplicates = (who: keyof IntakeTestApp['as'], query: Record<string, string | number> = {}) =>
  app.t.request(app.as[who], {
    method: 'GET',
    url: `/api/v1/demands/duplicates?${new URLSearchParams(
      Object.entries({ categoryCode: CAT, ...HERE, ...query }).map(([k, v]) => [k, String(v)]),
    )}`,
  });
const follow = (who: keyof IntakeTestApp['as'], id: string) =>
  app.t.request(app.as[who], { method: 'POST', url: `/api/v1/demands/${id}/follow` });

beforeAll(async () => {
  app = await createIntakeTestApp();
  await ensureFixtureCategory(db(), { code: 'fixture.noise' });
  const file = async (name: string, at: { lng: number; lat: number }, extra: object = {}) => {
    ids[name] = (
      await fileTestDemand(app.t, app.as.gridA1, { location: at, description: `${name} 的描述`, ...extra })
    ).id;
  };
  await file('at0', HERE);
  await file('at120', east(120));
  await file('at190', east(190));
  await file('at210', east(210));
  await file('otherCategory', east(10), { categoryCode: 'fixture.noise' });
  await file('closed', east(20));
  await file('old', east(30), { now: new Date(Date.now() - 31 * 86_400_000) });
  await file('inWindow', east(40), { now: new Date(Date.now() - 29 * 86_400_000) });
  await db().updateTable('demands').set({ status: 'closed' }).where('id', '=', ids.closed!).execute();
});
afterAll(() => app.close());

describe('possible duplicates', () => {
  it('open demands of the category within 200 m and 30 days, nearest first, without personal data', async () => {
    const res = await duplicates('resident');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Record<string, unknown>[];
    expect(items.map((i) => i.id)).toEqual([ids.at0, ids.inWindow, ids.at120, ids.at190]);
    expect(items.map((i) => i.distanceMeters)).toEqual([0, 40, 120, 190]);
    expect(Object.keys(items[0]!).sort()).toEqual([
      'distanceMeters',
      'id',
      'number',
      'receivedAt',
      'status',
      'summary',
    ]);
    expect(JSON.stringify(items)).not.toContain('1381234');
  });

  it('follows the radius setting', async () => {
    await db()
      .insertInto('demandSettings')
      .values({
        key: 'duplicateRadiusMeters',
        value: '100',
        updatedBy: 'test',
        updatedAt: new Date().toISOString(),
      })
      .execute();
    try {
      expect((await duplicates('resident')).json().items.map((i: { id: string }) => i.id)).toEqual([
        ids.at0,
        ids.inWindow,
      ]);
    } finally {
      await db().deleteFrom('demandSettings').where('key', '=', 'duplicateRadiusMeters').execute();
    }
  });

  it('offers the five nearest at most', async () => {
    for (let i = 0; i < 2; i++)
      await fileTestDemand(app.t, app.as.gridA1, { location: HERE, description: `又一件 ${i}` });
    const items = (await duplicates('resident')).json().items as { id: string; distanceMeters: number }[];
    expect(items.map((i) => i.distanceMeters)).toEqual([0, 0, 0, 40, 120]);
    expect(items.map((i) => i.id)).not.toContain(ids.at190);
  });

  it('officials see only their own scope; a resident the whole city', async () => {
    expect((await duplicates('streetA')).json().items.length).toBeGreaterThan(0);
    expect((await duplicates('streetB')).json().items).toEqual([]);
    expect((await duplicates('auditor')).json().items.length).toBeGreaterThan(0);
  });

  it('is closed to those who may neither file nor read (403)', async () => {
    const res = await duplicates('volunteer');
    expect(res.statusCode).toBe(403);
  });
});

describe('following a demand instead of filing it again', () => {
  const follows = (id: string) =>
    db()
      .selectFrom('demandEvents')
      .selectAll()
      .where('demandId', '=', id)
      .where('action', '=', 'follow')
      .execute();

  it('records the resident as a follower on the timeline, once', async () => {
    const res = await follow('neighbour', ids.at120!);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ids.at120, status: 'received', following: true });
    await follow('neighbour', ids.at120!);
    const events = await follows(ids.at120!);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: app.as.neighbour.userId,
      fromStatus: 'received',
      toStatus: 'received',
    });
    expect(JSON.parse(events[0]!.data)).toEqual({ userId: app.as.neighbour.userId });
    const audit = await db()
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'demands.follow')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ targetId: ids.at120 })]);
  });

  it('the reporter following their own demand changes nothing', async () => {
    const own = await fileTestDemand(app.t, app.as.resident, { location: HERE });
    expect((await follow('resident', own.id)).statusCode).toBe(200);
    expect(await follows(own.id)).toEqual([]);
  });

  it('an ended demand cannot be followed (409)', async () => {
    const res = await follow('neighbour', ids.closed!);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('demands.not_open');
  });

  it('an official of another street gets 404; one who may not file gets 403; an unknown id 404', async () => {
    expect((await follow('streetB', ids.at0!)).statusCode).toBe(404);
    expect((await follow('auditor', ids.at0!)).statusCode).toBe(403);
    expect((await follow('neighbour', 'no-such-demand')).statusCode).toBe(404);
    expect(await follows(ids.at0!)).toEqual([]);
  });
});
