import { describe, expect, it } from 'vitest';
import { chinaDay, chinaMonth, groupingOf, levelOf, monthRange, periodOf, previousMonth } from './params';

const q = (s: string) => new URLSearchParams(s);

describe('the rates choices kept in the address', () => {
  it('reads dates first, then a month, else leaves the period to the server', () => {
    expect(periodOf(q('from=2025-03-05&to=2025-03-20&month=2025-01'))).toEqual({
      mode: 'range',
      month: undefined,
      from: '2025-03-05',
      to: '2025-03-20',
    });
    expect(periodOf(q('month=2024-02'))).toEqual({
      mode: 'month',
      month: '2024-02',
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(periodOf(q('month=2024-13'))).toEqual({
      mode: 'month',
      month: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('falls back to child places and communities for anything unknown', () => {
    expect(groupingOf(q('by=handler'))).toBe('handler');
    expect(groupingOf(q('by=nonsense'))).toBe('children');
    expect(levelOf(q('level=property_company'))).toBe('property_company');
    expect(levelOf(q(''))).toBe('community');
  });

  it('counts months in China time', () => {
    expect(chinaMonth(new Date('2025-03-31T16:00:00Z'))).toBe('2025-04');
    expect(chinaMonth(new Date('2025-03-31T15:59:00Z'))).toBe('2025-03');
    // A browser in UTC on the evening of 31 March is already on 1 April in Binzhou.
    expect(chinaDay(new Date('2025-03-31T16:00:00Z'))).toBe('2025-04-01');
    expect(chinaDay(new Date('2025-03-31T15:59:59Z'))).toBe('2025-03-31');
    expect(previousMonth('2025-01')).toBe('2024-12');
    expect(monthRange('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});
