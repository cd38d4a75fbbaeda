import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../lib/random';
import { readDivisions, streetKind } from './city.divisions';
import { apportion, gridHouseholds, planUrbanStreets, resolveOptions, urbanStreetWeight } from './city.plan';

const urbanStreets = readDivisions()
  .filter((d) => d.level === 'street' && streetKind(d.code) === '街道')
  .map((d) => d.code);

function totals(plan: Map<string, number[][]>) {
  const communities = [...plan.values()].flat();
  return {
    communities: communities.length,
    grids: communities.flat().length,
    compounds: communities.flat().reduce((a, b) => a + b, 0),
  };
}

describe('apportion', () => {
  it.each([
    { total: 10, weights: [1, 1], minimum: 0, shares: [5, 5] },
    { total: 10, weights: [1, 1, 1], minimum: 0, shares: [4, 3, 3] },
    { total: 7, weights: [3, 1], minimum: 2, shares: [4, 3] },
    { total: 3, weights: [1, 0, 5], minimum: 1, shares: [1, 1, 1] },
    { total: 0, weights: [], minimum: 1, shares: [] },
  ])(
    'shares $total by $weights with at least $minimum each as $shares',
    ({ total, weights, minimum, shares }) => {
      expect(apportion(total, weights, minimum)).toEqual(shares);
    },
  );

  it('refuses a minimum the total cannot give everyone', () => {
    expect(() => apportion(5, [1, 1, 1], 2)).toThrow(RangeError);
  });

  it('always hands out exactly the total, each share within one of its exact quota', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.nat(2000),
        fc.nat(3),
        (weights, extra, minimum) => {
          const total = weights.length * minimum + extra;
          const shares = apportion(total, weights, minimum);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((share, i) => {
            const quota = minimum + (weights[i]! / sum) * extra;
            expect(Math.abs(share - quota)).toBeLessThan(1 + 1e-9);
          });
        },
      ),
    );
  });
});

describe('the urban plan', () => {
  it('has 29 urban streets (街道) in the reference list', () => {
    expect(urbanStreets).toHaveLength(29);
  });

  it("gives Binzhou's 219 communities, 1,459 grids and 1,909 compounds at scale 1", () => {
    const plan = planUrbanStreets(urbanStreets, resolveOptions());
    expect(totals(plan)).toEqual({ communities: 219, grids: 1459, compounds: 1909 });
    for (const communities of plan.values()) {
      expect(communities.length).toBeGreaterThan(0);
      for (const grids of communities) {
        expect(grids.length).toBeGreaterThan(0);
        for (const compounds of grids) expect(compounds).toBeGreaterThan(0);
      }
    }
  });

  it('doubles every count at scale 2', () => {
    const plan = planUrbanStreets(urbanStreets, resolveOptions({ scale: 2 }));
    expect(totals(plan)).toEqual({ communities: 438, grids: 2918, compounds: 3818 });
  });

  it('gives the old town of 滨城区 more communities than a county-town street', () => {
    const plan = planUrbanStreets(urbanStreets, resolveOptions());
    expect(urbanStreetWeight('371602001')).toBeGreaterThan(urbanStreetWeight('371622001'));
    expect(plan.get('371602001')!.length).toBeGreaterThan(plan.get('371622001')!.length);
    const bincheng = urbanStreets.filter((code) => code.startsWith('371602'));
    const share = bincheng.reduce((n, code) => n + plan.get(code)!.length, 0) / 219;
    expect(share).toBeGreaterThan(0.5);
  });

  it('rejects a scale of zero and a band upside down', () => {
    expect(() => resolveOptions({ scale: 0 })).toThrow(RangeError);
    expect(() => resolveOptions({ gridHouseholdBand: [500, 300] })).toThrow(RangeError);
  });
});

describe('households of a grid', () => {
  it('fall mostly within the band, about 4% below it (from half its low end) and 4% above (to 1.6 times its high end)', () => {
    const random = createRandom('bands');
    const draws = Array.from({ length: 20_000 }, () => gridHouseholds(random, [300, 500]));
    const below = draws.filter((n) => n < 300);
    const above = draws.filter((n) => n > 500);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...draws)).toBeLessThanOrEqual(800);
    expect(below.length / draws.length).toBeGreaterThan(0.03);
    expect(below.length / draws.length).toBeLessThan(0.05);
    expect(above.length / draws.length).toBeGreaterThan(0.03);
    expect(above.length / draws.length).toBeLessThan(0.05);
  });
});
