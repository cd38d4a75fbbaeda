import type { RateFigures } from './demands.rates';

// The monthly ranking of places (or property companies) by the composite of the three rates
// (Beijing 接诉即办 regulation art. 32: 考评…以响应率、解决率、满意率为核心内容; art. 33 has the results
// published and used — 定期通报). Order: composite high to low; on equal composites the place with
// more demands first (the same score over more demands is the harder one), then by code so that the
// order never depends on the database. A place with no demand in the denominator has no rates and
// is not ranked: listed last, by the same tie-breaks, without a rank.

/** The bar the issue holds property companies to (CAPABILITIES §3.3): each rate at least 95%. */
export const RATE_TARGET = 0.95;

export interface RankEntry {
  key: string;
  figures: RateFigures;
}

export type Ranked<T extends RankEntry> = T & { rank: number | null };

/** Composites are sums of weighted fractions: compare them to a billionth, not to the last bit. */
const score = (f: RateFigures) => Math.round((f.composite ?? 0) * 1e9);

function compareRanked(a: RankEntry, b: RankEntry): number {
  return (
    score(b.figures) - score(a.figures) ||
    b.figures.demands - a.figures.demands ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Whether an entry can be ranked: it has rates (a non-empty denominator). */
export function isRankable(f: RateFigures): boolean {
  return f.denominator > 0 && f.composite !== null;
}

/** The entries in ranking order with ranks 1, 2, 3 …; unrankable ones last with rank null. */
export function rankEntries<T extends RankEntry>(entries: readonly T[]): Ranked<T>[] {
  const ranked = entries.filter((e) => isRankable(e.figures)).sort(compareRanked);
  const unranked = entries.filter((e) => !isRankable(e.figures)).sort(compareRanked);
  return [...ranked.map((e, i) => ({ ...e, rank: i + 1 })), ...unranked.map((e) => ({ ...e, rank: null }))];
}

/** Places moved up (positive) or down (negative) since last month; null when either is unranked. */
export function rankChange(rank: number | null, previousRank: number | null): number | null {
  if (rank === null || previousRank === null) return null;
  return previousRank - rank;
}

/** Whether every one of the three rates reaches the target (null rates do not). */
export function meetsTarget(f: RateFigures, target = RATE_TARGET): boolean {
  return [f.responseRate, f.resolutionRate, f.satisfactionRate].every(
    (r) => r !== null && r >= target - 1e-12,
  );
}
