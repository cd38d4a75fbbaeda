import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids';
import {
  actorOfSession,
  editFixtureCategory,
  ensureFixtureCategory,
  fileTestDemand,
  walk,
} from './demands.fixtures';
import {
  act,
  createHandlingTestApp,
  DEPARTMENT_NAME,
  demandIn,
  demandRow,
  getDetail,
  type HandlingTestApp,
} from './demands.handling.fixtures';
import { takeAction } from './demands.handling.service';
import type { DemandDetail, ResponsibleOptions } from './demands.schemas';

// Dispatch (派单) and its clocks, reassignment and return, the routing options, and the
// resident's rating.

let h: HandlingTestApp;
beforeAll(async () => {
  h = await createHandlingTestApp();
});
afterAll(() => h.close());

const china = (local: string) => new Date(`${local}+08:00`);

/**
 * Files a demand of `code` as the district official, registers it and dispatches it to its grid at
 * the given China times (through the service, so that the clock is the test's); answers the demand.
 */
async function dispatchedAt(code: string, at: { filed: string; registered: string; dispatched: string }) {
  const filed = await fileTestDemand(h.t, h.as.district, { categoryCode: code, now: china(at.filed) });
  const actor = await actorOfSession(h.t.db.kysely, h.as.district);
  const step = (body: Parameters<typeof takeAction>[0]['body'], now: string) =>
    takeAction({ db: h.t.db.kysely, cipher: h.t.app.cipher, actor, id: filed.id, body, now: china(now) });
  await step({ action: 'register', photos: [] }, at.registered);
  return step(
    { action: 'dispatch', photos: [], responsible: { kind: 'grid', ref: filed.gridCode! } },
    at.dispatched,
  );
}

/** The 2025 National Day arrangement: 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked. */
async function nationalDay2025() {
  const db = h.t.db.kysely;
  const holidays = [
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ];
  const workdays = ['2025-09-28', '2025-10-11'];
  await db
    .deleteFrom('workCalendarDays')
    .where('date', 'in', [...holidays, ...workdays])
    .execute();
  const at = new Date().toISOString();
  await db
    .insertInto('workCalendarDays')
    .values([
      ...holidays.map((date) => ({
        date,
        kind: 'holiday' as const,
        name: '国庆节、中秋节',
        updatedBy: 'test',
        updatedAt: at,
      })),
      ...workdays.map((date) => ({
        date,
        kind: 'workday' as const,
        name: '调休上班',
        updatedBy: 'test',
        updatedAt: at,
      })),
    ])
    .execute();
}

describe('dispatch starts the clocks of the category version the demand was filed under', () => {
  it('a 2-working-day limit dispatched the day before National Day runs to the Friday after it', async () => {
    await nationalDay2025();
    const code = await ensureFixtureCategory(h.t.db.kysely, {
      code: 'fixture.holiday',
      handleLimit: 2,
      handleUnit: 'working_days',
      firstContactHours: 8,
    });
    const d = await dispatchedAt(code, {
      filed: '2025-09-29T16:00:00',
      registered: '2025-09-30T09:30:00',
      dispatched: '2025-09-30T10:00:00',
    });
    // Beijing art. 13: the limit is written on the work order. Working days 10-09 and 10-10; the
    // day of dispatch is not counted; due at the end of working hours (17:00) on the second.
    expect(d.dueAt).toBe(china('2025-10-10T17:00:00').toISOString());
    // Art. 15(1): 8 working hours = 7 on 09-30 (10:00–17:00) + 1 on 10-09.
    expect(d.firstContactDueAt).toBe(china('2025-10-09T10:00:00').toISOString());
    expect(d.dispatchedAt).toBe(china('2025-09-30T10:00:00').toISOString());
  });

  it('a limit in working hours ends at 17:00 the same day, or runs on after the holiday', async () => {
    await nationalDay2025();
    const code = await ensureFixtureCategory(h.t.db.kysely, {
      code: 'fixture.hours',
      handleLimit: 4,
      handleUnit: 'working_hours',
      firstContactHours: 1,
    });
    const d = await dispatchedAt(code, {
      filed: '2025-09-30T12:00:00',
      registered: '2025-09-30T12:00:00',
      dispatched: '2025-09-30T13:00:00',
    });
    expect(d.dueAt).toBe(china('2025-09-30T17:00:00').toISOString());
    expect(d.firstContactDueAt).toBe(china('2025-09-30T14:00:00').toISOString());
    const d2 = await dispatchedAt(code, {
      filed: '2025-09-30T14:00:00',
      registered: '2025-09-30T14:00:00',
      dispatched: '2025-09-30T16:59:00',
    });
    // 1 minute left on 09-30; the other 3 h 59 min on 10-09 (the first working day after the holiday).
    expect(d2.dueAt).toBe(china('2025-10-09T12:59:00').toISOString());
  });

  it('a category edited after filing does not change the demand’s limits', async () => {
    const code = await ensureFixtureCategory(h.t.db.kysely, {
      code: 'fixture.edited',
      handleLimit: 5,
      handleUnit: 'working_days',
      firstContactHours: 4,
    });
    const id = await demandIn(h, 'registered', { categoryCode: code });
    await editFixtureCategory(h.t.db.kysely, code, {
      handleLimit: 1,
      handleUnit: 'working_hours',
      firstContactHours: 1,
    });
    const d = await walk(h.t, h.as.district, id, ['dispatch']);
    expect(d.categoryVersion).toBe(1);
    expect(d.limits).toEqual({ handleLimit: 5, handleUnit: 'working_days', firstContactHours: 4 });
    // Five working days away is at least five calendar days away; one working hour would not be.
    expect(Date.parse(d.dueAt!) - Date.parse(d.dispatchedAt!)).toBeGreaterThan(5 * 86_400_000);
  });
});

