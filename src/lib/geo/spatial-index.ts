// Point → polygon lookup for many points against a fixed set of polygons (grids, communities).
//
// A static uniform grid hash over the polygons' bounding boxes: the extent of all boxes is
// cut into about one bucket per polygon, each polygon is listed in every bucket its box
// touches, and a point only tests the polygons of its own bucket whose box holds it, with
// the exact test of point-in-polygon.ts. For tilings of comparable cells, as the area tree
// is, a bucket holds a handful of polygons, so a lookup costs a few box checks and one or two
// exact tests whatever the number of polygons. The grid is built once; rebuild the index
// when boundaries change.
import type { PolygonalGeometry, Position } from './geo.types';
import { locatePointInGeometry } from './point-in-polygon';
import { bboxOf } from './spherical';

export interface IndexedPolygon {
  id: string;
  geometry: PolygonalGeometry;
}

export interface PolygonIndex<T extends IndexedPolygon> {
  /** How many polygons the index holds. */
  readonly size: number;
  /** The polygons whose bounding box holds the point (edges included), ordered by id. */
  candidates(point: Position): T[];
  /**
   * The one polygon a point belongs to. A polygon holding the point strictly inside wins
   * (the smallest id if overlapping polygons both do). A point that lies only on
   * boundaries, such as the edge or corner shared by neighbouring grids, goes to the
   * polygon with the smallest id, so every point has one deterministic answer. A point
   * outside every polygon gives undefined. Ids compare by UTF-16 code units, as `<` does.
   */
  locate(point: Position): T | undefined;
  /** Every polygon holding the point inside or on its boundary, ordered by id. */
  locateAll(point: Position): T[];
}

// The bucket grid never exceeds this many buckets per side, whatever the input.
const MAX_BUCKETS_PER_SIDE = 4096;

/** Builds a lookup index; ids must be unique. */
export function createPolygonIndex<T extends IndexedPolygon>(items: readonly T[]): PolygonIndex<T> {
  // Buckets list polygons in id order, so the first match found is the smallest id.
  const sorted = items.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new RangeError(`duplicate polygon id '${sorted[i]!.id}'`);
  }
  const n = sorted.length;
  const boxes = new Float64Array(n * 4);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  sorted.forEach((item, i) => {
    const [west, south, east, north] = bboxOf(item.geometry);
    boxes.set([west, south, east, north], i * 4);
    minX = Math.min(minX, west);
    minY = Math.min(minY, south);
    maxX = Math.max(maxX, east);
    maxY = Math.max(maxY, north);
  });

  // Buckets roughly square in degree space: this is hashing, not measuring, so the
  // east-west shrinking of degrees does not matter here.
  const width = maxX - minX;
  const height = maxY - minY;
  let columns = 1;
  let rows = 1;
  if (n > 0 && width > 0 && height > 0) {
    columns = Math.min(MAX_BUCKETS_PER_SIDE, Math.max(1, Math.round(Math.sqrt((n * width) / height))));
    rows = Math.min(MAX_BUCKETS_PER_SIDE, Math.max(1, Math.round(n / columns)));
  } else if (n > 0 && width > 0) {
    columns = Math.min(MAX_BUCKETS_PER_SIDE, n);
  } else if (n > 0 && height > 0) {
    rows = Math.min(MAX_BUCKETS_PER_SIDE, n);
  }
  const columnsPerDegree = width > 0 ? columns / width : 0;
  const rowsPerDegree = height > 0 ? rows / height : 0;
  // One function maps coordinates to buckets for building and for querying. Subtraction
  // and multiplication by a positive constant are monotone in floating point, so a point
  // inside a box always falls in a bucket that the box was listed in.
  const columnOf = (x: number) =>
    Math.min(columns - 1, Math.max(0, Math.floor((x - minX) * columnsPerDegree)));
  const rowOf = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - minY) * rowsPerDegree)));

  const starts = new Int32Array(columns * rows + 1);
  const forEachBucket = (i: number, visit: (bucket: number) => void) => {
    const lastColumn = columnOf(boxes[i * 4 + 2]!);
    const lastRow = rowOf(boxes[i * 4 + 3]!);
    for (let row = rowOf(boxes[i * 4 + 1]!); row <= lastRow; row++) {
      for (let column = columnOf(boxes[i * 4]!); column <= lastColumn; column++)
        visit(row * columns + column);
    }
  };
  for (let i = 0; i < n; i++) forEachBucket(i, (bucket) => starts[bucket + 1]!++);
  for (let b = 0; b < columns * rows; b++) starts[b + 1]! += starts[b]!;
  const entries = new Int32Array(starts[columns * rows]!);
  const filled = starts.slice(0, columns * rows);
  for (let i = 0; i < n; i++) forEachBucket(i, (bucket) => (entries[filled[bucket]!++] = i));

  /** The bucket a point falls in, or -1 when it lies outside every polygon's box. */
  const bucketOf = (x: number, y: number): number => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new RangeError(`a point needs finite coordinates, got [${x}, ${y}]`);
    }
    if (n === 0 || x < minX || x > maxX || y < minY || y > maxY) return -1;
    return rowOf(y) * columns + columnOf(x);
  };
  const boxHolds = (i: number, x: number, y: number): boolean =>
    x >= boxes[i * 4]! && y >= boxes[i * 4 + 1]! && x <= boxes[i * 4 + 2]! && y <= boxes[i * 4 + 3]!;
  /** Polygons whose box holds the point (edges included), in id order. */
  const candidateIndexes = ([x, y]: Position): number[] => {
    const bucket = bucketOf(x, y);
    if (bucket < 0) return [];
    return Array.from(entries.subarray(starts[bucket]!, starts[bucket + 1]!)).filter((i) =>
      boxHolds(i, x, y),
    );
  };

  return {
    size: n,
    candidates: (point) => candidateIndexes(point).map((i) => sorted[i]!),
    locate(point) {
      const x = point[0];
      const y = point[1];
      const bucket = bucketOf(x, y);
      if (bucket < 0) return undefined;
      let onBoundary: T | undefined;
      // The hot path of bulk lookups: walk the bucket in place rather than build a list.
      for (let k = starts[bucket]!, end = starts[bucket + 1]!; k < end; k++) {
        const i = entries[k]!;
        if (!boxHolds(i, x, y)) continue;
        const where = locatePointInGeometry(point, sorted[i]!.geometry);
        if (where === 'inside') return sorted[i]; // buckets are in id order: the smallest id inside
        if (where === 'boundary') onBoundary ??= sorted[i];
      }
      return onBoundary;
    },
    locateAll: (point) =>
      candidateIndexes(point)
        .filter((i) => locatePointInGeometry(point, sorted[i]!.geometry) !== 'outside')
        .map((i) => sorted[i]!),
  };
}
