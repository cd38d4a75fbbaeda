import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRates, type RateInput } from './demands.rates';
import { inFigure, RATE_FIGURES, type RateFigure } from './demands.rates.figures';
import { DEFAULT_DEMAND_SETTINGS, type RateSettings } from './demands.settings';
import { DEMAND_STATUSES, RATINGS } from './demands.table';

const DUE = '2025-11-17T02:00:00.000Z';
const callback = DEFAULT_DEMAND_SETTINGS.rates;
const closed: RateSettings = { ...callback, denominator: 'closed' };

const rowArb: fc.Arbitrary<RateInput> = fc.record({
  status: fc.constantFrom(...DEMAND_STATUSES),
  callbackValid: fc.constantFrom(0, 1),
  firstContactDueAt: fc.constantFrom(DUE, null),
  firstContactedAt: fc.constantFrom('2025-11-17T01:59:59.999Z', DUE, '2025-11-17T02:00:00.001Z', null),
  resolved: fc.constantFrom(0, 1, null),
  rating: fc.constantFrom(...RATINGS, null),
});

const count = (figure: RateFigure, rows: RateInput[], settings: RateSettings) =>
  rows.filter((r) => inFigure(figure, r, settings)).length;

describe('the demands behind a figure are exactly those computeRates counts', () => {
  it.each([
    ['callback', callback],
    ['closed', closed],
  ] as const)('for any set of demands, under the %s denominator', (_name, settings) => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), (rows) => {
        const f = computeRates(rows, settings);
        expect(count('demands', rows, settings)).toBe(f.demands);
        expect(count('denominator', rows, settings)).toBe(f.denominator);
        expect(count('responded', rows, settings)).toBe(f.responded);
        expect(count('not_responded', rows, settings)).toBe(f.denominator - f.responded);
        expect(count('resolved', rows, settings)).toBe(f.resolved);
        expect(count('unresolved', rows, settings)).toBe(f.denominator - f.resolved);
        expect(count('satisfied', rows, settings)).toBe(f.satisfied);
        expect(count('basic', rows, settings)).toBe(f.basic);
        expect(count('unsatisfied', rows, settings)).toBe(f.unsatisfied);
      }),
      { numRuns: 300 },
    );
  });

  it('a closed demand nobody has rated yet is behind the denominator under `closed` and behind no rating', () => {
    const row: RateInput = {
      status: 'closed',
      callbackValid: 1,
      firstContactDueAt: DUE,
      firstContactedAt: DUE,
      resolved: null,
      rating: null,
    };
    const under = (s: RateSettings) => RATE_FIGURES.filter((f) => inFigure(f, row, s));
    expect(under(callback)).toEqual(['demands']);
    expect(under(closed)).toEqual(['demands', 'denominator', 'responded', 'unresolved']);
  });

  it('a rated demand without a valid callback counts among the demands only', () => {
    const row: RateInput = {
      status: 'rated',
      callbackValid: 0,
      firstContactDueAt: DUE,
      firstContactedAt: DUE,
      resolved: 1,
      rating: 'satisfied',
    };
    expect(RATE_FIGURES.filter((f) => inFigure(f, row, callback))).toEqual(['demands']);
  });
});
