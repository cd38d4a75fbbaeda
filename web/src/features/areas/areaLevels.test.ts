import { describe, expect, it } from 'vitest';
import { countedLevelsBelow, mapChildLevel } from './areaLevels';

describe('area levels', () => {
  it('a street counts communities, grids and everything down to households, but not districts', () => {
    expect(countedLevelsBelow('street')).toEqual([
      'community',
      'grid',
      'compound',
      'building',
      'unit',
      'household',
    ]);
  });

  it('the city counts every level from districts down', () => {
    expect(countedLevelsBelow('city')[0]).toBe('district');
    expect(countedLevelsBelow('city')).toHaveLength(8);
  });

  it('a household has nothing below it to count', () => {
    expect(countedLevelsBelow('household')).toEqual([]);
  });

  it.each([
    ['city', 'district'],
    ['district', 'street'],
    ['street', 'community'],
    ['community', 'grid'],
    ['grid', 'compound'],
    ['compound', null],
    ['household', null],
  ] as const)('the map of a %s draws its %s children', (level, child) => {
    expect(mapChildLevel(level)).toBe(child);
  });
});
