import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import type { BBox, Polygon, Position } from './geo.types';
import { locatePointInGeometry } from './point-in-polygon';
import { bboxOf, sphericalAreaSquareMeters } from './spherical';
import { rectanglePolygon, roundCoordinate, subdivideCell, subdivideRectangle } from './tessellate';

const binzhou: BBox = [117.6, 37.2, 118.3, 37.6];
const METERS_PER_DEGREE = 111_195;

/**
 * Checks exactly, with no tolerance, that rectangles tile `box`: all inside it, no two
 * interiors overlapping, and along every east edge inside the box (and the box's west side)
 * the cells starting there cover the edge without a gap. A gap would need a rectangle whose
 * east edge is not fully followed by neighbours, so this also rules out gaps.
 */
function expectExactTiling(cells: Polygon[], box: BBox): void {
  const boxes = cells.map(bboxOf);
  const byWest = new Map<number, BBox[]>();
  for (const cell of boxes) {
    const [west, south, east, north] = cell;
    expect(west >= box[0] && east <= box[2] && south >= box[1] && north <= box[3]).toBe(true);
    expect(west < east && south < north).toBe(true);
    const column = byWest.get(west) ?? [];
    column.push(cell);
    byWest.set(west, column);
  }
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [aw, as, ae, an] = boxes[i]!;
      const [bw, bs, be, bn] = boxes[j]!;
      if (aw < be && bw < ae && as < bn && bs < an) overlaps++;
    }
  }
  expect(overlaps).toBe(0);
  const expectCovered = (x: number, south: number, north: number) => {
    const spans = (byWest.get(x) ?? []).map(([, s, , n]) => [s, n] as const).sort((a, b) => a[0] - b[0]);
    let reached = south;
    let gaps = 0;
    for (const [s, n] of spans) {
      if (n <= reached || s >= north) continue;
      if (s > reached) gaps++;
      reached = n;
    }
    expect(gaps).toBe(0);
    expect(reached).toBeGreaterThanOrEqual(north);
  };
  expectCovered(box[0], box[1], box[3]);
  for (const [, south, east, north] of boxes) if (east < box[2]) expectCovered(east, south, north);
}

const sideInMeters = ([west, south, east, north]: BBox) => ({
  eastWest: (east - west) * Math.cos((((south + north) / 2) * Math.PI) / 180) * METERS_PER_DEGREE,
  northSouth: (north - south) * METERS_PER_DEGREE,
});

