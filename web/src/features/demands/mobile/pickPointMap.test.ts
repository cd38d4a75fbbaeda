import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  buildPickPointOption,
  containsPoint,
  featureAt,
  type PickFeature,
  type Polygonal,
  type Position,
  roundPosition,
} from './pickPointMap';

const ring = (west: number, south: number, east: number, north: number): Position[] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];
const square = (west: number, south: number, east: number, north: number): Polygonal => ({
  type: 'Polygon',
  coordinates: [ring(west, south, east, north)],
});
const feature = (code: string, geometry: Polygonal): PickFeature => ({
  type: 'Feature',
  id: code,
  geometry,
  properties: { code, name: `${code}网格` },
});

// Two grids side by side as in the small test city: lng 0–10 and 10–20, lat 0–10.
const A = feature('001', square(0, 0, 10, 10));
const B = feature('002', square(10, 0, 20, 10));

describe('containsPoint', () => {
  it('finds points inside and leaves those outside', () => {
    expect(containsPoint(A.geometry, [5, 5])).toBe(true);
    expect(containsPoint(A.geometry, [15, 5])).toBe(false);
    expect(containsPoint(A.geometry, [5, 10.0001])).toBe(false);
  });

  it('leaves out a hole', () => {
    const withHole: Polygonal = {
      type: 'Polygon',
      coordinates: [ring(0, 0, 10, 10), ring(4, 4, 6, 6)],
    };
    expect(containsPoint(withHole, [5, 5])).toBe(false);
    expect(containsPoint(withHole, [2, 2])).toBe(true);
  });

  it('reads a multipolygon', () => {
    const two: Polygonal = {
      type: 'MultiPolygon',
      coordinates: [[ring(0, 0, 1, 1)], [ring(5, 5, 6, 6)]],
    };
    expect(containsPoint(two, [5.5, 5.5])).toBe(true);
    expect(containsPoint(two, [3, 3])).toBe(false);
  });
});

describe('featureAt', () => {
  it('names the grid of a point, or none outside all', () => {
    expect(featureAt([A, B], [12, 3])?.properties.code).toBe('002');
    expect(featureAt([A, B], [0.5, 9.5])?.properties.code).toBe('001');
    expect(featureAt([A, B], [25, 3])).toBeUndefined();
  });
});

describe('boundsOf', () => {
  it('spans all features, or is null without any', () => {
    expect(boundsOf([A, B])).toEqual([0, 0, 20, 10]);
    expect(boundsOf([])).toBeNull();
  });
});

describe('roundPosition', () => {
  it('keeps six decimals (about a metre)', () => {
    expect(roundPosition([117.97123456789, 37.38312345])).toEqual([117.971235, 37.383123]);
  });
});

describe('buildPickPointOption', () => {
  it('draws the grids and a pin at the picked point', () => {
    const option = buildPickPointOption({ mapName: 'm', features: [A, B], point: [12, 3] });
    const series = (option.series as { data: unknown[] }[])[0];
    expect(series?.data).toEqual([[12, 3]]);
    expect((option.geo as { map: string }).map).toBe('m');
  });

  it('draws no pin before a tap', () => {
    const option = buildPickPointOption({ mapName: 'm', features: [A], point: null });
    expect((option.series as { data: unknown[] }[])[0]?.data).toEqual([]);
  });
});
