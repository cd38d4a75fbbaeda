import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from './geo.types';
import { locatePointInGeometry, orientation, type PointLocation } from './point-in-polygon';

const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });

// A 10 × 10 square with a 2 × 2 hole in the middle, closed rings as RFC 7946 writes them.
const squareWithHole = polygon(
  [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ],
  [
    [4, 4],
    [4, 6],
    [6, 6],
    [6, 4],
    [4, 4],
  ],
);

// A "U": the notch between the arms, from x 3 to 7 above y 4, is outside. Open ring.
const concaveU = polygon([
  [0, 0],
  [10, 0],
  [10, 10],
  [7, 10],
  [7, 4],
  [3, 4],
  [3, 10],
  [0, 10],
]);

const twoIslands: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
    ],
    [
      [
        [117.9, 37.3],
        [118.1, 37.3],
        [118, 37.5],
        [117.9, 37.3],
      ],
    ],
  ],
};

// A triangle with a slanted edge from (12, 12) to (24, 24), traversed counter-clockwise.
const slanted = polygon([
  [12, 12],
  [24, 24],
  [12, 24],
]);
const ulpAt18 = 2 ** -48;

describe('locatePointInGeometry', () => {
  it.each<[string, Position, Polygon | MultiPolygon, PointLocation]>([
    ['a point strictly inside the exterior', [2, 2], squareWithHole, 'inside'],
    ['a point far outside', [20, 5], squareWithHole, 'outside'],
    ['a point west of the polygon on the line of a horizontal edge', [-3, 0], squareWithHole, 'outside'],
    ['a point on the middle of an edge', [10, 3], squareWithHole, 'boundary'],
    ['a point on a horizontal edge', [5, 10], squareWithHole, 'boundary'],
    ['a point on a vertex', [0, 0], squareWithHole, 'boundary'],
    ['a point on the vertex that closes the ring', [0, 10], squareWithHole, 'boundary'],
    ['a point inside the hole', [5, 5], squareWithHole, 'outside'],
    ['a point on the ring of the hole', [5, 6], squareWithHole, 'boundary'],
    ['a point on a corner of the hole', [6, 4], squareWithHole, 'boundary'],
    ['a point level with the hole, beside it', [2, 5], squareWithHole, 'inside'],
    ['a point in the notch of a concave polygon', [5, 8], concaveU, 'outside'],
    ['a point in an arm of a concave polygon', [8, 8], concaveU, 'inside'],
    ['a point on the bottom of the notch', [5, 4], concaveU, 'boundary'],
    ['a point level with the notch bottom, inside the base', [1, 4], concaveU, 'inside'],
    ['a point level with the notch bottom, east of the polygon', [11, 4], concaveU, 'outside'],
    ['a point level with the arm tops, between the arms', [5, 10], concaveU, 'outside'],
    ['a point in the first part of a MultiPolygon', [0.5, 0.5], twoIslands, 'inside'],
    ['a point in the second part of a MultiPolygon', [118, 37.4], twoIslands, 'inside'],
    ['a point on the second part of a MultiPolygon', [118.05, 37.3], twoIslands, 'boundary'],
    ['a point between the parts of a MultiPolygon', [50, 20], twoIslands, 'outside'],
    ['a point collinear with a slanted edge beyond its end', [30, 30], slanted, 'outside'],
    ['a point collinear with a slanted edge before its start', [6, 6], slanted, 'outside'],
    ['a point collinear with a vertical edge beyond its end', [12, 30], slanted, 'outside'],
    ['a point on the middle of a slanted edge', [18, 18], slanted, 'boundary'],
    ['a point one ulp above a slanted edge', [18, 18 + ulpAt18], slanted, 'inside'],
    ['a point one ulp below a slanted edge', [18, 18 - ulpAt18], slanted, 'outside'],
  ])('%s is %s', (_label, point, geometry, expected) => {
    expect(locatePointInGeometry(point, geometry)).toBe(expected);
  });

  it('gives the same answer for closed and open rings, and for either winding', () => {
    const closed = squareWithHole.coordinates;
    const open = polygon(...closed.map((ring) => ring.slice(0, -1)));
    const reversed = polygon(...closed.map((ring) => ring.slice().reverse()));
    fc.assert(
      fc.property(
        fc.integer({ min: -2, max: 12 }),
        fc.integer({ min: -2, max: 12 }),
        fc.double({ min: -2, max: 12, noNaN: true }),
        (x, y, z) => {
          for (const point of [[x, y] as Position, [z, y] as Position, [x, z] as Position]) {
            const expected = locatePointInGeometry(point, squareWithHole);
            expect(locatePointInGeometry(point, open)).toBe(expected);
            expect(locatePointInGeometry(point, reversed)).toBe(expected);
          }
        },
      ),
    );
  });

  it('agrees with an exact rule on integer points of an axis-aligned square with a hole', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 13 }), fc.integer({ min: -3, max: 13 }), (x, y) => {
        const inOuter = x > 0 && x < 10 && y > 0 && y < 10;
        const onOuter =
          (x === 0 || x === 10 || y === 0 || y === 10) && x >= 0 && x <= 10 && y >= 0 && y <= 10;
        const inHole = x > 4 && x < 6 && y > 4 && y < 6;
        const onHole = (x === 4 || x === 6 || y === 4 || y === 6) && x >= 4 && x <= 6 && y >= 4 && y <= 6;
        const expected = onOuter || onHole ? 'boundary' : inOuter && !inHole ? 'inside' : 'outside';
        expect(locatePointInGeometry([x, y], squareWithHole)).toBe(expected);
      }),
    );
  });

  it('refuses a point without finite coordinates', () => {
    expect(() => locatePointInGeometry([Number.NaN, 1], squareWithHole)).toThrow(RangeError);
  });

  it('finds nothing inside a polygon without rings', () => {
    expect(locatePointInGeometry([0, 0], polygon())).toBe('outside');
  });
});

