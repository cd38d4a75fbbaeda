import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../lib/working-calendar';
import { cnHolidayArrangements, mergeHolidayArrangements } from '../../lib/working-calendar.cn-holidays';
import { dueFlags, firstContactDeadline, limitDeadline } from './demands.sla';
import type { DemandStatus, LimitUnit } from './demands.table';

// The real State Council arrangements for 2024–2026, working hours 09:00–17:00.
const calendar = createWorkingCalendar(mergeHolidayArrangements(cnHolidayArrangements));

/** 'YYYY-MM-DD HH:MM' China time → instant. */
function at(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

/** instant → 'YYYY-MM-DD HH:MM:SS.mmm' China time. */
function show(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 23).replace('T', ' ');
}

describe('limitDeadline', () => {
  it.each<[string, string, number, LimitUnit, string]>([
    // 2025-09-30 (Tue) is the day before 国庆 (10-01…10-08 off); 10-11 (Sat) is a make-up workday:
    // day 1 = 10-09 (Thu), day 2 = 10-10 (Fri), day 3 = 10-11 (Sat, 调休上班).
    [
      'the day before 国庆 2025, 3 working days',
      '2025-09-30 10:00',
      3,
      'working_days',
      '2025-10-11 17:00:00.000',
    ],
    // 2025-09-28 (Sun) is a make-up workday: the first working day after Friday 09-26.
    [
      'a make-up Sunday counts, 1 working day',
      '2025-09-26 10:00',
      1,
      'working_days',
      '2025-09-28 17:00:00.000',
    ],
    // Received after hours: the day of receipt is still not counted.
    [
      'received Friday evening, 1 working day',
      '2025-11-14 20:00',
      1,
      'working_days',
      '2025-11-17 17:00:00.000',
    ],
    // 春节 2026: 02-14 (Sat) make-up workday, 02-15…02-23 off: day 1 = 02-14, day 2 = 02-24.
    ['across 春节 2026, 2 working days', '2026-02-13 10:00', 2, 'working_days', '2026-02-24 17:00:00.000'],
    // 1 h on 09-30 (16:00–17:00), then 3 h on 10-09 (09:00–12:00).
    ['working hours across 国庆 2025', '2025-09-30 16:00', 4, 'working_hours', '2025-10-09 12:00:00.000'],
    // Natural days: day 3 = 10-02, a holiday → the next working day 10-09, end of working hours.
    ['3 natural days ending in 国庆', '2025-09-29 10:00', 3, 'calendar_days', '2025-10-09 17:00:00.000'],
    // Natural days ending on a plain working day: 11-10 (Mon) + 7 = 11-17 (Mon).
    ['7 natural days on plain weeks', '2025-11-10 10:00', 7, 'calendar_days', '2025-11-17 17:00:00.000'],
    // Natural days ending on a Saturday move to Monday.
    [
      '5 natural days ending on a Saturday',
      '2025-11-10 10:00',
      5,
      'calendar_days',
      '2025-11-17 17:00:00.000',
    ],
  ])('%s', (_name, from, limit, unit, due) => {
    expect(show(limitDeadline(calendar, at(from), limit, unit))).toBe(due);
  });
});

describe('firstContactDeadline (working hours, Beijing art. 15(1))', () => {
  it.each([
    // Friday 16:00 + 2 h: 1 h on Friday, 1 h on Monday from 09:00.
    ['Friday afternoon across the weekend', '2025-11-14 16:00', 2, '2025-11-17 10:00:00.000'],
    // Saturday: the clock waits for Monday 09:00.
    ['received on Saturday', '2025-11-15 12:00', 2, '2025-11-17 11:00:00.000'],
    // Ending exactly at the close of the day stays that day.
    ['ends at 17:00', '2025-11-13 15:00', 2, '2025-11-13 17:00:00.000'],
    // 2026-01-04 (Sun) is a make-up workday after 元旦 (01-01…01-03 off).
    ['a make-up Sunday after 元旦 2026', '2025-12-31 16:00', 2, '2026-01-04 10:00:00.000'],
  ])('%s', (_name, from, hours, due) => {
    expect(show(firstContactDeadline(calendar, at(from), hours))).toBe(due);
  });
});

