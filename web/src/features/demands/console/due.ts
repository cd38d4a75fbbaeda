import { CHINA_TIME_ZONE } from '../../../i18n/format';
import type { DemandListItem, DemandStatus } from '../api';

// How a demand's deadline is shown: the server decides overdue and due soon (working calendar,
// settings.dueSoonHours); the page only colours the tag and counts down in clock time.

export type DueTone = 'overdue' | 'dueSoon' | 'open' | 'settled';

/** States in which the handling deadline still matters (up to the reply, Beijing art. 15(3)). */
const RUNNING: readonly DemandStatus[] = ['received', 'registered', 'dispatched', 'in_hand'];

export function dueTone(item: Pick<DemandListItem, 'status' | 'dueAt' | 'flags'>): DueTone {
  if (item.flags.overdue) return 'overdue';
  if (item.flags.dueSoon) return 'dueSoon';
  return item.dueAt && RUNNING.includes(item.status) ? 'open' : 'settled';
}

/** The antd Tag colour of a tone: red overdue, orange due soon. */
export const DUE_TONE_COLOR: Record<DueTone, string | undefined> = {
  overdue: 'red',
  dueSoon: 'orange',
  open: 'blue',
  settled: undefined,
};

export type Countdown = { overdue: boolean; days: number; hours: number; minutes: number };

/** Clock time from now to `dueAt` (or past it), split for "剩余 2 天 3 小时" / "已超期 5 小时". */
export function countdown(dueAt: string, now: Date): Countdown | null {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  const diff = due - now.getTime();
  const totalMinutes = Math.floor(Math.abs(diff) / 60_000);
  return {
    overdue: diff < 0,
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}

/**
 * The parts of a countdown worth reading: days and hours when a day or more is left, hours and
 * minutes under a day, minutes under an hour.
 */
export function countdownParts(c: Countdown): { unit: 'days' | 'hours' | 'minutes'; count: number }[] {
  if (c.days > 0)
    return [
      { unit: 'days', count: c.days },
      ...(c.hours ? [{ unit: 'hours' as const, count: c.hours }] : []),
    ];
  if (c.hours > 0)
    return [
      { unit: 'hours', count: c.hours },
      ...(c.minutes ? [{ unit: 'minutes' as const, count: c.minutes }] : []),
    ];
  return [{ unit: 'minutes', count: c.minutes }];
}

/** A time in a table cell: month, day, hours and minutes ("11/26 12:15"), in China time. */
export function formatShortDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: CHINA_TIME_ZONE,
  }).format(date);
}
