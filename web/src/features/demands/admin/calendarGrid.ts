import type { CalendarDayView } from './api';

// Pure helpers of the calendar page: a month as weeks (Monday first, as Chinese calendars print) and
// what a day is under the calendar's rule (an entry first, otherwise Monday–Friday).

/** 'YYYY-MM-DD' of a year, month (1–12) and day. */
export const isoDate = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The month's dates in rows of seven, Monday first; `null` fills the days of other months. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => isoDate(year, month, i + 1)),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export type DayState = 'holiday' | 'makeup' | 'weekend' | 'workday';

/** A listed holiday, a make-up working day, a plain weekend day, or a plain working day. */
export function dayState(date: string, entry: Pick<CalendarDayView, 'kind'> | undefined): DayState {
  if (entry) return entry.kind === 'holiday' ? 'holiday' : 'makeup';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
}

/** Whether a day may be made a make-up working day (only Saturdays and Sundays). */
export function canBeMakeup(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The festivals of a year's entries, in date order, each with its first and last day off. */
export function festivalsOf(
  days: readonly CalendarDayView[],
): { name: string; from: string; to: string; off: number }[] {
  const out = new Map<string, { name: string; from: string; to: string; off: number }>();
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (d.kind !== 'holiday') continue;
    const f = out.get(d.name);
    if (f) {
      f.to = d.date;
      f.off += 1;
    } else out.set(d.name, { name: d.name, from: d.date, to: d.date, off: 1 });
  }
  return [...out.values()];
}
