import { describe, expect, it } from 'vitest';
import { canBeMakeup, dayState, festivalsOf, monthWeeks } from './calendarGrid';

describe('monthWeeks', () => {
  it('starts October 2026 on a Thursday (three blanks before) and fills the last week', () => {
    const weeks = monthWeeks(2026, 10);
    expect(weeks[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
  it('handles a month starting on Monday and a leap February', () => {
    expect(monthWeeks(2027, 2)[0]![0]).toBe('2027-02-01');
    expect(monthWeeks(2024, 2).flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('dayState', () => {
  it.each([
    ['2026-10-01', { kind: 'holiday' as const }, 'holiday'],
    ['2026-09-20', { kind: 'workday' as const }, 'makeup'],
    ['2026-10-10', undefined, 'weekend'],
    ['2026-10-12', undefined, 'workday'],
  ])('%s is %s', (date, entry, state) => expect(dayState(date, entry)).toBe(state));
  it('allows make-up days only at weekends', () => {
    expect(canBeMakeup('2026-10-10')).toBe(true);
    expect(canBeMakeup('2026-10-12')).toBe(false);
  });
});

describe('festivalsOf', () => {
  it('groups days off by name, in date order', () => {
    const day = (date: string, name: string, kind: 'holiday' | 'workday' = 'holiday') => ({
      date,
      name,
      kind,
      weekday: 0,
      updatedBy: 'system',
      updatedAt: '',
    });
    expect(
      festivalsOf([
        day('2026-10-02', '国庆节'),
        day('2026-10-01', '国庆节'),
        day('2026-09-20', '国庆节', 'workday'),
        day('2026-09-25', '中秋节'),
      ]),
    ).toEqual([
      { name: '中秋节', from: '2026-09-25', to: '2026-09-25', off: 1 },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-02', off: 2 },
    ]);
  });
});