describe('subdivideRectangle', () => {
  it('tiles the Binzhou box with 1 459 grid cells exactly, without gaps or overlaps', () => {
    const cells = subdivideRectangle({ bbox: binzhou, count: 1459, random: createRandom('binzhou') });
    expect(cells).toHaveLength(1459);
    expectExactTiling(cells, binzhou);
  });

  it('makes closed counter-clockwise rings with every coordinate rounded to 7 decimals', () => {
    const cells = subdivideRectangle({
      bbox: [117.61234567891, 37.2, 118.3, 37.6],
      count: 40,
      random: createRandom(5),
    });
    for (const cell of cells) {
      const ring = cell.coordinates[0]!;
      expect(ring).toHaveLength(5);
      expect(ring[0]).toEqual(ring[4]);
      let twiceSignedArea = 0;
      for (let i = 0; i < 4; i++) {
        twiceSignedArea += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
      }
      expect(twiceSignedArea).toBeGreaterThan(0);
      for (const [lng, lat] of ring) {
        expect(roundCoordinate(lng)).toBe(lng);
        expect(roundCoordinate(lat)).toBe(lat);
      }
    }
    expect(Math.min(...cells.map((cell) => bboxOf(cell)[0]))).toBe(117.6123457);
  });

  it('rebuilds the same cells from the same seed and other cells from another seed', () => {
    const build = (seed: string) =>
      subdivideRectangle({ bbox: binzhou, count: 60, random: createRandom(seed) });
    expect(build('滨州')).toEqual(build('滨州'));
    expect(build('滨州')).not.toEqual(build('Binzhou'));
  });

  it('returns the box itself for a single cell', () => {
    expect(subdivideRectangle({ bbox: binzhou, count: 1, random: createRandom(1) })).toEqual([
      rectanglePolygon(binzhou),
    ]);
  });

  it('keeps every cell area within the bbox area, summing to it within 1e-6', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 300 }), (seed, count) => {
        const cells = subdivideRectangle({ bbox: binzhou, count, random: createRandom(seed) });
        const total = cells.reduce((sum, cell) => sum + sphericalAreaSquareMeters(cell), 0);
        const expected = sphericalAreaSquareMeters(rectanglePolygon(binzhou));
        expect(Math.abs(total / expected - 1)).toBeLessThan(1e-6);
      }),
      { numRuns: 50 },
    );
  });

  it('locates every point of the box in exactly one cell, or on the shared boundary of two or more', () => {
    const coordinate = (low: number, high: number) => fc.double({ min: low, max: high, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 2, max: 80 }),
        fc.array(fc.tuple(coordinate(117.6, 118.3), coordinate(37.2, 37.6)), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        (seed, count, points, pick) => {
          const cells = subdivideRectangle({ bbox: binzhou, count, random: createRandom(seed) });
          // Also aim at boundaries: a corner of some cell and points along its edges.
          const corner = cells[pick % cells.length]!.coordinates[0]![pick % 4]!;
          const probes: Position[] = [
            corner,
            ...points,
            ...points.flatMap(
              ([x, y]) =>
                [
                  [corner[0], y],
                  [x, corner[1]],
                ] as Position[],
            ),
          ];
          for (const probe of probes) {
            const where = cells.map((cell) => locatePointInGeometry(probe, cell));
            const inside = where.filter((at) => at === 'inside').length;
            const boundary = where.filter((at) => at === 'boundary').length;
            const onBoxEdge =
              probe[0] === binzhou[0] ||
              probe[0] === binzhou[2] ||
              probe[1] === binzhou[1] ||
              probe[1] === binzhou[3];
            if (inside === 1) expect(boundary).toBe(0);
            else expect(boundary).toBeGreaterThanOrEqual(onBoxEdge ? 1 : 2);
            expect(inside).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('makes no sliver: every side is at least a fifth of the average side, in metres', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 2, max: 400 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        (seed, count, jitter) => {
          const cells = subdivideRectangle({ bbox: binzhou, count, random: createRandom(seed), jitter });
          const whole = sideInMeters(binzhou);
          const averageSide = Math.sqrt((whole.eastWest * whole.northSouth) / count);
          for (const cell of cells) {
            const { eastWest, northSouth } = sideInMeters(bboxOf(cell));
            expect(Math.min(eastWest, northSouth)).toBeGreaterThanOrEqual(0.2 * averageSide);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('varies cell areas by no more than the jitter allows', () => {
    for (const jitter of [0, 0.35, 0.6]) {
      const cells = subdivideRectangle({ bbox: binzhou, count: 200, random: createRandom('areas'), jitter });
      const areas = cells.map((cell) => {
        const [west, south, east, north] = bboxOf(cell);
        return (east - west) * (north - south);
      });
      const ratio = Math.max(...areas) / Math.min(...areas);
      expect(ratio).toBeLessThanOrEqual(((1 + jitter) / (1 - jitter)) * 1.001);
      if (jitter > 0) expect(ratio).toBeGreaterThan(1 + jitter / 2);
    }
  });

  it.each([
    ['no cells', { count: 0 }],
    ['a fractional count', { count: 2.5 }],
    ['too much jitter', { count: 4, jitter: 0.8 }],
    ['an empty box', { count: 4, bbox: [118, 37, 118, 37.1] as BBox }],
    ['a box too narrow to cut at 7 decimals', { count: 2, bbox: [118, 37, 118.0000001, 37.0000001] as BBox }],
  ])('refuses %s', (_label, options) => {
    expect(() => subdivideRectangle({ bbox: binzhou, random: createRandom(1), ...options })).toThrow(
      RangeError,
    );
  });
});

describe('subdivideCell', () => {
  it('splits a district into streets, communities and grids that tile it exactly at every level', () => {
    const random = createRandom('levels');
    const district = rectanglePolygon(binzhou);
    const streets = subdivideCell({ cell: district, count: 9, random });
    const communities = streets.flatMap((street) => {
      const children = subdivideCell({ cell: street, count: 7, random });
      expectExactTiling(children, bboxOf(street));
      return children;
    });
    const grids = communities.flatMap((community) => subdivideCell({ cell: community, count: 5, random }));
    expect(grids).toHaveLength(9 * 7 * 5);
    // T-junctions between cousins lie on axis-aligned edges, so the leaves tile the district too.
    expectExactTiling(communities, binzhou);
    expectExactTiling(grids, binzhou);
  });

  it('accepts an open ring and a ring starting at any corner', () => {
    const [west, south, east, north] = binzhou;
    const open: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [east, north],
          [west, north],
          [west, south],
          [east, south],
        ],
      ],
    };
    const cells = subdivideCell({ cell: open, count: 12, random: createRandom(2) });
    expectExactTiling(cells, binzhou);
  });

  it.each<[string, Polygon]>([
    [
      'a triangle',
      {
        type: 'Polygon',
        coordinates: [
          [
            [118, 37],
            [118.1, 37],
            [118, 37.1],
            [118, 37],
          ],
        ],
      },
    ],
    [
      'a rectangle with a hole',
      {
        type: 'Polygon',
        coordinates: [
          rectanglePolygon(binzhou).coordinates[0]!,
          [
            [118, 37.3],
            [118.1, 37.3],
            [118.1, 37.4],
            [118, 37.3],
          ],
        ],
      },
    ],
    [
      'a slanted quadrilateral',
      {
        type: 'Polygon',
        coordinates: [
          [
            [118, 37],
            [118.1, 37.01],
            [118.1, 37.1],
            [118, 37.1],
            [118, 37],
          ],
        ],
      },
    ],
  ])('refuses %s, which it could not split exactly', (_label, cell) => {
    expect(() => subdivideCell({ cell, count: 3, random: createRandom(1) })).toThrow(RangeError);
  });
});
