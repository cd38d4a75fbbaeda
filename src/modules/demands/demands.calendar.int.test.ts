import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { SETTINGS_USERS, signInUsers } from './demands.fixtures';
import { loadWorkingCalendar } from './demands.settings';
import { limitDeadline } from './demands.sla';

// The working calendar as data: reading a year, marking and clearing days, and deadlines that follow.

let t: TestApp;
let admin: Session;
let streetA: Session;
let resident: Session;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin, streetA, resident } = await signInUsers(t, SETTINGS_USERS));
});
afterAll(() => t.close());

const put = (s: Session, date: string, body: unknown) =>
  t.request(s, { method: 'PUT', url: `/api/v1/demands/calendar/days/${date}`, body });
const del = (s: Session, date: string) =>
  t.request(s, { method: 'DELETE', url: `/api/v1/demands/calendar/days/${date}` });
const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string; in: string; reason: string }[] }).errors ?? []).map(
    (e) => `${e.in}.${e.field}:${e.reason}`,
  );

describe('reading a year', () => {
  it('lists 2026 with National Day named, the working hours and 248 working days', async () => {
    const res = await t.request(streetA, { method: 'GET', url: '/api/v1/demands/calendar?year=2026' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      year: 2026,
      workingHours: { start: '09:00', end: '17:00' },
      hoursPerDay: 8,
    });
    expect(body.workdayCount).toBe(248);
    expect(body.days.find((d: { date: string }) => d.date === '2026-10-01')).toMatchObject({
      kind: 'holiday',
      name: '国庆节',
      weekday: 4,
    });
    expect(body.days.every((d: { date: string }) => d.date.startsWith('2026-'))).toBe(true);
  });

  it('refuses a resident (no demands.read: 403) and a year out of range (400)', async () => {
    expect((await t.request(resident, { method: 'GET', url: '/api/v1/demands/calendar' })).statusCode).toBe(
      403,
    );
    const res = await t.request(admin, { method: 'GET', url: '/api/v1/demands/calendar?year=1900' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['query.year:too_small']);
  });
});

describe('changing days', () => {
  // Thursday 2027-03-04 10:00 China time; 2027 has no holiday data, so Monday 2027-03-08 is a working day.
  const received = new Date('2027-03-04T02:00:00Z');

  it('pushes a working-day deadline when a Monday becomes a day off, and back when cleared', async () => {
    const due = async () =>
      limitDeadline(await loadWorkingCalendar(t.db.kysely), received, 2, 'working_days');
    expect((await due()).toISOString()).toBe('2027-03-08T09:00:00.000Z'); // Monday 17:00
    const res = await put(admin, '2027-03-08', { kind: 'holiday', name: '临时调休' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date: '2027-03-08', kind: 'holiday', name: '临时调休', weekday: 1 });
    expect((await due()).toISOString()).toBe('2027-03-09T09:00:00.000Z'); // Tuesday 17:00
    expect((await del(admin, '2027-03-08')).statusCode).toBe(204);
    expect((await due()).toISOString()).toBe('2027-03-08T09:00:00.000Z');
  });

  it('brings a deadline forward when a Saturday becomes a make-up working day', async () => {
    const fridayNoon = new Date('2027-03-12T04:00:00Z');
    const due = async () =>
      limitDeadline(await loadWorkingCalendar(t.db.kysely), fridayNoon, 1, 'working_days');
    expect((await due()).toISOString()).toBe('2027-03-15T09:00:00.000Z'); // Monday
    expect((await put(admin, '2027-03-13', { kind: 'workday', name: '调休上班' })).statusCode).toBe(200);
    expect((await due()).toISOString()).toBe('2027-03-13T09:00:00.000Z'); // the Saturday
  });

  it('replaces an entry and writes the audit log', async () => {
    expect((await put(admin, '2027-03-13', { kind: 'holiday', name: '改为放假' })).statusCode).toBe(200);
    const days = (await t.request(admin, { method: 'GET', url: '/api/v1/demands/calendar?year=2027' })).json()
      .days;
    expect(days).toEqual([
      expect.objectContaining({ date: '2027-03-13', kind: 'holiday', name: '改为放假' }),
    ]);
    const audit = await t.db.kysely
      .selectFrom('auditLog')
      .select('action')
      .where('targetType', '=', 'work_calendar_day')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'demands.calendar.set',
      'demands.calendar.clear',
      'demands.calendar.set',
      'demands.calendar.set',
    ]);
  });

  it('clearing a day with no entry is a no-op', async () => {
    expect((await del(admin, '2027-05-05')).statusCode).toBe(204);
  });

  it.each([
    [
      'a make-up working day on a Monday',
      '2027-03-08',
      { kind: 'workday', name: 'x' },
      ['body.kind:makeup_not_weekend'],
    ],
    ['a date that does not exist', '2027-02-29', { kind: 'holiday', name: 'x' }, ['params.date:format']],
    ['a date not written YYYY-MM-DD', '8-3-2027', { kind: 'holiday', name: 'x' }, ['params.date:format']],
    ['an empty name', '2027-03-08', { kind: 'holiday', name: ' ' }, ['body.name:too_small']],
    ['an unknown kind', '2027-03-08', { kind: 'halfday', name: 'x' }, ['body.kind:invalid_value']],
  ])('names the field for %s', async (_label, date, body, expected) => {
    const res = await put(admin, date, body);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(expected);
  });

  it('refuses a street official (404: not over the city) and a resident (403)', async () => {
    expect((await put(streetA, '2027-03-08', { kind: 'holiday', name: 'x' })).statusCode).toBe(404);
    expect((await del(streetA, '2026-10-01')).statusCode).toBe(404);
    expect((await put(resident, '2027-03-08', { kind: 'holiday', name: 'x' })).statusCode).toBe(403);
    const still = await t.db.kysely
      .selectFrom('workCalendarDays')
      .select('kind')
      .where('date', '=', '2026-10-01')
      .executeTakeFirst();
    expect(still?.kind).toBe('holiday');
  });
});
