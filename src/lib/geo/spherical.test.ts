import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from './geo.types';
import {
  bboxOf,
  centroidOf,
  destinationPoint,
  EARTH_MEAN_RADIUS_METERS,
  haversineMeters,
  sphericalAreaSquareMeters,
} from './spherical';

const rectangle = (west: number, south: number, east: number, north: number): Position[] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];
const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const rad = (degrees: number) => (degrees * Math.PI) / 180;
// Area of a lng/lat rectangle on the sphere: R² · Δλ · (sin φ2 − sin φ1), exactly.
const rectangleArea = (west: number, south: number, east: number, north: number) =>
  EARTH_MEAN_RADIUS_METERS ** 2 * rad(east - west) * (Math.sin(rad(north)) - Math.sin(rad(south)));

const binzhou: Position = [117.97, 37.38];
const jinan: Position = [117.12, 36.65];

describe('haversineMeters', () => {
  it('puts Binzhou about 110.8 km from Jinan, within 0.5 % of the WGS 84 geodesic', () => {
    // 110 838.5 m: Vincenty's inverse formula on the WGS 84 ellipsoid for the same positions.
    const geodesic = 110_838.5;
    expect(Math.abs(haversineMeters(binzhou, jinan) - geodesic) / geodesic).toBeLessThan(0.005);
  });

  it('makes one degree of latitude about 111.2 km anywhere', () => {
    for (const lng of [0, 117.97, -70]) {
      expect(haversineMeters([lng, 37], [lng, 38])).toBeCloseTo(111_195, 0);
    }
  });

  it('shrinks a degree of longitude with the cosine of latitude, so degrees are not metres', () => {
    const atEquator = haversineMeters([117, 0], [118, 0]);
    const atBinzhou = haversineMeters([117, 37.38], [118, 37.38]);
    expect(atBinzhou / atEquator).toBeCloseTo(Math.cos(rad(37.38)), 3);
  });

  it('is symmetric, zero for the same place and never more than half the circumference', () => {
    const position = fc.tuple(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    );
    fc.assert(
      fc.property(position, position, (a, b) => {
        expect(haversineMeters(a, b)).toBeCloseTo(haversineMeters(b, a), 6);
        expect(haversineMeters(a, a)).toBe(0);
        expect(haversineMeters(a, b)).toBeLessThanOrEqual(Math.PI * EARTH_MEAN_RADIUS_METERS + 1e-6);
      }),
    );
  });
});

describe('sphericalAreaSquareMeters', () => {
  it('gives the exact spherical area of a rectangle bounded by meridians and parallels', () => {
    const area = sphericalAreaSquareMeters(polygon(rectangle(117.6, 37.2, 118.3, 37.6)));
    expect(area / rectangleArea(117.6, 37.2, 118.3, 37.6)).toBeCloseTo(1, 12);
    // About 61.9 km by 44.5 km: roughly 2 750 km².
    expect(area / 1e6).toBeGreaterThan(2700);
    expect(area / 1e6).toBeLessThan(2800);
  });

  it('halves the area of a one-degree cell between the equator and 60° N', () => {
    const equator = sphericalAreaSquareMeters(polygon(rectangle(0, 0, 1, 1)));
    const north = sphericalAreaSquareMeters(polygon(rectangle(0, 60, 1, 61)));
    expect(north / equator).toBeCloseTo(Math.cos(rad(60.5)) / Math.cos(rad(0.5)), 3);
  });

  it('subtracts holes and adds the parts of a MultiPolygon, whatever the winding or closing', () => {
    const outer = rectangle(118, 37, 118.1, 37.1);
    const hole = rectangle(118.02, 37.02, 118.04, 37.04);
    const withHole = sphericalAreaSquareMeters(polygon(outer, hole.slice().reverse()));
    const expected = rectangleArea(118, 37, 118.1, 37.1) - rectangleArea(118.02, 37.02, 118.04, 37.04);
    expect(withHole / expected).toBeCloseTo(1, 10);
    expect(sphericalAreaSquareMeters(polygon(outer.slice(0, -1), hole.slice(0, -1)))).toBeCloseTo(
      withHole,
      3,
    );
    const twoParts: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[outer, hole], [rectangle(119, 37, 119.1, 37.1)]],
    };
    expect(
      sphericalAreaSquareMeters(twoParts) / (expected + rectangleArea(119, 37, 119.1, 37.1)),
    ).toBeCloseTo(1, 10);
  });

  it('gives half of a right triangle the area of half its rectangle, within a per mille at city scale', () => {
    const triangle = polygon([
      [117.9, 37.3],
      [118, 37.3],
      [118, 37.4],
    ]);
    const half = rectangleArea(117.9, 37.3, 118, 37.4) / 2;
    expect(Math.abs(sphericalAreaSquareMeters(triangle) / half - 1)).toBeLessThan(1e-3);
  });

  it('gives a degenerate ring no area', () => {
    expect(
      sphericalAreaSquareMeters(
        polygon([
          [118, 37],
          [118.1, 37],
        ]),
      ),
    ).toBe(0);
    expect(sphericalAreaSquareMeters(polygon())).toBe(0);
  });
});

