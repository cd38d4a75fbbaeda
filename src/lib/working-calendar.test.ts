import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDateOf, createWorkingCalendar } from './working-calendar';
import { cnHolidayArrangements, mergeHolidayArrangements } from './working-calendar.cn-holidays';

const official = mergeHolidayArrangements(cnHolidayArrangements);
const calendar = createWorkingCalendar({ ...official, timeZone: 'Asia/Shanghai' });
const withLunch = createWorkingCalendar({
  ...official,
  workingHours: { start: '09:00', end: '17:00', lunch: { start: '12:00', end: '13:00' } },
  timeZone: 'Asia/Shanghai',
});

/** 'YYYY-MM-DD HH:MM' in China time → instant. */
function at(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

/** instant → 'YYYY-MM-DD HH:MM' in China time. */
function show(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function eachDay(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('the State Council holiday data', () => {
  it.each([
    [2024, 251, 28],
    [2025, 248, 28],
    [2026, 248, 33],
  ])('%i has %i working days and %i days off in its 放假 ranges', (year, workdays, daysOff) => {
    const count = eachDay(`${year}-01-01`, `${year}-12-31`).filter((d) => calendar.isWorkday(d)).length;
    expect(count).toBe(workdays);
    expect(cnHolidayArrangements.find((a) => a.year === year)?.holidays).toHaveLength(daysOff);
  });

  it('declares only weekend days as make-up workdays, and lists each day once', () => {
    for (const arrangement of cnHolidayArrangements) {
      for (const day of arrangement.makeupWorkdays) expect([0, 6]).toContain(weekday(day));
      expect(new Set(arrangement.holidays).size).toBe(arrangement.holidays.length);
      for (const day of [...arrangement.holidays, ...arrangement.makeupWorkdays]) {
        expect(day.startsWith(`${arrangement.year}-`)).toBe(true);
      }
    }
  });

  it('gives the same working days whether holidays list every day off or only the weekdays off', () => {
    const weekdaysOnly = createWorkingCalendar({
      holidays: official.holidays.filter((d) => weekday(d) !== 0 && weekday(d) !== 6),
      makeupWorkdays: official.makeupWorkdays,
    });
    for (const day of eachDay('2024-01-01', '2026-12-31')) {
      expect(weekdaysOnly.isWorkday(day), day).toBe(calendar.isWorkday(day));
    }
  });
});

describe('isWorkday', () => {
  it.each([
    ['2024-02-04', true, 'a make-up Sunday before the 2024 Spring Festival'],
    ['2024-02-09', true, '2024 除夕, a Friday not in the notice'],
    ['2024-02-12', false, 'a Monday in the 2024 Spring Festival'],
    ['2024-02-18', true, 'a make-up Sunday after the 2024 Spring Festival'],
    ['2024-10-12', true, 'a make-up Saturday after National Day 2024'],
    ['2025-01-01', false, "New Year's Day 2025, a Wednesday"],
    ['2025-01-02', true, 'the day after'],
    ['2025-02-08', true, 'a make-up Saturday in 2025'],
    ['2025-10-08', false, 'the eighth day of the 2025 National Day and Mid-Autumn break'],
    ['2026-01-04', true, 'a make-up Sunday right after New Year 2026'],
    ['2026-02-13', true, 'the Friday before the 2026 Spring Festival'],
    ['2026-02-14', true, 'the make-up Saturday before the 2026 Spring Festival'],
    ['2026-02-23', false, 'the last day of the 2026 Spring Festival, a Monday'],
    ['2026-02-24', true, 'the first working day after it'],
    ['2026-02-28', true, 'the make-up Saturday after it'],
    ['2026-06-19', false, 'the Dragon Boat Festival 2026, a Friday'],
    ['2026-09-20', true, 'the make-up Sunday before National Day 2026'],
    ['2026-10-10', true, 'the make-up Saturday after it'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-03-09', true, 'an ordinary Monday'],
    ['2027-01-01', true, 'a Friday in a year with no data yet: plain Monday–Friday'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkday(date)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-2-3', '20260203', '', '2026-13-01'])("refuses '%s'", (date) => {
    expect(() => calendar.isWorkday(date)).toThrow(RangeError);
  });
});

describe('addWorkdays: the day of receipt is not counted, the deadline is 17:00', () => {
  it.each([
    ['2026-03-06 20:00', 1, '2026-03-09 17:00', 'received on a Friday evening'],
    ['2026-03-06 10:00', 1, '2026-03-09 17:00', 'received on a Friday morning'],
    ['2026-03-07 11:00', 1, '2026-03-09 17:00', 'received on a Saturday'],
    ['2026-03-09 08:00', 1, '2026-03-10 17:00', 'received on a Monday before opening'],
    ['2026-03-09 23:30', 1, '2026-03-10 17:00', 'received late on Monday in China (15:30 UTC)'],
    ['2026-03-10 00:30', 1, '2026-03-11 17:00', 'received just after midnight in China (Monday in UTC)'],
    ['2024-09-30 10:00', 1, '2024-10-08 17:00', 'received the day before National Day 2024'],
    ['2025-09-30 10:00', 1, '2025-10-09 17:00', 'received the day before the 8-day break of 2025'],
    ['2026-02-13 18:00', 1, '2026-02-14 17:00', 'due on the make-up Saturday'],
    ['2026-02-13 18:00', 2, '2026-02-24 17:00', 'across the 2026 Spring Festival'],
    ['2026-02-14 10:00', 1, '2026-02-24 17:00', 'received on the make-up Saturday'],
    ['2026-02-20 10:00', 1, '2026-02-24 17:00', 'received during the Spring Festival'],
    ['2025-12-31 15:00', 1, '2026-01-04 17:00', 'across year end onto a make-up Sunday'],
    ['2025-12-31 15:00', 2, '2026-01-05 17:00', 'across year end, two days'],
    ['2024-12-31 15:00', 1, '2025-01-02 17:00', "across year end past New Year's Day 2025"],
    ['2026-04-30 10:00', 7, '2026-05-13 17:00', 'seven working days across Labour Day 2026'],
    ['2026-09-18 10:00', 15, '2026-10-15 17:00', 'fifteen working days across National Day 2026'],
  ])('%s + %i working day(s) → %s (%s)', (received, n, due) => {
    expect(show(calendar.addWorkdays(at(received), n))).toBe(due);
  });

  it('ends at the close of working hours whatever the lunch break', () => {
    expect(show(withLunch.addWorkdays(at('2026-03-06 20:00'), 1))).toBe('2026-03-09 17:00');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s working days', (n) => {
    expect(() => calendar.addWorkdays(at('2026-03-06 10:00'), n)).toThrow(RangeError);
  });
});

describe('addCalendarDays: natural days, moved off days off (Civil Code art. 203)', () => {
  it.each([
    ['2026-03-02 10:00', 15, '2026-03-17 17:00', 'ends on a working Tuesday'],
    ['2026-03-02 10:00', 5, '2026-03-09 17:00', 'ends on a Saturday and moves to Monday'],
    ['2026-02-10 10:00', 7, '2026-02-24 17:00', 'ends in the Spring Festival and moves past it'],
    ['2026-02-07 10:00', 7, '2026-02-14 17:00', 'ends on the make-up Saturday'],
  ])('%s + %i day(s) → %s (%s)', (received, n, due) => {
    expect(show(calendar.addCalendarDays(at(received), n))).toBe(due);
  });
});

describe('addWorkingHours', () => {
  it.each([
    [calendar, '2026-03-05 16:59', 2, '2026-03-06 10:59', 'received at 16:59 with a 2-hour limit'],
    [calendar, '2026-03-05 16:59', 1, '2026-03-06 09:59', 'received at 16:59 with a 1-hour limit'],
    [withLunch, '2026-03-05 16:59', 2, '2026-03-06 10:59', 'the same with a lunch break not reached'],
    [calendar, '2026-03-05 17:00', 1, '2026-03-06 10:00', 'received at 17:00 exactly: after hours'],
    [calendar, '2026-03-05 09:00', 8, '2026-03-05 17:00', 'a full day from 09:00 exactly ends at 17:00'],
    [calendar, '2026-03-05 15:00', 2, '2026-03-05 17:00', 'ending exactly at close stays that day'],
    [calendar, '2026-03-06 16:00', 2, '2026-03-09 10:00', 'over a weekend'],
    [calendar, '2026-03-07 10:00', 0.5, '2026-03-09 09:30', 'received on a Saturday'],
    [withLunch, '2026-03-05 11:30', 1, '2026-03-05 13:30', 'the lunch break does not count'],
    [withLunch, '2026-03-05 11:00', 1, '2026-03-05 12:00', 'ending exactly when lunch starts'],
    [withLunch, '2026-03-05 12:30', 1, '2026-03-05 14:00', 'received during lunch'],
    [withLunch, '2026-03-05 09:00', 7, '2026-03-05 17:00', 'a full day with lunch is 7 hours'],
    [calendar, '2026-02-13 16:59', 2, '2026-02-14 10:59', 'onto the make-up Saturday'],
    [calendar, '2026-02-14 16:59', 2, '2026-02-24 10:59', 'across the 2026 Spring Festival'],
    [calendar, '2025-12-31 16:00', 3, '2026-01-04 11:00', 'across year end'],
    [calendar, '2026-03-05 20:00', 0, '2026-03-05 20:00', 'a zero limit is due at once'],
  ])('%#: %s + %f h → %s (%s)', (cal, received, hours, due) => {
    expect(show(cal.addWorkingHours(at(received), hours))).toBe(due);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %f hours', (hours) => {
    expect(() => calendar.addWorkingHours(at('2026-03-05 10:00'), hours)).toThrow(RangeError);
  });
});

describe('workingHoursBetween', () => {
  it.each([
    [calendar, '2026-03-05 16:59', '2026-03-06 10:59', 2],
    [calendar, '2026-03-06 17:00', '2026-03-09 09:00', 0],
    [calendar, '2026-02-13 09:00', '2026-02-24 09:00', 16],
    [withLunch, '2026-03-05 09:00', '2026-03-05 17:00', 7],
    [withLunch, '2026-03-05 11:30', '2026-03-05 13:30', 1],
    [calendar, '2026-03-06 10:59', '2026-03-05 16:59', -2],
    [calendar, '2025-12-31 00:00', '2026-01-05 00:00', 16],
  ])('%#: from %s to %s is %f working hours', (cal, a, b, hours) => {
    expect(cal.workingHoursBetween(at(a), at(b))).toBe(hours);
  });
});

describe('nextWorkdayStart', () => {
  it.each([
    ['2026-03-09 08:00', '2026-03-09 09:00', 'before opening on a working day'],
    ['2026-03-09 09:00', '2026-03-09 09:00', 'at opening exactly'],
    ['2026-03-09 09:01', '2026-03-10 09:00', 'once the day has started'],
    ['2026-02-13 18:00', '2026-02-14 09:00', 'the make-up Saturday'],
    ['2026-02-15 10:00', '2026-02-24 09:00', 'during the Spring Festival'],
    ['2025-12-31 17:00', '2026-01-04 09:00', 'across year end'],
  ])('%s → %s (%s)', (from, expected) => {
    expect(show(calendar.nextWorkdayStart(at(from)))).toBe(expected);
  });
});

describe('calendar construction', () => {
  it('reads China dates at UTC+8', () => {
    expect(chinaDateOf(new Date('2026-03-09T16:00:00Z'))).toBe('2026-03-10');
    expect(chinaDateOf(new Date('2026-03-09T15:59:59Z'))).toBe('2026-03-09');
  });

  it('refuses a day that is both a holiday and a make-up workday', () => {
    expect(() => createWorkingCalendar({ holidays: ['2026-02-14'], makeupWorkdays: ['2026-02-14'] })).toThrow(
      /both a holiday and a make-up workday/,
    );
  });

  it.each([
    [{ start: '17:00', end: '09:00' }],
    [{ start: '09:00', end: '17:00', lunch: { start: '08:00', end: '10:00' } }],
    [{ start: '09:00', end: '17:00', lunch: { start: '13:00', end: '12:00' } }],
    [{ start: '9:00', end: '17:00' }],
  ])('refuses working hours %o', (workingHours) => {
    expect(() => createWorkingCalendar({ holidays: [], makeupWorkdays: [], workingHours })).toThrow(
      RangeError,
    );
  });

  it('refuses a time zone other than China time', () => {
    const options = { holidays: [], makeupWorkdays: [], timeZone: 'Europe/Paris' } as unknown as Parameters<
      typeof createWorkingCalendar
    >[0];
    expect(() => createWorkingCalendar(options)).toThrow(/unsupported time zone/);
  });
});

describe('working-hour clock properties', () => {
  const instant = fc
    .integer({ min: Date.parse('2024-01-01T00:00:00+08:00'), max: Date.parse('2026-12-20T00:00:00+08:00') })
    .map((ms) => new Date(ms - (ms % 60_000)));
  const minutes = fc.integer({ min: 0, max: 200 * 60 });

  it('counts back exactly the hours that addWorkingHours added', () => {
    fc.assert(
      fc.property(instant, minutes, fc.boolean(), (from, m, lunch) => {
        const cal = lunch ? withLunch : calendar;
        const due = cal.addWorkingHours(from, m / 60);
        expect(Math.round(cal.workingHoursBetween(from, due) * 60)).toBe(m);
      }),
    );
  });

  it('never moves a deadline earlier when the limit grows', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (from, m1, m2) => {
        const [small, large] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const a = calendar.addWorkingHours(from, small / 60).getTime();
        const b = calendar.addWorkingHours(from, large / 60).getTime();
        expect(a).toBeLessThanOrEqual(b);
      }),
    );
  });

  it('starts the next working day on a working day, and is stable when applied again', () => {
    fc.assert(
      fc.property(instant, (from) => {
        const start = calendar.nextWorkdayStart(from);
        expect(start.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(calendar.isWorkday(chinaDateOf(start))).toBe(true);
        expect(show(start).endsWith('09:00')).toBe(true);
        expect(calendar.nextWorkdayStart(start)).toEqual(start);
      }),
    );
  });

  it('makes every working-day deadline a working day at 17:00 after the day of receipt', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (from, n) => {
        const due = calendar.addWorkdays(from, n);
        expect(calendar.isWorkday(chinaDateOf(due))).toBe(true);
        expect(show(due).endsWith('17:00')).toBe(true);
        expect(chinaDateOf(due) > chinaDateOf(from)).toBe(true);
      }),
    );
  });
});
