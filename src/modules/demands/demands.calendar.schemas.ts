import { z } from 'zod';
import { CALENDAR_DAY_KINDS } from './demands.table';

// The working calendar as data (工作日历): days off and make-up working days with the festival they
// belong to, read per year, set and cleared day by day by city admins.

export const calendarQuerySchema = z.strictObject({
  /** The China year; this year when absent. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** The date is checked by the service so that a bad one is a named field error. */
export const calendarDateParamsSchema = z.strictObject({ date: z.string().min(1).max(32) });

export const calendarDayBodySchema = z.strictObject({
  /** `holiday` 放假 (any day), `workday` 调休上班 (a Saturday or Sunday). */
  kind: z.enum(CALENDAR_DAY_KINDS),
  /** The festival or reason: 春节, 国庆节, 防汛调休 … */
  name: z.string().trim().min(1).max(40),
});
export type CalendarDayBody = z.infer<typeof calendarDayBodySchema>;

export const calendarDayViewSchema = z.object({
  date: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  /** 0 Sunday … 6 Saturday. */
  weekday: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type CalendarDayView = z.infer<typeof calendarDayViewSchema>;

export const workingHoursSchema = z.strictObject({
  start: z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM'),
  end: z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM'),
  lunch: z
    .strictObject({
      start: z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM'),
      end: z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM'),
    })
    .optional(),
});

export const calendarYearSchema = z.object({
  year: z.number().int(),
  workingHours: workingHoursSchema,
  /** Working hours in a working day (lunch excluded). */
  hoursPerDay: z.number(),
  /** Working days in the year with these entries. */
  workdayCount: z.number().int(),
  /** The year's entries in date order; days not listed follow Monday–Friday. */
  days: z.array(calendarDayViewSchema),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;
