import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { SETTINGS_USERS, signInUsers } from './demands.fixtures';
import { DEFAULT_DEMAND_SETTINGS, loadDemandSettings } from './demands.settings';

// The demands settings over HTTP: partial changes, all-or-nothing validation naming each field.

let t: TestApp;
let admin: Session;
let streetA: Session;
let resident: Session;

beforeAll(async () => {
  t = await createTestApp();
  ({ admin, streetA, resident } = await signInUsers(t, SETTINGS_USERS));
});
afterAll(() => t.close());

const put = (s: Session, body: unknown) =>
  t.request(s, { method: 'PUT', url: '/api/v1/demands/settings', body });
const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string; reason: string }[] }).errors ?? []).map(
    (e) => `${e.field}:${e.reason}`,
  );

describe('demands settings', () => {
  it('reads the defaults', async () => {
    const res = await t.request(streetA, { method: 'GET', url: '/api/v1/demands/settings' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(DEFAULT_DEMAND_SETTINGS);
  });

  it('changes only what is sent, and the loader sees it', async () => {
    const res = await put(admin, {
      rates: { weights: { response: 0.2, resolution: 0.4, satisfaction: 0.4 } },
      dueSoonHours: 4,
      workingHours: { start: '08:30', end: '17:30', lunch: { start: '12:00', end: '13:00' } },
    });
    expect(res.statusCode).toBe(200);
    const stored = await loadDemandSettings(t.db.kysely);
    expect(stored.rates).toEqual({
      ...DEFAULT_DEMAND_SETTINGS.rates,
      weights: { response: 0.2, resolution: 0.4, satisfaction: 0.4 },
    });
    expect(stored.dueSoonHours).toBe(4);
    expect(stored.workingHours.lunch).toEqual({ start: '12:00', end: '13:00' });
    expect(stored.whistleReportHours).toBe(DEFAULT_DEMAND_SETTINGS.whistleReportHours);
    expect(res.json()).toEqual(stored);
    const audit = await t.db.kysely
      .selectFrom('auditLog')
      .select('summary')
      .where('action', '=', 'demands.settings.update')
      .execute();
    expect(Object.keys(JSON.parse(audit[0]!.summary)).sort()).toEqual([
      'dueSoonHours',
      'rates',
      'workingHours',
    ]);
  });

  it('accepts weights that add up to 1 in floating point (0.1 + 0.2 + 0.7)', async () => {
    const res = await put(admin, {
      rates: { weights: { response: 0.1, resolution: 0.2, satisfaction: 0.7 } },
    });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    [
      'weights adding up to 0.9',
      { rates: { weights: { response: 0.1, resolution: 0.4, satisfaction: 0.4 } } },
      ['rates.weights:sum'],
    ],
    [
      'a weight above 1',
      { rates: { weights: { response: 1.2, resolution: 0, satisfaction: -0.2 } } },
      ['rates.weights.response:range', 'rates.weights.satisfaction:range'],
    ],
    ['a 基本满意 factor of 1.5', { rates: { basicFactor: 1.5 } }, ['rates.basicFactor:range']],
    ['an unknown denominator', { rates: { denominator: 'all' } }, ['rates.denominator:invalid_value']],
    [
      'working hours ending before they start',
      { workingHours: { start: '17:00', end: '09:00' } },
      ['workingHours:invalid'],
    ],
    ['a time of 25:00', { workingHours: { start: '09:00', end: '25:00' } }, ['workingHours:invalid']],
    ['due-soon hours of 0', { dueSoonHours: 0 }, ['dueSoonHours:range']],
    ['whistle hours of 1.5', { whistleReportHours: 1.5 }, ['whistleReportHours:range']],
    [
      'two bad fields at once',
      { duplicateRadiusMeters: -5, duplicateWindowDays: 0 },
      ['duplicateRadiusMeters:range', 'duplicateWindowDays:range'],
    ],
    ['an unknown setting', { colour: 'red' }, ['colour:unrecognized_key']],
  ])('names the field for %s and changes nothing', async (_label, body, expected) => {
    const before = await loadDemandSettings(t.db.kysely);
    const res = await put(admin, body);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(expected);
    expect(await loadDemandSettings(t.db.kysely)).toEqual(before);
  });

  it('refuses a street official (404: not over the city) and a resident (403 on read and write)', async () => {
    expect((await put(streetA, { dueSoonHours: 2 })).statusCode).toBe(404);
    expect((await put(resident, { dueSoonHours: 2 })).statusCode).toBe(403);
    expect((await t.request(resident, { method: 'GET', url: '/api/v1/demands/settings' })).statusCode).toBe(
      403,
    );
    expect((await loadDemandSettings(t.db.kysely)).dueSoonHours).toBe(4);
  });
});
