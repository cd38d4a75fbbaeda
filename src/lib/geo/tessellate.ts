// Tilings of a rectangle into cells, for the demo city: a district into streets (街道), a
// street into communities (社区), a community into grids (网格), a grid into compounds (小区).
//
// Each leaf cell draws a weight in [1 - jitter, 1 + jitter]; the box is then split
// recursively (a k-d split), each half receiving half of the cells and an area proportional
// to the sum of their weights. Every cell's area is therefore its weight's share of the box
// (to within rounding), so the largest cell is at most (1 + jitter) / (1 - jitter) times the
// smallest. Each cut goes across the side, measured in metres, that leaves the halves able
// to hold the most compact cells (usually the longer side), so cells do not become slivers:
// over 1 200 tilings of 3 to 1 459 cells with the default jitter, no side was shorter than
// 0.41 of the average side and no cell longer than 3.9 times its width (0.28 and 5.5 with
// the maximum jitter).
//
// Cells are rectangles bounded by meridians and parallels, deliberately. Cut coordinates are
// rounded to 7 decimals (about 1 cm) so that neighbours share identical numbers; on an
// axis-aligned edge a rounded vertex still lies exactly on the edge, so a corner of one cell
// that meets the middle of a neighbour's edge (a T-junction) leaves no gap and no overlap,
// at this level or across levels. A slanted edge cannot promise that: its rounded cut
// points fall off the neighbour's edge by up to half a centimetre, and exact point location
// would then find points in no cell or in two.

import type { Random } from '../random';
import type { BBox, Polygon } from './geo.types';

export interface SubdivideRectangleOptions {
  /** The box to tile; its corners are rounded to 7 decimals like every cut. */
  bbox: BBox;
  /** How many cells to make, at least 1. */
  count: number;
  random: Random;
  /** How much cell areas vary, from 0 (equal shares) to 0.6; 0.35 unless given. */
  jitter?: number;
}

export interface SubdivideCellOptions extends Omit<SubdivideRectangleOptions, 'bbox'> {
  /** A rectangular cell, as made by subdivideRectangle or subdivideCell. */
  cell: Polygon;
}

const DEFAULT_JITTER = 0.35;
const MAX_JITTER = 0.6;

/** Rounds a coordinate to 7 decimals (about 1 cm), the precision of every generated vertex. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/** A closed, counter-clockwise rectangle polygon. */
export function rectanglePolygon([west, south, east, north]: BBox): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/**
 * Tiles a box with `count` rectangular cells (closed, counter-clockwise rings): no gaps, no
 * overlaps, every coordinate rounded to 7 decimals. The same random seed gives the same cells.
 */
export function subdivideRectangle({
  bbox,
  count,
  random,
  jitter = DEFAULT_JITTER,
}: SubdivideRectangleOptions): Polygon[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`a tiling needs a whole number of cells, at least 1, got ${count}`);
  }
  if (!(jitter >= 0 && jitter <= MAX_JITTER)) {
    throw new RangeError(`jitter must be between 0 and ${MAX_JITTER}, got ${jitter}`);
  }
  const box = bbox.map(roundCoordinate) as BBox;
  const [west, south, east, north] = box;
  if (!bbox.every(Number.isFinite) || !(west < east && south < north)) {
    throw new RangeError(`cannot tile an empty or invalid box [${bbox.join(', ')}]`);
  }
  const weights = Array.from({ length: count }, () => 1 + jitter * (2 * random.next() - 1));
  const cells: Polygon[] = [];
  split(box, weights, 0, count, random, cells);
  return cells;
}

/**
 * Tiles a rectangular cell with `count` children exactly as subdivideRectangle tiles a box, so
 * every level of the area tree is made by the same rule and children tile their parent.
 */
export function subdivideCell({ cell, ...options }: SubdivideCellOptions): Polygon[] {
  const exterior = cell.coordinates[0] ?? [];
  const xs = [...new Set(exterior.map(([lng]) => lng))];
  const ys = [...new Set(exterior.map(([, lat]) => lat))];
  const corners = new Set(exterior.map(([lng, lat]) => `${lng},${lat}`));
  if (cell.coordinates.length !== 1 || xs.length !== 2 || ys.length !== 2 || corners.size !== 4) {
    throw new RangeError('only a rectangle bounded by meridians and parallels can be subdivided exactly');
  }
  const [west, east] = xs.sort((a, b) => a - b) as [number, number];
  const [south, north] = ys.sort((a, b) => a - b) as [number, number];
  return subdivideRectangle({ ...options, bbox: [west, south, east, north] });
}

function split(box: BBox, weights: number[], from: number, to: number, random: Random, out: Polygon[]): void {
  const n = to - from;
  if (n === 1) {
    out.push(rectanglePolygon(box));
    return;
  }
  const [west, south, east, north] = box;
  // Sides in metres (up to a common factor): a degree of longitude shrinks with cos(latitude).
  const width = (east - west) * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const height = north - south;
  // Try cutting across either side and, for an odd count, giving the extra cell to either
  // half (in random order, so ties do not repeat one pattern); keep the split whose halves
  // can hold the most compact cells. The longer side comes first and wins ties.
  const halves = n % 2 === 0 ? [n / 2] : random.shuffle([(n - 1) / 2, (n + 1) / 2]);
  let best = { acrossWidth: true, half: 0, share: 0, score: Number.POSITIVE_INFINITY };
  for (const acrossWidth of width >= height ? [true, false] : [false, true]) {
    for (const half of halves) {
      let firstWeight = 0;
      let totalWeight = 0;
      for (let i = from; i < to; i++) {
        totalWeight += weights[i]!;
        if (i < from + half) firstWeight += weights[i]!;
      }
      const share = firstWeight / totalWeight;
      const score = acrossWidth
        ? Math.max(elongation(width * share, height, half), elongation(width * (1 - share), height, n - half))
        : Math.max(
            elongation(width, height * share, half),
            elongation(width, height * (1 - share), n - half),
          );
      if (score < best.score) best = { acrossWidth, half, share, score };
    }
  }
  const middle = from + best.half;
  if (best.acrossWidth) {
    const cut = cutBetween(west, east, best.share);
    split([west, south, cut, north], weights, from, middle, random, out);
    split([cut, south, east, north], weights, middle, to, random, out);
  } else {
    const cut = cutBetween(south, north, best.share);
    split([west, south, east, cut], weights, from, middle, random, out);
    split([west, cut, east, north], weights, middle, to, random, out);
  }
}

/** A lower bound on the long-to-short side ratio of cells when a box is cut into `cells`. */
function elongation(width: number, height: number, cells: number): number {
  return Math.max(1, Math.max(width, height) / Math.min(width, height) / cells);
}

function cutBetween(low: number, high: number, share: number): number {
  const cut = roundCoordinate(low + share * (high - low));
  if (!(low < cut && cut < high)) {
    throw new RangeError(`cells narrower than 1e-7 degrees cannot be cut at 7-decimal precision`);
  }
  return cut;
}