describe('orientation', () => {
  it('tells left from right exactly where floating-point cross products fail', () => {
    // Kettner et al., "Classroom examples of robustness problems in geometric computations"
    // (2008): near (0.5, 0.5) the naive determinant for the line through (12, 12) and
    // (24, 24) has the wrong sign for many points a few ulps off the line.
    const q: Position = [12, 12];
    const r: Position = [24, 24];
    const ulp = 2 ** -53;
    let naiveWrong = 0;
    for (let i = 0; i < 64; i++) {
      for (let j = 0; j < 64; j++) {
        const p: Position = [0.5 + i * ulp, 0.5 + j * ulp];
        const expected = Math.sign(j - i);
        expect(orientation(q, r, p)).toBe(expected);
        const naive = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
        if (Math.sign(naive) !== expected) naiveWrong++;
      }
    }
    // The test could not tell an exact predicate from a naive one if the naive one never failed.
    expect(naiveWrong).toBeGreaterThan(0);
  });

  it('is positive for a counter-clockwise turn and flips sign when the line is reversed', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: -180, max: 180, noNaN: true }),
          fc.double({ min: -90, max: 90, noNaN: true }),
        ),
        fc.tuple(
          fc.double({ min: -180, max: 180, noNaN: true }),
          fc.double({ min: -90, max: 90, noNaN: true }),
        ),
        fc.tuple(
          fc.double({ min: -180, max: 180, noNaN: true }),
          fc.double({ min: -90, max: 90, noNaN: true }),
        ),
        (a, b, p) => {
          expect(orientation(a, b, p)).toBe(-orientation(b, a, p) || 0);
          expect(orientation(a, b, p)).toBe(orientation(b, p, a));
        },
      ),
    );
    expect(orientation([0, 0], [1, 0], [0, 1])).toBe(1);
  });
});
