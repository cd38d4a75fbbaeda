import { describe, expect, it } from 'vitest';
import {
  addMonths,
  chinaMonthOf,
  isCalendarDay,
  isCalendarMonth,
  lastMonths,
  monthPeriod,
  monthToDate,
  periodDays,
  periodInstants,
} from './demands.rates.period';

describe('a demand belongs to the China day it was received on (UTC+8)', () => {
  it('a month runs from 16:00 UTC the day before its first day to 16:00 UTC on its last day', () => {
    expect(periodInstants(monthPeriod('2025-03'))).toEqual({
      since: '2025-02-28T16:00:00.000Z',
      until: '2025-03-31T16:00:00.000Z',
    });
  });

  it.each([
    ['2025-03-31T15:59:59.999Z', '2025-03'], // 23:59:59.999 on 31 March in China
    ['2025-03-31T16:00:00.000Z', '2025-04'], // 00:00 on 1 April in China
    ['2025-02-28T16:00:00.000Z', '2025-03'],
    ['2025-02-28T15:59:59.999Z', '2025-02'],
    ['2024-12-31T16:00:00.000Z', '2025-01'], // new year in China, still 2024 in UTC
  ])('received at %s is in %s', (instant, month) => {
    expect(chinaMonthOf(instant)).toBe(month);
    const { since, until } = periodInstants(monthPeriod(month));
    expect(instant >= since && instant < until).toBe(true);
  });

  it('knows the last day of each month, leap years included', () => {
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthPeriod('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('defaults to the China month to date, also in the first hours of a month when UTC is still in the last', () => {
    expect(monthToDate(new Date('2025-04-15T03:00:00Z'))).toEqual({ from: '2025-04-01', to: '2025-04-15' });
    expect(monthToDate(new Date('2025-03-31T17:00:00Z'))).toEqual({ from: '2025-04-01', to: '2025-04-01' });
  });

  it('counts months across years and lists the last n, oldest first', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(lastMonths(new Date('2025-02-10T00:00:00Z'), 3)).toEqual(['2024-12', '2025-01', '2025-02']);
  });

  it('accepts only real days and months', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-13-01')).toBe(false);
    expect(isCalendarDay('2025-1-01')).toBe(false);
    expect(isCalendarMonth('2025-12')).toBe(true);
    expect(isCalendarMonth('2025-00')).toBe(false);
    expect(periodDays({ from: '2025-03-01', to: '2025-03-31' })).toBe(31);
    expect(periodDays({ from: '2025-03-05', to: '2025-03-05' })).toBe(1);
  });
});
