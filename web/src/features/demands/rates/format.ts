import type { RateFigure, RateFigures } from './api';

// How rates read on the page: percentages with one decimal, green at or above the 95% bar, red below.

export const TARGET = 0.95;

/** `0.9512` → `95.1%`; no rate (empty denominator) → `—`. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The composite as a score out of 100: `0.792` → `79.2`. */
export function formatScore(composite: number | null | undefined): string {
  if (composite === null || composite === undefined) return '—';
  return (Math.round(composite * 1000) / 10).toFixed(1);
}

export type RateTone = 'good' | 'bad' | 'none';

/** Green when the rate reaches the target, red below it, neutral without a rate. */
export function rateTone(rate: number | null | undefined, target = TARGET): RateTone {
  if (rate === null || rate === undefined) return 'none';
  return rate >= target - 1e-12 ? 'good' : 'bad';
}

export const TONE_COLOR: Record<RateTone, string | undefined> = {
  good: '#389e0d',
  bad: '#cf1322',
  none: undefined,
};

/** The three rates with the numerator, the figure it opens and the rest of the denominator's. */
export const RATE_PARTS = [
  { key: 'response', rate: 'responseRate', count: 'responded', figure: 'responded', rest: 'not_responded' },
  { key: 'resolution', rate: 'resolutionRate', count: 'resolved', figure: 'resolved', rest: 'unresolved' },
  {
    key: 'satisfaction',
    rate: 'satisfactionRate',
    count: 'satisfied',
    figure: 'satisfied',
    rest: 'unsatisfied',
  },
] as const satisfies readonly {
  key: string;
  rate: keyof RateFigures;
  count: keyof RateFigures;
  figure: RateFigure;
  rest: RateFigure;
}[];

/** A rank change as an arrow: `{ dir: 'up', n: 2 }` for two places up; null when not comparable. */
export function rankMove(change: number | null): { dir: 'up' | 'down' | 'same'; n: number } | null {
  if (change === null) return null;
  if (change > 0) return { dir: 'up', n: change };
  if (change < 0) return { dir: 'down', n: -change };
  return { dir: 'same', n: 0 };
}
