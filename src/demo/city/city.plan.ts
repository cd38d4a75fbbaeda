// How many communities, grids and compounds the demo city has and where: the counts Binzhou
// reports (219 communities, 1,459 grids, 1,909 compounds) spread over its 29 urban streets.

import { createRandom, type Random } from '../../lib/random';

export const DEMO_EPOCH = '2021-01-01';

/** Binzhou's urban totals at scale 1. */
export const FULL_SCALE_COUNTS = { communities: 219, grids: 1459, compounds: 1909 } as const;

export interface DemoCityOptions {
  /** Same seed and scale, same rows; 'binzhou' unless given. */
  seed?: string;
  /** Multiplies communities, grids, compounds and so households; 1 unless given. */
  scale?: number;
  /** Households most grids hold; about 8% fall outside, half below and half above. */
  gridHouseholdBand?: readonly [number, number];
  /**
   * Generate the communities and everything below them for these streets only (codes), each
   * exactly as in the whole city: for tests that need real rows but not 600,000 of them.
   */
  onlyStreets?: readonly string[];
}

export interface ResolvedDemoCityOptions {
  seed: string;
  scale: number;
  gridHouseholdBand: readonly [number, number];
  onlyStreets: ReadonlySet<string> | null;
}

export function resolveOptions(options: DemoCityOptions = {}): ResolvedDemoCityOptions {
  const scale = options.scale ?? 1;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 50)) {
    throw new RangeError(`scale must be above 0 and at most 50, got ${scale}`);
  }
  const band = options.gridHouseholdBand ?? [300, 500];
  if (
    !(Number.isSafeInteger(band[0]) && Number.isSafeInteger(band[1]) && band[0] >= 2 && band[0] <= band[1])
  ) {
    throw new RangeError(
      `gridHouseholdBand must be [low, high] with 2 <= low <= high, got [${band.join(', ')}]`,
    );
  }
  return {
    seed: options.seed ?? 'binzhou',
    scale,
    gridHouseholdBand: band,
    onlyStreets: options.onlyStreets ? new Set(options.onlyStreets) : null,
  };
}

/**
 * Splits `total` into whole shares proportional to `weights` (largest remainder, ties to the
 * earlier), each share at least `minimum`.
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError(`cannot share ${total} among nobody`);
    return [];
  }
  const rest = total - minimum * weights.length;
  if (!Number.isSafeInteger(total) || rest < 0) {
    throw new RangeError(`cannot give ${weights.length} shares at least ${minimum} each out of ${total}`);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0) || weights.some((w) => !(w >= 0))) throw new RangeError('weights must be >= 0, not all 0');
  const exact = weights.map((w) => (w / sum) * rest);
  const shares = exact.map((x) => minimum + Math.floor(x));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

/**
 * A street's share of the urban communities: the old town of 滨城区 (市中, 市西, 北镇, 市东) is the
 * densest, the rest of 滨城区 and 邹平's three central streets next, county-town streets least.
 */
export function urbanStreetWeight(code: string): number {
  const district = code.slice(0, 6);
  const segment = Number(code.slice(6, 9));
  if (district === '371602') return segment <= 4 ? 10 : 8;
  if (district === '371681') return segment <= 3 ? 6 : 4;
  if (district === '371603') return 6;
  return segment <= 2 ? 5 : 4;
}

/** Per urban street, per community, per grid: how many compounds. */
export type UrbanPlan = Map<string, number[][]>;

/**
 * Apportions the scaled totals over the urban streets, then communities' grids and grids'
 * compounds at random, from one stream of its own so that the plan does not depend on which
 * streets are generated.
 */
export function planUrbanStreets(
  streetCodes: readonly string[],
  options: ResolvedDemoCityOptions,
): UrbanPlan {
  const random = createRandom(`${options.seed}:plan:${options.scale}`);
  const totals = {
    communities: Math.round(FULL_SCALE_COUNTS.communities * options.scale),
    grids: Math.round(FULL_SCALE_COUNTS.grids * options.scale),
    compounds: Math.round(FULL_SCALE_COUNTS.compounds * options.scale),
  };
  const perStreet = apportion(
    totals.communities,
    streetCodes.map(urbanStreetWeight),
    totals.communities >= streetCodes.length ? 1 : 0,
  );
  const communityCount = perStreet.reduce((a, b) => a + b, 0);
  const gridsPerCommunity = apportion(
    totals.grids,
    Array.from({ length: communityCount }, () => random.float(0.6, 1.4)),
    1,
  );
  // Exponential weights: most grids hold one compound, some two, a few three or more.
  const compoundsPerGrid = apportion(
    totals.compounds,
    Array.from({ length: totals.grids }, () => -Math.log(1 - random.next())),
    1,
  );
  const plan: UrbanPlan = new Map();
  let community = 0;
  let grid = 0;
  streetCodes.forEach((code, s) => {
    const communities: number[][] = [];
    for (let c = 0; c < perStreet[s]!; c++) {
      const grids = gridsPerCommunity[community++]!;
      communities.push(compoundsPerGrid.slice(grid, grid + grids));
      grid += grids;
    }
    plan.set(code, communities);
  });
  return plan;
}

/**
 * A grid's households: inside the band for about 92% of grids, otherwise from half the band's
 * low end up to it, or from its high end to 1.6 times that (150–299 and 501–800 for 300–500).
 */
export function gridHouseholds(random: Random, [low, high]: readonly [number, number]): number {
  const draw = random.next();
  if (draw < 0.04) return random.int(Math.max(1, Math.floor(low / 2)), low - 1);
  if (draw < 0.08) return random.int(high + 1, Math.floor(high * 1.6));
  return random.int(low, high);
}
