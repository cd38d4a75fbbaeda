import type { AreaLevel, LevelCounts, MapLevel } from './api';

/** Rank of each level from the city down; a `Record` so that a level added on the server fails to compile here. */
const LEVEL_RANK: Record<AreaLevel, number> = {
  city: 0,
  district: 1,
  street: 2,
  community: 3,
  grid: 4,
  compound: 5,
  building: 6,
  unit: 7,
  household: 8,
};

/** Every level, from the city down. */
export const AREA_LEVEL_ORDER = (Object.keys(LEVEL_RANK) as AreaLevel[]).sort(
  (a, b) => LEVEL_RANK[a] - LEVEL_RANK[b],
);

/** The levels counted in `LevelCounts`, below the given level, in order (a street: community … household). */
export function countedLevelsBelow(level: AreaLevel): (keyof LevelCounts)[] {
  return AREA_LEVEL_ORDER.filter(
    (candidate): candidate is keyof LevelCounts =>
      candidate !== 'city' && LEVEL_RANK[candidate] > LEVEL_RANK[level],
  );
}

/**
 * The level the map draws as children of a place: city → districts, district → streets,
 * street → communities, community → grids, grid → compounds. Below a compound nothing is drawn.
 */
export function mapChildLevel(level: AreaLevel): MapLevel | null {
  switch (level) {
    case 'city':
      return 'district';
    case 'district':
      return 'street';
    case 'street':
      return 'community';
    case 'community':
      return 'grid';
    case 'grid':
      return 'compound';
    default:
      return null;
  }
}