describe('reassigning and returning', () => {
  it('reassign changes the party and keeps the deadlines (首接负责制)', async () => {
    const id = await demandIn(h, 'in_hand');
    const before = await demandRow(h, id);
    const res = await act(h, h.as.streetA, id, {
      action: 'reassign',
      note: '属于物业维修范围',
      responsible: { kind: 'property_company', ref: h.units.propertyA1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as DemandDetail;
    expect(d).toMatchObject({
      status: 'dispatched',
      responsibleKind: 'property_company',
      responsibleName: '安居物业',
      dueAt: before.dueAt,
      firstContactDueAt: before.firstContactDueAt,
      dispatchedAt: before.dispatchedAt,
      handlerUserId: null,
    });
    expect(d.events.at(-1)?.data).toMatchObject({ from: { kind: 'grid', ref: before.responsibleRef } });
  });

  it('return clears the party, keeps the reason, and a new dispatch keeps the first deadlines', async () => {
    const id = await demandIn(h, 'in_hand');
    const before = await demandRow(h, id);
    const returned = (
      await act(h, h.as.gridA1, id, { action: 'return', note: '不属于网格职责' })
    ).json() as DemandDetail;
    expect(returned).toMatchObject({
      status: 'registered',
      responsibleKind: null,
      responsibleName: null,
      handlerUserId: null,
    });
    expect(returned.events.at(-1)).toMatchObject({
      action: 'return',
      note: '不属于网格职责',
      data: { reason: '不属于网格职责' },
    });
    const again = (
      await act(h, h.as.streetA, id, {
        action: 'dispatch',
        responsible: { kind: 'community', ref: '371602001001' },
      })
    ).json() as DemandDetail;
    expect(again).toMatchObject({ status: 'dispatched', responsibleKind: 'community', dueAt: before.dueAt });
  });

  it.each([
    ['no party', {}, 'responsible'],
    ['a grid of another street', { responsible: { kind: 'grid', ref: '371602002001001' } }, 'responsible'],
    [
      'a unit that does not serve the place',
      { responsible: { kind: 'department', ref: 'nope' } },
      'responsible',
    ],
    [
      'a handler with no right to handle there',
      { responsible: { kind: 'grid', ref: '371602001001001' }, handlerUserId: 'streetB' },
      'handlerUserId',
    ],
  ] as const)('dispatch to %s is refused naming the field', async (_label, extra, field) => {
    const id = await demandIn(h, 'registered');
    const body: Record<string, unknown> = { action: 'dispatch', ...extra };
    if (body.handlerUserId === 'streetB') body.handlerUserId = h.ids.streetB;
    const res = await h.t.request(h.as.streetA, {
      method: 'POST',
      url: `/api/v1/demands/${id}/actions`,
      body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'demands.invalid_action', errors: [{ field }] });
  });

  it('dispatch may name a handler who holds demands.handle at the place', async () => {
    const id = await demandIn(h, 'registered');
    const res = await act(h, h.as.streetA, id, {
      action: 'dispatch',
      responsible: { kind: 'grid', ref: '371602001001001' },
      handlerUserId: h.ids.gridA1,
    });
    expect(res.json()).toMatchObject({ handlerUserId: h.ids.gridA1 });
  });
});

describe('routing options', () => {
  it('lists every party at the place, suggests the category’s default and the handlers there', async () => {
    await h.t.db.kysely
      .insertInto('ownerCommittees')
      .values({
        id: newId(),
        compoundCode: '37160200100100101',
        path: '3716/371602/371602001/371602001001/371602001001001/37160200100100101',
        formationId: null,
        electedOn: '2024-01-01',
        termStart: '2024-01-01',
        termEnd: '2028-12-31',
        filedOn: null,
        filingAuthority: null,
        status: 'in_term',
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      })
      .execute();
    const id = await demandIn(h, 'registered');
    const res = await h.t.request(h.as.streetA, {
      method: 'GET',
      url: `/api/v1/demands/${id}/responsible-options`,
    });
    expect(res.statusCode).toBe(200);
    const o = res.json() as ResponsibleOptions;
    expect(o.suggested).toEqual({ kind: 'grid', ref: '371602001001001', name: '第1网格' });
    const kinds = o.options.map((x) => `${x.kind}:${x.name}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'grid:第1网格',
        'community:市中社区',
        'street:市中街道',
        'property_company:安居物业',
        'owners_committee:市中1号小区业主委员会',
        `department:${DEPARTMENT_NAME}`,
        'department:市中街道城管中队',
        'cobuild_unit:供电公司市中所',
      ]),
    );
    expect(kinds.join()).not.toContain('市西');
    const handlers = o.handlers.map((x) => x.id);
    expect(handlers).toEqual(
      expect.arrayContaining([h.ids.gridA1, h.ids.propA1, h.ids.streetA, h.ids.district]),
    );
    expect(handlers).not.toContain(h.ids.gridA2);
    expect(handlers).not.toContain(h.ids.streetB);
    expect(handlers).not.toContain(h.ids.committee);
  });

  it('is for dispatchers: a grid worker gets 403, another street 404', async () => {
    const id = await demandIn(h, 'registered');
    const url = `/api/v1/demands/${id}/responsible-options`;
    expect((await h.t.request(h.as.gridA1, { method: 'GET', url })).statusCode).toBe(403);
    expect((await h.t.request(h.as.streetB, { method: 'GET', url })).statusCode).toBe(404);
  });
});

describe('the resident rates their own closed demand (回访, Beijing art. 23)', () => {
  it('the reporter rates; another resident gets 404; before closing it is 409', async () => {
    const filed = await fileTestDemand(h.t, h.as.resident);
    await walk(h.t, h.as.district, filed.id, ['register', 'dispatch', 'accept', 'reply']);
    const early = await act(h, h.as.resident, filed.id, {
      action: 'rate',
      rating: 'satisfied',
      resolved: true,
    });
    expect(early.statusCode).toBe(409);
    await walk(h.t, h.as.district, filed.id, ['verify_pass', 'close']);
    const mine = (await getDetail(h, h.as.resident, filed.id)).json() as DemandDetail;
    expect(mine.allowedActions).toEqual(['rate']);
    const other = await act(h, h.as.neighbour, filed.id, {
      action: 'rate',
      rating: 'unsatisfied',
      resolved: false,
    });
    expect(other.statusCode).toBe(404);
    const missing = await act(h, h.as.resident, filed.id, { action: 'rate' });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'rating',
      'resolved',
    ]);
    const rated = await act(h, h.as.resident, filed.id, {
      action: 'rate',
      rating: 'basic',
      resolved: true,
      note: '处理及时',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({
      status: 'rated',
      rating: 'basic',
      resolved: true,
      ratingComment: '处理及时',
    });
    const ev = (rated.json() as DemandDetail).events.at(-1);
    expect(ev).toMatchObject({ action: 'rate', actorLabel: '诉求人 reporter', data: { by: 'reporter' } });
  });

  it('an official records a callback rating; a grid worker may not (403)', async () => {
    const id = await demandIn(h, 'closed');
    expect(
      (await act(h, h.as.gridA1, id, { action: 'rate', rating: 'satisfied', resolved: true })).statusCode,
    ).toBe(403);
    const res = await act(h, h.as.streetA, id, { action: 'rate', rating: 'unsatisfied', resolved: false });
    expect(res.json()).toMatchObject({ status: 'rated', rating: 'unsatisfied', resolved: false });
    expect((res.json() as DemandDetail).events.at(-1)?.data).toMatchObject({ by: 'callback' });
  });
});
