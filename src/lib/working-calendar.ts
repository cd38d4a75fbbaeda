// A Chinese working calendar: which days are working days (工作日), and deadlines counted in
// working days or working hours, for demand-handling time limits (办理时限) and similar clocks.
//
// Time zone. Only 'Asia/Shanghai' is supported, implemented as a fixed UTC+08:00 offset: China
// has had no daylight saving time since 1991, so no tz database is needed. Instants are Dates
// (UTC inside); calendar days are 'YYYY-MM-DD' strings read in China time.
//
// Which days are working days. A date listed in `makeupWorkdays` (调休上班) is a working day;
// otherwise a date listed in `holidays` is a day off; otherwise Monday–Friday are working days.
// `holidays` may list only the weekdays taken off or every day of each 放假 range (weekend days
// included, the convention of working-calendar.cn-holidays.ts): both give the same answers.
// A date may not be in both lists. Years with no data fall back to plain Monday–Friday, so the
// holiday data must be kept current (admins add each year's State Council notice).
//
// Working hours. Default 09:00–17:00 with no lunch break (8 hours a day); a lunch break, if
// given, is not working time. A working day is the half-open interval [start, end): 09:00 is
// inside, 17:00 is already outside.
//
// Counting rules (chosen here, stated so that a reader can check them):
// - addWorkdays(from, n): the day of receipt is never counted, whatever the hour of receipt
//   (Civil Code art. 201: 按照日计算期间的，开始的当日不计入，自下一日开始计算). The deadline is
//   the end of working hours on the nth working day after the China date of `from` (art. 203:
//   有业务时间的，停止业务活动的时间为截止时间). So a demand received on Friday at 10:00 or at
//   20:00 (or on Saturday) with a limit of 1 working day is due on the following Monday at 17:00,
//   if Monday is a working day.
// - addCalendarDays(from, n): for limits in natural days. Day 1 is the day after receipt
//   (art. 201); if the nth day is not a working day the deadline moves to the next working day
//   (art. 203: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日, weekends
//   being 休假日); the deadline is the end of working hours that day.
// - addWorkingHours(from, h): hours run from the moment of receipt (art. 201: 按照小时计算期间的，
//   自…规定的时间开始计算) but only during working hours; outside them the clock waits for the
//   next working period. A limit that runs out exactly at the end of a working period is due at
//   that end (15:00 + 2 h → 17:00 the same day), not at the start of the next one.
// Whether a limit in the demand catalogue is in working days, natural days or hours is the
// catalogue's choice: the Beijing 接诉即办工作条例 leaves it to the work order (art. 13: 派单…
// 应当在诉求工单上注明办理时限；办理时限由市政务服务部门会同有关部门…确定) and has the
// hotline call the resident back when it expires (art. 23). Compare instants, never the
// fractional hours of workingHoursBetween, to decide whether a deadline was met.

export interface WorkingHours {
  /** 'HH:MM', China time. */
  start: string;
  /** 'HH:MM', China time; later than `start`. */
  end: string;
  /** A break inside [start, end) that is not working time. */
  lunch?: { start: string; end: string };
}

export interface WorkingCalendarOptions {
  /** 'YYYY-MM-DD' days off (放假). Weekend days may be listed too; see the header comment. */
  holidays: readonly string[];
  /** 'YYYY-MM-DD' weekend days that are working days (调休上班). */
  makeupWorkdays: readonly string[];
  /** Default { start: '09:00', end: '17:00' } with no lunch break. */
  workingHours?: WorkingHours;
  /** Only China time is supported (fixed UTC+08:00, no DST). */
  timeZone?: 'Asia/Shanghai';
}

export interface WorkingCalendar {
  /** Whether a 'YYYY-MM-DD' China date is a working day. */
  isWorkday(date: string): boolean;
  /** End of working hours on the nth working day after the China date of `from` (n ≥ 1). */
  addWorkdays(from: Date, n: number): Date;
  /** End of working hours on the nth natural day after `from`, moved to the next working day if needed. */
  addCalendarDays(from: Date, n: number): Date;
  /** The instant when `hours` working hours (≥ 0, fractions allowed) have run from `from`. */
  addWorkingHours(from: Date, hours: number): Date;
  /** Working hours in [a, b); negative when b is before a. For display: decide on instants. */
  workingHoursBetween(a: Date, b: Date): number;
  /** The start of working hours on the first working day that starts at or after `from`. */
  nextWorkdayStart(from: Date): Date;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Asia/Shanghai: UTC+08:00 all year. */
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** The 'YYYY-MM-DD' calendar day in China (UTC+8) of an instant. */
export function chinaDateOf(instant: Date): string {
  return dayToDate(dayOf(instantMs(instant)));
}

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}

