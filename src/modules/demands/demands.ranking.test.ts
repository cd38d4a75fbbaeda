import { describe, expect, it } from 'vitest';
import { meetsTarget, rankChange, rankEntries } from './demands.ranking';
import { computeRates, type RateFigures } from './demands.rates';

const figures = (
  composite: number | null,
  demands: number,
  denominator = composite === null ? 0 : 1,
): RateFigures => ({
  ...computeRates([], {
    weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 },
    basicFactor: 0.9,
    denominator: 'callback',
  }),
  demands,
  denominator,
  composite,
  responseRate: composite,
  resolutionRate: composite,
  satisfactionRate: composite,
});

describe('the monthly ranking (Beijing art. 32–33)', () => {
  it('orders by composite, then more demands first, then code, and ranks 1, 2, 3 …', () => {
    const out = rankEntries([
      { key: 'c', figures: figures(0.9, 10) },
      { key: 'b', figures: figures(0.95, 4) },
      { key: 'a', figures: figures(0.9, 10) },
      { key: 'd', figures: figures(0.9, 12) },
    ]);
    expect(out.map((e) => [e.key, e.rank])).toEqual([
      ['b', 1],
      ['d', 2],
      ['a', 3],
      ['c', 4],
    ]);
  });

  it('treats composites equal up to float noise as a tie (0.1 + 0.2 and 0.3)', () => {
    const out = rankEntries([
      { key: 'x', figures: figures(0.1 + 0.2, 1) },
      { key: 'y', figures: figures(0.3, 2) },
    ]);
    expect(out.map((e) => e.key)).toEqual(['y', 'x']);
  });

  it('lists places with an empty denominator last and unranked, more demands first', () => {
    const out = rankEntries([
      { key: 'empty1', figures: figures(null, 3) },
      { key: 'low', figures: figures(0.2, 1) },
      { key: 'empty2', figures: figures(null, 7) },
      { key: 'none', figures: figures(null, 0) },
    ]);
    expect(out.map((e) => [e.key, e.rank])).toEqual([
      ['low', 1],
      ['empty2', null],
      ['empty1', null],
      ['none', null],
    ]);
  });

  it.each([
    [3, 5, 2],
    [5, 3, -2],
    [4, 4, 0],
    [null, 2, null],
    [2, null, null],
  ])('rank %s after %s last month is a change of %s', (rank, previous, change) => {
    expect(rankChange(rank, previous)).toBe(change);
  });

  it.each([
    [0.95, true],
    [0.9499, false],
    [1, true],
    [null, false],
  ])('all three rates at %s meet the 95%% bar: %s', (rate, meets) => {
    expect(meetsTarget(figures(rate, 5))).toBe(meets);
  });

  it('a place must reach 95% on each rate, not on the composite', () => {
    const f = { ...figures(0.97, 5), responseRate: 0.9 };
    expect(meetsTarget(f)).toBe(false);
  });
});
