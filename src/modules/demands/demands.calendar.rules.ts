import { type FieldProblem, fieldProblem } from '../../server/errors';

// Checks on an entry of the working calendar (工作日历). A day off (放假) may fall on any day — a
// weekend day inside a 放假 range is listed too, as the State Council notices print it — but a
// make-up working day (调休上班) is by definition a Saturday or Sunday declared a working day: a
// weekday is a working day already (see src/lib/working-calendar.ts).

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2100;

/** Whether `date` is a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/** 0 = Sunday … 6 = Saturday, of a YYYY-MM-DD date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Problems with the date in the URL; `[]` when it is a date the calendar keeps. */
export function calendarDateProblems(date: string): FieldProblem[] {
  const year = Number(date.slice(0, 4));
  if (!isCalendarDate(date) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR)
    return [
      {
        field: 'date',
        in: 'params',
        reason: 'format',
        message: {
          zh: `日期须为 ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} 年间的有效日期，格式 YYYY-MM-DD`,
          en: `The date must be a real date in ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}, written YYYY-MM-DD`,
        },
      },
    ];
  return [];
}

/** Problems with marking `date` (already a valid date) as `kind`. */
export function calendarEntryProblems(date: string, kind: 'holiday' | 'workday'): FieldProblem[] {
  const weekday = weekdayOf(date);
  if (kind === 'workday' && weekday !== 0 && weekday !== 6)
    return [
      fieldProblem('kind', 'makeup_not_weekend', {
        zh: '调休上班日只能是周六或周日（工作日本来就上班）',
        en: 'A make-up working day must be a Saturday or Sunday (weekdays are working days anyway)',
      }),
    ];
  return [];
}
