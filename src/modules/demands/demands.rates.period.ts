import { chinaDateOf } from '../../lib/working-calendar';

// The period a rate figure is over. A demand belongs to a period by the China (UTC+8) calendar day
// on which it was received (受理时间): the Beijing 接诉即办 regulation art. 32 assesses the handling
// of the demands received (考评…以响应率、解决率、满意率为核心内容), and the day of receipt is the one
// date every demand has and never changes — a demand received on 31 March stays in March's figures
// whenever it is closed or rated, so a month's ranking does not move once its demands are settled
// except by the outcome of those same demands. Days are China days: received at 23:59 on the
// last day of a month (15:59 UTC) it is that month's; at 00:00 on the next day (16:00 UTC) the
// next month's.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** Inclusive China calendar days, 'YYYY-MM-DD'. */
export interface Period {
  from: string;
  to: string;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** Whether `day` is a real calendar day written 'YYYY-MM-DD'. */
export function isCalendarDay(day: string): boolean {
  const m = DAY_PATTERN.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whether `month` is a real month written 'YYYY-MM'. */
export function isCalendarMonth(month: string): boolean {
  const m = MONTH_PATTERN.exec(month);
  return Boolean(m) && Number(m?.[2]) >= 1 && Number(m?.[2]) <= 12;
}

function utcMidnight(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/**
 * The instants of a period as ISO strings: receivedAt ≥ since and < until. China midnight is 16:00
 * UTC of the day before, so the period 2025-03-01…2025-03-31 is [2025-02-28T16:00Z, 2025-03-31T16:00Z).
 */
export function periodInstants(period: Period): { since: string; until: string } {
  return {
    since: new Date(utcMidnight(period.from) - CHINA_OFFSET_MS).toISOString(),
    until: new Date(utcMidnight(period.to) + DAY_MS - CHINA_OFFSET_MS).toISOString(),
  };
}

/** The China month 'YYYY-MM' of an ISO instant (a demand's receivedAt). */
export function chinaMonthOf(instant: string): string {
  return chinaDateOf(new Date(instant)).slice(0, 7);
}

/** The first and last day of a month 'YYYY-MM'. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month `n` months after `month` (negative for before). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The default period: the current China month up to today. */
export function monthToDate(now: Date): Period {
  const today = chinaDateOf(now);
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** The `count` months ending with the China month of `now`, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  const current = chinaDateOf(now).slice(0, 7);
  return Array.from({ length: count }, (_, i) => addMonths(current, i - count + 1));
}

/** Inclusive length of a period in days. */
export function periodDays(period: Period): number {
  return Math.round((utcMidnight(period.to) - utcMidnight(period.from)) / DAY_MS) + 1;
}
