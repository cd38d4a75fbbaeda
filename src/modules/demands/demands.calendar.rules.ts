import { type FieldProblem, fieldProblem } from '../../server/errors';
import { isCalendarDay } from './demands.rates.period';

// Checks on an entry of the working calendar (工作日历). A day off (放假) may fall on any day — a
// weekend day inside a 放假 range is listed too, as the State Council notices print it — but a
// make-up working day (调休上班) is by definition a Saturday or Sunday declared a working day: a
// weekday is a working day already (see src/lib/working-calendar.ts).

export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2100;

/** 0 = Sunday … 6 = Saturday, of a YYYY-MM-DD date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Problems with the date in the URL; `[]` when it is a date the calendar keeps. */
export function calendarDateProblems(date: string): FieldProblem[] {
  const year = Number(date.slice(0, 4));
  if (!isCalendarDay(date) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR)
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
