import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOfSession, createHandlingUnit, STREET_A_PATH } from './demands.fixtures';
import { act, createHandlingTestApp, demandIn, type HandlingTestApp } from './demands.handling.fixtures';
import { takeAction } from './demands.handling.service';
import type { DemandDetail } from './demands.schemas';
import type { WhistleSummary } from './demands.whistles';

// 街乡吹哨、部门报到 (Beijing art. 16) and the double assessment of both sides (art. 33).

let h: HandlingTestApp;
beforeAll(async () => {
  h = await createHandlingTestApp();
});
afterAll(() => h.close());

const china = (local: string) => new Date(`${local}+08:00`);

describe('whom a street may summon', () => {
  it.each([
    ['a department of the street', 'deptA', 200],
    ['a department of the district above it', 'deptDistrict', 200],
    ['a co-building unit of the street', 'cobuildA', 200],
    ['a department of another street', 'deptB', 400],
    ['a property company (dispatched to, never summoned)', 'propertyA1', 400],
  ] as const)('%s (%s) → %s', async (_label, unit, status) => {
    const id = await demandIn(h, 'in_hand');
    const res = await act(h, h.as.streetA, id, {
      action: 'whistle',
      note: '请协同处置',
      unitId: h.units[unit],
    });
    expect(res.statusCode, res.body).toBe(status);
    if (status === 400) expect(res.json()).toMatchObject({ errors: [{ field: 'unitId' }] });
  });

  it('a unit based in one of the street’s communities may be summoned; an inactive one may not', async () => {
    const below = await createHandlingUnit(h.t.db.kysely, {
      kind: 'cobuild_unit',
      name: '社区卫生服务站',
      path: `${STREET_A_PATH}/371602001001`,
    });
    const inactive = await createHandlingUnit(h.t.db.kysely, {
      kind: 'department',
      name: '已撤销的科室',
      path: STREET_A_PATH,
      active: false,
    });
    const id = await demandIn(h, 'registered');
    expect(
      (await act(h, h.as.streetA, id, { action: 'whistle', note: '协同', unitId: below })).statusCode,
    ).toBe(200);
    expect(
      (await act(h, h.as.streetA, id, { action: 'whistle', note: '协同', unitId: inactive })).statusCode,
    ).toBe(400);
    expect((await act(h, h.as.streetA, id, { action: 'whistle', note: '协同' })).json()).toMatchObject({
      errors: [{ field: 'unitId', reason: 'required' }],
    });
  });

  it('a grid worker may not blow the whistle (403)', async () => {
    const id = await demandIn(h, 'in_hand');
    expect(
      (await act(h, h.as.gridA1, id, { action: 'whistle', note: '协同', unitId: h.units.deptA })).statusCode,
    ).toBe(403);
  });
});

describe('reporting in', () => {
  it('records who reported and when; a second report-in of the same whistle is refused', async () => {
    const id = await demandIn(h, 'in_hand');
    const blown = (
      await act(h, h.as.streetA, id, { action: 'whistle', note: '请报到', unitId: h.units.deptA })
    ).json() as DemandDetail;
    const whistle = blown.whistles[0]!;
    expect(whistle).toMatchObject({ unitName: '市中街道城管中队', reportedAt: null, onTime: null });
    expect(blown.events.at(-1)?.data).toMatchObject({
      whistleId: whistle.id,
      reportDueAt: whistle.reportDueAt,
    });
    expect((await act(h, h.as.gridA1, id, { action: 'report_in', whistleId: 'nope' })).json()).toMatchObject({
      errors: [{ field: 'whistleId', reason: 'not_found' }],
    });
    const reported = (
      await act(h, h.as.gridA1, id, { action: 'report_in', whistleId: whistle.id })
    ).json() as DemandDetail;
    expect(reported.whistles[0]).toMatchObject({ id: whistle.id, onTime: true });
    expect(reported.whistles[0]?.reportedAt).not.toBeNull();
    const again = await act(h, h.as.gridA1, id, { action: 'report_in', whistleId: whistle.id });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ errors: [{ field: 'whistleId', reason: 'already_reported' }] });
  });

  it('a whistle of another demand cannot be answered on this one', async () => {
    const a = await demandIn(h, 'in_hand');
    const b = await demandIn(h, 'in_hand');
    const w = (
      (
        await act(h, h.as.streetA, a, { action: 'whistle', note: '请报到', unitId: h.units.deptA })
      ).json() as DemandDetail
    ).whistles[0]!;
    expect((await act(h, h.as.gridA1, b, { action: 'report_in', whistleId: w.id })).statusCode).toBe(400);
  });
});

