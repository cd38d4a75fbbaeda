import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import type { BBox, Polygon, Position } from './geo.types';
import { locatePointInGeometry } from './point-in-polygon';
import { createPolygonIndex } from './spatial-index';
import { rectanglePolygon, subdivideRectangle } from './tessellate';

const grid = (id: string, box: BBox) => ({ id, geometry: rectanglePolygon(box) });

// Four grids meeting at (118, 37.4), given out of id order on purpose.
const quadrants = [
  grid('grid-d', [118, 37.4, 118.1, 37.5]),
  grid('grid-c', [117.9, 37.4, 118, 37.5]),
  grid('grid-b', [118, 37.3, 118.1, 37.4]),
  grid('grid-a', [117.9, 37.3, 118, 37.4]),
];

/** The rule of `locate`, by brute force over every polygon. */
function locateNaively<T extends { id: string; geometry: Polygon }>(
  items: T[],
  point: Position,
): T | undefined {
  const byId = items.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return (
    byId.find((item) => locatePointInGeometry(point, item.geometry) === 'inside') ??
    byId.find((item) => locatePointInGeometry(point, item.geometry) === 'boundary')
  );
}

describe('createPolygonIndex', () => {
  const index = createPolygonIndex(quadrants);

  it('finds the grid holding a point strictly inside it', () => {
    expect(index.locate([118.05, 37.45])?.id).toBe('grid-d');
    expect(index.locate([117.95, 37.35])?.id).toBe('grid-a');
    expect(index.size).toBe(4);
  });

  it('gives a point on the edge shared by two grids to the smaller id, whatever the input order', () => {
    expect(index.locate([118, 37.45])?.id).toBe('grid-c');
    expect(index.locate([118.05, 37.4])?.id).toBe('grid-b');
    expect(createPolygonIndex(quadrants.slice().reverse()).locate([118, 37.45])?.id).toBe('grid-c');
  });

  it('gives the corner shared by four grids to the smallest id, and lists all four', () => {
    expect(index.locate([118, 37.4])?.id).toBe('grid-a');
    expect(index.locateAll([118, 37.4]).map((item) => item.id)).toEqual([
      'grid-a',
      'grid-b',
      'grid-c',
      'grid-d',
    ]);
  });

  it('gives a point on the outer boundary of the area to the one grid it touches', () => {
    expect(index.locate([118.1, 37.45])?.id).toBe('grid-d');
  });

  it('finds nothing for a point outside every grid', () => {
    expect(index.locate([117, 37.45])).toBeUndefined();
    expect(index.locate([118.05, 37.50001])).toBeUndefined();
    expect(index.locateAll([117, 37.45])).toEqual([]);
    expect(index.candidates([117, 37.45])).toEqual([]);
  });

  it('prefers a polygon holding the point inside over one with a smaller id it only touches', () => {
    // 'a' ends at the line x = 118 that lies inside the overlapping polygon 'z'.
    const overlapping = createPolygonIndex([
      grid('a', [117.9, 37, 118, 37.1]),
      grid('z', [117.95, 37, 118.05, 37.1]),
    ]);
    expect(overlapping.locate([118, 37.05])?.id).toBe('z');
    expect(overlapping.locateAll([118, 37.05]).map((item) => item.id)).toEqual(['a', 'z']);
  });

  it('gives the smallest id when overlapping polygons both hold the point inside', () => {
    const overlapping = createPolygonIndex([
      grid('b', [117.9, 37, 118.1, 37.1]),
      grid('a', [117.95, 37, 118.05, 37.1]),
    ]);
    expect(overlapping.locate([118, 37.05])?.id).toBe('a');
  });

  it('honours holes: a point in a hole belongs to the polygon that fills it', () => {
    const ring = rectanglePolygon([117.9, 37.3, 118.2, 37.6]).coordinates[0]!;
    const hole = rectanglePolygon([118, 37.4, 118.1, 37.5]).coordinates[0]!;
    const withHole = { id: 'a-outer', geometry: { type: 'Polygon' as const, coordinates: [ring, hole] } };
    const filler = grid('b-inner', [118, 37.4, 118.1, 37.5]);
    const nested = createPolygonIndex([withHole, filler]);
    expect(nested.locate([118.05, 37.45])?.id).toBe('b-inner');
    expect(nested.locate([117.95, 37.45])?.id).toBe('a-outer');
    expect(nested.locate([118, 37.45])?.id).toBe('a-outer');
    expect(nested.candidates([118.05, 37.45]).map((item) => item.id)).toEqual(['a-outer', 'b-inner']);
  });

  it('indexes MultiPolygons by every part', () => {
    const islands = createPolygonIndex([
      {
        id: 'island',
        geometry: {
          type: 'MultiPolygon' as const,
          coordinates: [
            rectanglePolygon([117, 37, 117.1, 37.1]).coordinates,
            rectanglePolygon([119, 38, 119.1, 38.1]).coordinates,
          ],
        },
      },
    ]);
    expect(islands.locate([119.05, 38.05])?.id).toBe('island');
    expect(islands.locate([118, 37.5])).toBeUndefined();
  });

  it('agrees with a brute-force scan of a tessellated city on random and boundary points', () => {
    const bbox: BBox = [117.6, 37.2, 118.3, 37.6];
    const cells = subdivideRectangle({ bbox, count: 300, random: createRandom('index') });
    const items = createRandom('ids').shuffle(
      cells.map((geometry, i) => ({ id: `g${(i * 7919) % 1000}`, geometry })),
    );
    const cityIndex = createPolygonIndex(items);
    const vertices = cells.flatMap((cell) => cell.coordinates[0]!);
    const lng = fc.double({ min: 117.5, max: 118.4, noNaN: true });
    const lat = fc.double({ min: 37.1, max: 37.7, noNaN: true });
    const vertex = fc.nat(vertices.length - 1).map((i) => vertices[i]!);
    const point = fc.oneof(
      fc.tuple(lng, lat),
      vertex,
      fc.tuple(vertex, lat).map(([[x], y]): Position => [x, y]),
      fc.tuple(lng, vertex).map(([x, [, y]]): Position => [x, y]),
    );
    fc.assert(
      fc.property(point, (p) => {
        expect(cityIndex.locate(p)?.id).toBe(locateNaively(items, p)?.id);
        const all = items
          .filter((item) => locatePointInGeometry(p, item.geometry) !== 'outside')
          .map((item) => item.id);
        expect(cityIndex.locateAll(p).map((item) => item.id)).toEqual(all.sort());
      }),
      { numRuns: 2000 },
    );
  });

  it('handles no polygons, a single polygon and polygons on one line', () => {
    expect(createPolygonIndex([]).locate([118, 37])).toBeUndefined();
    expect(createPolygonIndex([]).size).toBe(0);
    expect(createPolygonIndex([grid('only', [118, 37, 118.1, 37.1])]).locate([118.05, 37.05])?.id).toBe(
      'only',
    );
    const row = createPolygonIndex(
      Array.from({ length: 10 }, (_, i) => grid(`r${i}`, [118 + i / 10, 37, 118.1 + i / 10, 37.1])),
    );
    expect(row.locate([118.55, 37.05])?.id).toBe('r5');
  });

  it('refuses duplicate ids, which would make the answer ambiguous', () => {
    expect(() =>
      createPolygonIndex([grid('same', [118, 37, 118.1, 37.1]), grid('same', [119, 37, 119.1, 37.1])]),
    ).toThrow(RangeError);
  });

  it('refuses a point without finite coordinates', () => {
    expect(() => index.locate([Number.NaN, 37.4])).toThrow(RangeError);
  });
});
