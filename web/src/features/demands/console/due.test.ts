import { describe, expect, it } from 'vitest';
import { countdown, countdownParts, dueTone, formatShortDateTime } from './due';

const flags = (overdue = false, dueSoon = false) => ({ overdue, dueSoon, contactOverdue: false });

describe('dueTone', () => {
  it.each([
    ['overdue flag', { status: 'in_hand', dueAt: '2025-03-01T00:00:00Z', flags: flags(true) }, 'overdue'],
    [
      'due-soon flag',
      { status: 'dispatched', dueAt: '2025-03-01T00:00:00Z', flags: flags(false, true) },
      'dueSoon',
    ],
    [
      'both flags: overdue wins',
      { status: 'in_hand', dueAt: '2025-03-01T00:00:00Z', flags: flags(true, true) },
      'overdue',
    ],
    ['running, in time', { status: 'registered', dueAt: '2025-03-01T00:00:00Z', flags: flags() }, 'open'],
    ['replied', { status: 'replied', dueAt: '2025-03-01T00:00:00Z', flags: flags() }, 'settled'],
    ['no deadline', { status: 'received', dueAt: null, flags: flags() }, 'settled'],
  ] as const)('%s → %s', (_case, item, tone) => {
    expect(dueTone(item)).toBe(tone);
  });
});

describe('countdown', () => {
  const now = new Date('2025-03-03T08:00:00Z');
  it.each([
    ['2025-03-05T11:30:00Z', { overdue: false, days: 2, hours: 3, minutes: 30 }],
    ['2025-03-03T08:00:00Z', { overdue: false, days: 0, hours: 0, minutes: 0 }],
    ['2025-03-03T07:59:00Z', { overdue: true, days: 0, hours: 0, minutes: 1 }],
    ['2025-03-02T03:00:00Z', { overdue: true, days: 1, hours: 5, minutes: 0 }],
  ])('to %s', (dueAt, expected) => {
    expect(countdown(dueAt, now)).toEqual(expected);
  });
  it('gives nothing for an unreadable time', () => {
    expect(countdown('soon', now)).toBeNull();
  });
});

describe('countdownParts', () => {
  it.each([
    [
      { overdue: false, days: 2, hours: 3, minutes: 30 },
      [
        { unit: 'days', count: 2 },
        { unit: 'hours', count: 3 },
      ],
    ],
    [{ overdue: false, days: 1, hours: 0, minutes: 59 }, [{ unit: 'days', count: 1 }]],
    [
      { overdue: true, days: 0, hours: 5, minutes: 7 },
      [
        { unit: 'hours', count: 5 },
        { unit: 'minutes', count: 7 },
      ],
    ],
    [{ overdue: false, days: 0, hours: 1, minutes: 0 }, [{ unit: 'hours', count: 1 }]],
    [{ overdue: false, days: 0, hours: 0, minutes: 0 }, [{ unit: 'minutes', count: 0 }]],
  ])('%o', (c, parts) => {
    expect(countdownParts(c)).toEqual(parts);
  });
});

describe('formatShortDateTime', () => {
  it('keeps month, day and a 24-hour time, and leaves an unreadable value as it is', () => {
    // 08:05 UTC is 16:05 in China, whatever zone the test runs in.
    const text = formatShortDateTime('2025-03-03T08:05:00Z', 'zh-CN');
    expect(text).toMatch(/03.*03.*16:05/);
    expect(formatShortDateTime('2025-03-03T16:05:00Z', 'zh-CN')).toMatch(/03.*04.*00:05/);
    expect(formatShortDateTime('never', 'en')).toBe('never');
  });
});