describe('dueFlags', () => {
  const dueAt = at('2025-10-11 17:00').toISOString(); // the 3-working-day deadline above
  const contactDue = at('2025-10-09 12:00').toISOString();
  const flags = (status: DemandStatus, now: Date, extra: Partial<Parameters<typeof dueFlags>[0]> = {}) =>
    dueFlags(
      { status, dueAt, firstContactDueAt: contactDue, firstContactedAt: null, ...extra },
      now,
      calendar,
      8,
    );
  const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

  it.each<[string, DemandStatus, Date, { overdue: boolean; dueSoon: boolean }]>([
    // 8 working hours from 10-10 16:59 reach 10-11 16:59: one minute short of the deadline.
    ['two days before', 'in_hand', at('2025-10-09 10:00'), { overdue: false, dueSoon: false }],
    ['the day before, 16:59', 'in_hand', at('2025-10-10 16:59'), { overdue: false, dueSoon: false }],
    // 8 working hours from 10-10 17:00 reach exactly 10-11 17:00 → due soon.
    ['the day before, 17:00', 'in_hand', at('2025-10-10 17:00'), { overdue: false, dueSoon: true }],
    ['the deadline day, morning', 'dispatched', at('2025-10-11 09:30'), { overdue: false, dueSoon: true }],
    ['exactly at the deadline', 'registered', at('2025-10-11 17:00'), { overdue: false, dueSoon: true }],
    [
      'one ms after the deadline',
      'registered',
      ms(at('2025-10-11 17:00'), 1),
      { overdue: true, dueSoon: false },
    ],
    ['long after, in hand', 'in_hand', at('2025-11-01 10:00'), { overdue: true, dueSoon: false }],
    // The clock stops once replied or ended.
    ['replied after the deadline', 'replied', at('2025-11-01 10:00'), { overdue: false, dueSoon: false }],
    ['closed after the deadline', 'closed', at('2025-11-01 10:00'), { overdue: false, dueSoon: false }],
    ['received, not registered', 'received', at('2025-11-01 10:00'), { overdue: false, dueSoon: false }],
    ['declined', 'declined', at('2025-11-01 10:00'), { overdue: false, dueSoon: false }],
  ])('%s', (_name, status, now, expected) => {
    const f = flags(status, now);
    expect({ overdue: f.overdue, dueSoon: f.dueSoon }).toEqual(expected);
  });

  it('has no flags when no limit runs yet', () => {
    expect(
      dueFlags(
        { status: 'registered', dueAt: null, firstContactDueAt: null, firstContactedAt: null },
        at('2030-01-01 10:00'),
        calendar,
        8,
      ),
    ).toEqual({ overdue: false, dueSoon: false, contactOverdue: false });
  });

  it.each<[string, DemandStatus, Date, string | null, boolean]>([
    [
      'dispatched, not contacted, exactly at the contact deadline',
      'dispatched',
      at('2025-10-09 12:00'),
      null,
      false,
    ],
    ['dispatched, not contacted, 1 ms after', 'dispatched', ms(at('2025-10-09 12:00'), 1), null, true],
    ['in hand, not contacted, later', 'in_hand', at('2025-10-10 10:00'), null, true],
    [
      'in hand, contacted late',
      'in_hand',
      at('2025-10-10 10:00'),
      at('2025-10-10 09:00').toISOString(),
      false,
    ],
    ['registered (not yet handed out)', 'registered', at('2025-10-10 10:00'), null, false],
    ['replied without a contact', 'replied', at('2025-10-10 10:00'), null, false],
  ])('contactOverdue: %s', (_name, status, now, contactedAt, expected) => {
    expect(flags(status, now, { firstContactedAt: contactedAt }).contactOverdue).toBe(expected);
  });
});