describe('the whistle lists and the double assessment (Beijing art. 33)', () => {
  let summaryFrom: string;
  beforeAll(async () => {
    // In May 2025: three whistles to the street department (one reported on time, one late, one
    // never), one to the district department (on time); a street B whistle the A side never sees.
    summaryFrom = '2025-05-01';
    const actor = await actorOfSession(h.t.db.kysely, h.as.district);
    const run = (id: string, body: Parameters<typeof takeAction>[0]['body'], now: Date) =>
      takeAction({ db: h.t.db.kysely, cipher: h.t.app.cipher, actor, id, body, now });
    const blow = async (
      unitId: string,
      at: string,
      reportAt: string | null,
      location?: { lng: number; lat: number },
    ) => {
      const id = await demandIn(h, 'in_hand', location ? { location } : {});
      const d = await run(id, { action: 'whistle', note: '请报到', unitId, photos: [] }, china(at));
      if (reportAt)
        await run(id, { action: 'report_in', whistleId: d.whistles.at(-1)!.id, photos: [] }, china(reportAt));
    };
    // Tuesday 2025-05-13 10:00 + 4 working hours → 14:00 the same day.
    await blow(h.units.deptA, '2025-05-13T10:00:00', '2025-05-13T14:00:00');
    await blow(h.units.deptA, '2025-05-13T10:00:00', '2025-05-13T14:00:01');
    await blow(h.units.deptA, '2025-05-14T10:00:00', null);
    await blow(h.units.deptDistrict, '2025-05-15T10:00:00', '2025-05-15T11:00:00');
    await blow(h.units.deptB, '2025-05-15T10:00:00', '2025-05-15T11:00:00', { lng: 12, lat: 5 });
  });

  it('counts on-time and late report-ins per unit and per street, within the period and the scope', async () => {
    const res = await h.t.request(h.as.streetA, {
      method: 'GET',
      url: `/api/v1/demands/whistles/summary?from=${summaryFrom}&to=2025-05-31`,
    });
    expect(res.statusCode).toBe(200);
    const s = res.json() as WhistleSummary;
    expect(s.units).toEqual(
      [
        {
          unitId: h.units.deptA,
          unitName: '市中街道城管中队',
          summoned: 3,
          reportedOnTime: 1,
          reportedLate: 1,
          waiting: 0,
          waitingLate: 1,
        },
        {
          unitId: h.units.deptDistrict,
          unitName: '区住建局',
          summoned: 1,
          reportedOnTime: 1,
          reportedLate: 0,
          waiting: 0,
          waitingLate: 0,
        },
      ].sort((a, b) => a.unitName.localeCompare(b.unitName)),
    );
    expect(s.streets).toEqual([
      {
        code: '371602001',
        name: '市中街道',
        summoned: 4,
        reportedOnTime: 2,
        reportedLate: 1,
        waiting: 0,
        waitingLate: 1,
      },
    ]);
    const district = (
      await h.t.request(h.as.district, {
        method: 'GET',
        url: '/api/v1/demands/whistles/summary?from=2025-05-14&to=2025-05-15',
      })
    ).json() as WhistleSummary;
    expect(district.streets.map((x) => [x.code, x.summoned])).toEqual([
      ['371602001', 2],
      ['371602002', 1],
    ]);
  });

  it('lists the whistles still waiting in the caller’s scope only', async () => {
    const res = await h.t.request(h.as.streetA, {
      method: 'GET',
      url: '/api/v1/demands/whistles?waiting=true',
    });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { reportedAt: string | null; path: string; unitName: string }[] })
      .items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((w) => w.reportedAt === null)).toBe(true);
    expect(items.every((w) => w.path.startsWith(`${STREET_A_PATH}/`))).toBe(true);
    const b = (
      await h.t.request(h.as.streetB, { method: 'GET', url: '/api/v1/demands/whistles' })
    ).json() as {
      items: { unitName: string }[];
    };
    expect(b.items.map((w) => w.unitName)).toEqual(['市西街道城管中队']);
  });

  it('an area outside the caller’s scope is 404; a resident gets 403', async () => {
    expect(
      (await h.t.request(h.as.streetA, { method: 'GET', url: '/api/v1/demands/whistles?areaCode=371602002' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await h.t.request(h.as.resident, { method: 'GET', url: '/api/v1/demands/whistles' })).statusCode,
    ).toBe(403);
    expect(
      (await h.t.request(h.as.resident, { method: 'GET', url: '/api/v1/demands/whistles/summary' }))
        .statusCode,
    ).toBe(403);
  });
});
