import type { RateSettings } from './demands.settings';
import type { DemandStatus, Rating } from './demands.table';

// The three rates (三率) of the Beijing 接诉即办 regulation art. 32: 考评…以响应率、解决率、满意率为
// 核心内容. The regulation leaves the method to the assessment rules (考评办法); ours, set in
// demand_settings (demands.settings.ts):
// - The denominator: `callback` — demands rated on a valid callback (有效回访: status `rated` and
//   callbackValid = 1, the callback of art. 23); `closed` — every closed or rated demand with a
//   valid callback number (callbackValid = 1). Under `closed` a closed demand not yet rated is in
//   the denominator: it counts as responded if its first contact was in time, as resolved only if
//   its resolved flag is set (normally it is not, the flag comes from the callback), and never as
//   satisfied or basic — so demands nobody called back pull the resolution and satisfaction rates
//   down, which is the point of choosing `closed`.
// - 响应率: share of the denominator first contacted by the first-contact deadline (art. 15(1)).
// - 解决率: share the resident said was solved (resolved = 1).
// - 满意率: (满意 + basicFactor × 基本满意) / denominator.
// - Composite: Σ weight × rate, null when the denominator is empty.

export interface RateInput {
  status: DemandStatus;
  callbackValid: number;
  firstContactDueAt: string | null;
  firstContactedAt: string | null;
  resolved: number | null;
  rating: Rating | null;
}

export interface RateFigures {
  /** Every demand given. */
  demands: number;
  /** Those the rates are over. */
  denominator: number;
  responded: number;
  resolved: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  /** 0..1, or null when the denominator is 0. */
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  composite: number | null;
}

/** Whether a demand is one the rates are over (see the header for the two settings). */
export function inDenominator(row: RateInput, settings: RateSettings): boolean {
  if (row.callbackValid !== 1) return false;
  if (settings.denominator === 'callback') return row.status === 'rated';
  return row.status === 'closed' || row.status === 'rated';
}

/** First contact at or before its deadline (Beijing art. 15(1)); compared as instants. */
export function respondedInTime(row: RateInput): boolean {
  if (row.firstContactedAt === null || row.firstContactDueAt === null) return false;
  return Date.parse(row.firstContactedAt) <= Date.parse(row.firstContactDueAt);
}

export function isResolved(row: RateInput): boolean {
  return row.resolved === 1;
}

export function isSatisfied(row: RateInput): boolean {
  return row.rating === 'satisfied';
}

export function isBasic(row: RateInput): boolean {
  return row.rating === 'basic';
}

/** What the rates are computed from: how many demands fall in each figure. */
export type RateCounts = Pick<
  RateFigures,
  'demands' | 'denominator' | 'responded' | 'resolved' | 'satisfied' | 'basic' | 'unsatisfied'
>;

/** The three rates and the composite over `rows`, by `settings`. */
export function computeRates(rows: readonly RateInput[], settings: RateSettings): RateFigures {
  const counts: RateCounts = {
    demands: rows.length,
    denominator: 0,
    responded: 0,
    resolved: 0,
    satisfied: 0,
    basic: 0,
    unsatisfied: 0,
  };
  for (const row of rows) {
    if (!inDenominator(row, settings)) continue;
    counts.denominator += 1;
    if (respondedInTime(row)) counts.responded += 1;
    if (isResolved(row)) counts.resolved += 1;
    if (isSatisfied(row)) counts.satisfied += 1;
    else if (isBasic(row)) counts.basic += 1;
    else if (row.rating === 'unsatisfied') counts.unsatisfied += 1;
  }
  return ratesOfCounts(counts, settings);
}

/** The rates and the composite from the counts (the browser test recomputes the API's figures with it). */
export function ratesOfCounts(
  counts: RateCounts,
  settings: Pick<RateSettings, 'weights' | 'basicFactor'>,
): RateFigures {
  const { denominator } = counts;
  const rate = (n: number) => (denominator === 0 ? null : n / denominator);
  const responseRate = rate(counts.responded);
  const resolutionRate = rate(counts.resolved);
  const satisfactionRate = rate(counts.satisfied + settings.basicFactor * counts.basic);
  const w = settings.weights;
  const composite =
    denominator === 0
      ? null
      : w.response * (responseRate ?? 0) +
        w.resolution * (resolutionRate ?? 0) +
        w.satisfaction * (satisfactionRate ?? 0);
  return { ...counts, responseRate, resolutionRate, satisfactionRate, composite };
}
