import type { RankingLevel, RateGrouping } from './api';

// The rates pages keep their choices in the address (?area=&month= or ?from=&to=, &by=, &level=),
// so that a link or a reload shows the same figures.

export const GROUPINGS: readonly RateGrouping[] = [
  'children',
  'grid',
  'community',
  'street',
  'property_company',
  'handler',
  'responsible',
];
export const LEVELS: readonly RankingLevel[] = ['community', 'street', 'grid', 'property_company'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The first and last day of 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export type PeriodChoice =
  | { mode: 'month'; month: string | undefined; from: string | undefined; to: string | undefined }
  | { mode: 'range'; month: undefined; from: string; to: string };

/**
 * The period in the address: dates `from`–`to`, else a month, else nothing (the server's default,
 * the current month to date).
 */
export function periodOf(params: URLSearchParams): PeriodChoice {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DAY.test(from) && DAY.test(to)) return { mode: 'range', month: undefined, from, to };
  const month = params.get('month') ?? '';
  if (MONTH.test(month)) return { mode: 'month', month, ...monthRange(month) };
  return { mode: 'month', month: undefined, from: undefined, to: undefined };
}

export function groupingOf(params: URLSearchParams): RateGrouping {
  const by = params.get('by') as RateGrouping | null;
  return by && GROUPINGS.includes(by) ? by : 'children';
}

export function levelOf(params: URLSearchParams): RankingLevel {
  const level = params.get('level') as RankingLevel | null;
  return level && LEVELS.includes(level) ? level : 'community';
}

/** The China day (UTC+8) of an instant, 'YYYY-MM-DD': the day a demand received then belongs to. */
export function chinaDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The China month (UTC+8) of an instant, 'YYYY-MM': the current month of the rates. */
export function chinaMonth(now: Date): string {
  return chinaDay(now).slice(0, 7);
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}
