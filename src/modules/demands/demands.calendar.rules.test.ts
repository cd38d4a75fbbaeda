import { describe, expect, it } from 'vitest';
import { cnHolidayArrangements, cnHolidayName } from '../../lib/working-calendar.cn-holidays';
import { calendarDateProblems, calendarEntryProblems, weekdayOf } from './demands.calendar.rules';
import { isCalendarDay } from './demands.rates.period';

const fields = (p: { field: string; reason: string; in: string }[]) =>
  p.map((x) => `${x.in}.${x.field}:${x.reason}`);

describe('calendarDateProblems', () => {
  it.each([
    ['2026-10-01', []],
    ['2024-02-29', []],
    ['2000-01-01', []],
    ['2100-12-31', []],
    ['2025-02-29', ['params.date:format']],
    ['2026-13-01', ['params.date:format']],
    ['2026-1-1', ['params.date:format']],
    ['20261001', ['params.date:format']],
    ['1999-12-31', ['params.date:format']],
    ['2101-01-01', ['params.date:format']],
    ['tomorrow', ['params.date:format']],
  ])('%s → %j', (date, expected) => expect(fields(calendarDateProblems(date))).toEqual(expected));

  it('knows a real date', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
  });
});

describe('calendarEntryProblems', () => {
  it.each([
    ['2026-09-20', 'workday', []], // Sunday: the 2026 make-up day before National Day
    ['2026-10-10', 'workday', []], // Saturday
    ['2026-10-09', 'workday', ['body.kind:makeup_not_weekend']], // Friday
    ['2026-10-12', 'workday', ['body.kind:makeup_not_weekend']], // Monday
    ['2026-10-12', 'holiday', []], // a Monday off
    ['2026-10-03', 'holiday', []], // a Saturday inside a 放假 range
  ] as const)('%s as %s → %j', (date, kind, expected) =>
    expect(fields(calendarEntryProblems(date, kind))).toEqual(expected),
  );

  it('accepts every make-up workday of the State Council data', () => {
    for (const a of cnHolidayArrangements)
      for (const d of a.makeupWorkdays) expect(calendarEntryProblems(d, 'workday'), d).toEqual([]);
  });
});

describe('festival names of the holiday data', () => {
  it('names every listed day', () => {
    for (const a of cnHolidayArrangements)
      for (const d of [...a.holidays, ...a.makeupWorkdays]) expect(cnHolidayName(d), d).toBeTruthy();
  });
  it.each([
    ['2026-10-01', '国庆节'],
    ['2026-09-20', '国庆节'],
    ['2026-09-26', '中秋节'],
    ['2025-10-08', '国庆节、中秋节'],
    ['2026-02-14', '春节'],
    ['2024-06-10', '端午节'],
    ['2026-10-08', undefined],
  ])('%s is %s', (date, name) => expect(cnHolidayName(date)).toBe(name));
  it('knows weekdays', () => expect(weekdayOf('2026-10-01')).toBe(4));
});
