import {
  inDenominator,
  isBasic,
  isResolved,
  isSatisfied,
  type RateInput,
  respondedInTime,
} from './demands.rates';
import type { RateSettings } from './demands.settings';

// Which demands stand behind each figure of the rates page. Built only from the predicates of
// demands.rates.ts — the same ones computeRates counts with — so that the number on a card and the
// list that opens from it are always the same demands (tested in demands.rates.figures.test.ts).

export const RATE_FIGURES = [
  'demands',
  'denominator',
  'responded',
  'not_responded',
  'resolved',
  'unresolved',
  'satisfied',
  'basic',
  'unsatisfied',
] as const;
export type RateFigure = (typeof RATE_FIGURES)[number];

/** Whether a demand is one of those counted in `figure`. */
export function inFigure(figure: RateFigure, row: RateInput, settings: RateSettings): boolean {
  if (figure === 'demands') return true;
  if (!inDenominator(row, settings)) return false;
  switch (figure) {
    case 'denominator':
      return true;
    case 'responded':
      return respondedInTime(row);
    case 'not_responded':
      return !respondedInTime(row);
    case 'resolved':
      return isResolved(row);
    case 'unresolved':
      return !isResolved(row);
    case 'satisfied':
      return isSatisfied(row);
    case 'basic':
      return !isSatisfied(row) && isBasic(row);
    case 'unsatisfied':
      // computeRates counts 不满意 only among rated demands that are neither 满意 nor 基本满意.
      return !isSatisfied(row) && !isBasic(row) && row.rating === 'unsatisfied';
  }
}
