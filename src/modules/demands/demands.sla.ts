import type { WorkingCalendar } from '../../lib/working-calendar';
import type { DemandStatus, LimitUnit } from './demands.table';
import { CLOCK_STATUSES } from './demands.workflow';

// The demand clocks (办理时限). The Beijing 接诉即办 regulation has the work order state the
// handling limit (art. 13: 派单…应当在诉求工单上注明办理时限), the handler contact the resident
// promptly (art. 15(1): 及时联系诉求人) and reply within the limit (art. 15(3): 在规定时限内…反馈);
// the catalogue says per category whether its limit is in working hours, working days or natural
// days. How each unit counts is in src/lib/working-calendar.ts (day of receipt not counted, end of
// working hours on the last day, natural-day limits ending on a day off move to the next working day).

/** The deadline `limit` units after `from` (the moment the clock starts: registration or receipt). */
export function limitDeadline(calendar: WorkingCalendar, from: Date, limit: number, unit: LimitUnit): Date {
  switch (unit) {
    case 'working_hours':
      return calendar.addWorkingHours(from, limit);
    case 'working_days':
      return calendar.addWorkdays(from, limit);
    case 'calendar_days':
      return calendar.addCalendarDays(from, limit);
  }
}

/** By when the handler must first contact the resident (Beijing art. 15(1)): `hours` working hours. */
export function firstContactDeadline(calendar: WorkingCalendar, from: Date, hours: number): Date {
  return calendar.addWorkingHours(from, hours);
}

export interface DueFacts {
  status: DemandStatus;
  /** ISO instant or null when no limit runs yet. */
  dueAt: string | null;
  firstContactDueAt: string | null;
  firstContactedAt: string | null;
}

export interface DueFlags {
  /** The handling clock runs and the deadline has passed. */
  overdue: boolean;
  /** Not overdue, the clock runs and the deadline falls within `dueSoonHours` working hours. */
  dueSoon: boolean;
  /** Handling has begun, nobody has contacted the resident yet and the contact deadline has passed. */
  contactOverdue: boolean;
}

const CONTACT_STATUSES: readonly DemandStatus[] = ['dispatched', 'in_hand'];

/**
 * The warning flags of a demand at `now`. A deadline is met when the step happens at or before it:
 * exactly at the deadline is not overdue, one millisecond after is.
 */
export function dueFlags(d: DueFacts, now: Date, calendar: WorkingCalendar, dueSoonHours: number): DueFlags {
  const nowMs = now.getTime();
  const clockRuns = CLOCK_STATUSES.includes(d.status) && d.dueAt !== null;
  const dueMs = d.dueAt === null ? Number.NaN : Date.parse(d.dueAt);
  const overdue = clockRuns && nowMs > dueMs;
  const dueSoon = clockRuns && !overdue && calendar.addWorkingHours(now, dueSoonHours).getTime() >= dueMs;
  const contactOverdue =
    CONTACT_STATUSES.includes(d.status) &&
    d.firstContactedAt === null &&
    d.firstContactDueAt !== null &&
    nowMs > Date.parse(d.firstContactDueAt);
  return { overdue, dueSoon, contactOverdue };
}