/** Days since 1970-01-01 in China time. */
function dayOf(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of 00:00 China time on a day. */
function dayStartMs(day: number): number {
  return day * DAY_MS - CHINA_OFFSET_MS;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(date: string): number {
  const ms = DATE_PATTERN.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || dayToDate(ms / DAY_MS) !== date) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): '${date}'`);
  }
  return ms / DAY_MS;
}

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseTime(time: string): number {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`not a time of day (HH:MM): '${time}'`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Working periods of a working day as [start, end) minute offsets from midnight. */
function workingPeriods(hours: WorkingHours): [number, number][] {
  const start = parseTime(hours.start);
  const end = parseTime(hours.end);
  if (!(start < end)) throw new RangeError('working hours must start before they end');
  if (!hours.lunch) return [[start, end]];
  const lunchStart = parseTime(hours.lunch.start);
  const lunchEnd = parseTime(hours.lunch.end);
  if (!(start < lunchStart && lunchStart < lunchEnd && lunchEnd < end)) {
    throw new RangeError('the lunch break must lie strictly inside working hours');
  }
  return [
    [start, lunchStart],
    [lunchEnd, end],
  ];
}

function requireCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer, got ${n}`);
}

export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  if (options.timeZone !== undefined && options.timeZone !== 'Asia/Shanghai') {
    throw new RangeError(`unsupported time zone: ${String(options.timeZone)}`);
  }
  const holidays = new Set<number>(options.holidays.map(parseDate));
  const makeupWorkdays = new Set<number>(options.makeupWorkdays.map(parseDate));
  for (const day of makeupWorkdays) {
    if (holidays.has(day)) throw new RangeError(`${dayToDate(day)} is both a holiday and a make-up workday`);
  }
  const periods = workingPeriods(options.workingHours ?? { start: '09:00', end: '17:00' });
  const dayOpens = periods[0]![0];
  const dayCloses = periods[periods.length - 1]![1];

  function isWorkdayNumber(day: number): boolean {
    if (makeupWorkdays.has(day)) return true;
    if (holidays.has(day)) return false;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  function nextWorkdayAfter(day: number): number {
    let next = day + 1;
    while (!isWorkdayNumber(next)) next += 1;
    return next;
  }

  function closingTime(day: number): Date {
    return new Date(dayStartMs(day) + dayCloses * MINUTE_MS);
  }

  /** Working milliseconds in [from, to), from ≤ to. */
  function workingMsWithin(from: number, to: number): number {
    let total = 0;
    for (let day = dayOf(from); day <= dayOf(to); day += 1) {
      if (!isWorkdayNumber(day)) continue;
      const base = dayStartMs(day);
      for (const [start, end] of periods) {
        const overlap = Math.min(to, base + end * MINUTE_MS) - Math.max(from, base + start * MINUTE_MS);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  return {
    isWorkday(date) {
      return isWorkdayNumber(parseDate(date));
    },

    addWorkdays(from, n) {
      requireCount(n, 'the number of working days');
      let day = dayOf(instantMs(from));
      for (let counted = 0; counted < n; counted += 1) day = nextWorkdayAfter(day);
      return closingTime(day);
    },

    addCalendarDays(from, n) {
      requireCount(n, 'the number of days');
      const last = dayOf(instantMs(from)) + n;
      return closingTime(isWorkdayNumber(last) ? last : nextWorkdayAfter(last));
    },

    addWorkingHours(from, hours) {
      if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be ≥ 0, got ${hours}`);
      let remaining = Math.round(hours * HOUR_MS);
      let t = instantMs(from);
      if (remaining === 0) return new Date(t);
      for (let day = dayOf(t); ; day += 1) {
        if (!isWorkdayNumber(day)) continue;
        const base = dayStartMs(day);
        for (const [start, end] of periods) {
          const periodEnd = base + end * MINUTE_MS;
          if (t >= periodEnd) continue;
          t = Math.max(t, base + start * MINUTE_MS);
          if (remaining <= periodEnd - t) return new Date(t + remaining);
          remaining -= periodEnd - t;
          t = periodEnd;
        }
      }
    },

    workingHoursBetween(a, b) {
      const from = instantMs(a);
      const to = instantMs(b);
      return to < from ? -workingMsWithin(to, from) / HOUR_MS : workingMsWithin(from, to) / HOUR_MS;
    },

    nextWorkdayStart(from) {
      const t = instantMs(from);
      let day = dayOf(t);
      if (!isWorkdayNumber(day) || dayStartMs(day) + dayOpens * MINUTE_MS < t) day = nextWorkdayAfter(day);
      return new Date(dayStartMs(day) + dayOpens * MINUTE_MS);
    },
  };
}