describe('bboxOf', () => {
  it('bounds every part of a MultiPolygon', () => {
    const parts: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[rectangle(118, 37, 118.1, 37.1)], [rectangle(117.5, 37.3, 117.6, 37.9)]],
    };
    expect(bboxOf(parts)).toEqual([117.5, 37, 118.1, 37.9]);
  });

  it('refuses an empty geometry', () => {
    expect(() => bboxOf(polygon())).toThrow(RangeError);
  });
});

describe('centroidOf', () => {
  it('puts the centroid of a rectangle at its centre', () => {
    const [lng, lat] = centroidOf(polygon(rectangle(118, 37, 118.2, 37.1)));
    expect(lng).toBeCloseTo(118.1, 12);
    expect(lat).toBeCloseTo(37.05, 12);
  });

  it('weighs an L-shaped polygon by area', () => {
    // Unit squares at (0,0), (1,0) and (0,1): centroid (5/6, 5/6) in units of 0.01°.
    const unit = 0.01;
    const shape = polygon([
      [118, 37],
      [118 + 2 * unit, 37],
      [118 + 2 * unit, 37 + unit],
      [118 + unit, 37 + unit],
      [118 + unit, 37 + 2 * unit],
      [118, 37 + 2 * unit],
    ]);
    const [lng, lat] = centroidOf(shape);
    expect(lng).toBeCloseTo(118 + (5 / 6) * unit, 12);
    expect(lat).toBeCloseTo(37 + (5 / 6) * unit, 12);
  });

  it('moves away from a hole, whatever the winding of the hole', () => {
    // A 4 × 4 square less the 2 × 2 square at its north-east corner.
    const outer = rectangle(0, 0, 4, 4);
    const hole = rectangle(2, 2, 4, 4);
    for (const ring of [hole, hole.slice().reverse()]) {
      const [x, y] = centroidOf(polygon(outer, ring));
      // (16 · 2 − 4 · 3) / 12 = 5/3 on both axes.
      expect(x).toBeCloseTo(5 / 3, 12);
      expect(y).toBeCloseTo(5 / 3, 12);
    }
  });

  it('falls back to the mean of the positions for a shape without area', () => {
    const [lng, lat] = centroidOf(
      polygon([
        [118, 37],
        [118.2, 37],
        [118.1, 37],
      ]),
    );
    expect(lng).toBeCloseTo(118.1, 12);
    expect(lat).toBe(37);
  });
});

describe('destinationPoint', () => {
  it('moves one degree of latitude north for 111.2 km at bearing 0', () => {
    const [lng, lat] = destinationPoint([117.97, 37.38], 0, (Math.PI / 180) * EARTH_MEAN_RADIUS_METERS);
    expect(lng).toBeCloseTo(117.97, 10);
    expect(lat).toBeCloseTo(38.38, 10);
  });

  it('lands at the requested distance on any bearing, so a 15-minute radius is in metres', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 50_000, noNaN: true }),
        (bearing, meters) => {
          expect(haversineMeters(binzhou, destinationPoint(binzhou, bearing, meters))).toBeCloseTo(meters, 3);
        },
      ),
    );
  });

  it('goes east along the parallel for a short hop at bearing 90', () => {
    const [lng, lat] = destinationPoint(binzhou, 90, 1000);
    expect(lat).toBeCloseTo(37.38, 5);
    expect(lng - 117.97).toBeCloseTo(1000 / (111_195 * Math.cos(rad(37.38))), 6);
  });

  it('wraps longitude across the antimeridian', () => {
    const [lng] = destinationPoint([179.9, 0], 90, 50_000);
    expect(lng).toBeGreaterThan(-180);
    expect(lng).toBeLessThan(-179);
  });
});
