// Exact point-in-polygon: which grid (网格) a reported place lies in.
//
// A point on a shared edge between two grids must be recognised as such in both, or a demand
// could fall between grids. Floating-point cross products get that wrong near an edge, so
// every orientation test here is exact: a fast floating-point evaluation with Shewchuk's
// error bound ("Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
// Predicates", 1997), and an exact evaluation in bigint when the fast result is uncertain.
// Coordinates are taken as given (planar lng/lat): edges are straight in degree space.
import type { PolygonalGeometry, Position } from './geo.types';

export type PointLocation = 'inside' | 'boundary' | 'outside';

const EPSILON = 2 ** -53;
// Shewchuk's ccwerrboundA: if |det| is at least this times the sum of the two products,
// the sign of the floating-point determinant is the sign of the exact one.
const CCW_ERROR_BOUND = (3 + 16 * EPSILON) * EPSILON;
const UNDERFLOW_GUARD = 2 ** -900;

const bits = new DataView(new ArrayBuffer(8));

/** A finite double as mantissa * 2^exponent, exactly. */
function decompose(x: number): [mantissa: bigint, exponent: number] {
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  const low = bits.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent = -1074; // subnormal numbers and zero
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return [high >>> 31 ? -mantissa : mantissa, exponent];
}

function exactOrientation(coordinates: number[]): -1 | 0 | 1 {
  const parts = coordinates.map(decompose);
  let lowest = Number.POSITIVE_INFINITY;
  for (const [mantissa, exponent] of parts) if (mantissa !== 0n && exponent < lowest) lowest = exponent;
  // Scale all six values to integers by the same power of two; the sign is unchanged.
  const [ax, ay, bx, by, px, py] = parts.map(([mantissa, exponent]) =>
    mantissa === 0n ? 0n : mantissa << BigInt(exponent - lowest),
  ) as [bigint, bigint, bigint, bigint, bigint, bigint];
  const det = (ax - px) * (by - py) - (ay - py) * (bx - px);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}

function orient(ax: number, ay: number, bx: number, by: number, px: number, py: number): -1 | 0 | 1 {
  const dax = ax - px;
  const dby = by - py;
  const day = ay - py;
  const dbx = bx - px;
  const left = dax * dby;
  const right = day * dbx;
  // The error bound assumes no underflow; products this close to zero go to the exact path.
  if (
    (left < UNDERFLOW_GUARD && left > -UNDERFLOW_GUARD && dax !== 0 && dby !== 0) ||
    (right < UNDERFLOW_GUARD && right > -UNDERFLOW_GUARD && day !== 0 && dbx !== 0)
  ) {
    return exactOrientation([ax, ay, bx, by, px, py]);
  }
  const det = left - right;
  let sum: number;
  if (left > 0) {
    if (right <= 0) return det > 0 ? 1 : det < 0 ? -1 : 0;
    sum = left + right;
  } else if (left < 0) {
    if (right >= 0) return det > 0 ? 1 : det < 0 ? -1 : 0;
    sum = -left - right;
  } else {
    return det > 0 ? 1 : det < 0 ? -1 : 0;
  }
  // Strict comparisons: a zero bound, or NaN after an overflow, falls through to the exact path.
  const bound = CCW_ERROR_BOUND * sum;
  if (det > bound) return 1;
  if (-det > bound) return -1;
  return exactOrientation([ax, ay, bx, by, px, py]);
}

/**
 * The exact side of `p` relative to the directed line a→b: 1 to the left (a, b, p turn
 * counter-clockwise), -1 to the right, 0 when the three positions are collinear.
 */
export function orientation(a: Position, b: Position, p: Position): -1 | 0 | 1 {
  return orient(a[0], a[1], b[0], b[1], p[0], p[1]);
}

/** 1 inside, 0 on the ring, -1 outside. Closed and open rings give the same answer. */
function locateInRing(px: number, py: number, ring: Position[]): -1 | 0 | 1 {
  const n = ring.length;
  if (n === 0) return -1;
  let inside = false;
  let previous = ring[n - 1]!;
  // Crossing number along the ray going east from p, counting each edge half-open in y so
  // that a vertex at p's latitude is counted once. When a ring is closed, the edge from the
  // last position to the first has zero length and is harmless.
  for (let i = 0; i < n; i++) {
    const current = ring[i]!;
    const ax = previous[0];
    const ay = previous[1];
    const bx = current[0];
    const by = current[1];
    previous = current;
    if (ay < by ? py < ay || py > by : py < by || py > ay) continue;
    if (px > Math.max(ax, bx)) continue; // the edge lies west of p: no touch, no crossing
    const straddles = ay > py !== by > py;
    if (px < Math.min(ax, bx)) {
      if (straddles) inside = !inside;
      continue;
    }
    const side = orient(ax, ay, bx, by, px, py);
    if (side === 0) return 0; // collinear and within the edge's box: on the edge
    // Going north, the edge is east of p when p is on its left; going south, on its right.
    if (straddles && side > 0 === by > ay) inside = !inside;
  }
  return inside ? 1 : -1;
}

function locateInPolygon(px: number, py: number, rings: Position[][]): -1 | 0 | 1 {
  const exterior = rings[0];
  if (!exterior) return -1;
  const inExterior = locateInRing(px, py, exterior);
  if (inExterior !== 1) return inExterior;
  for (let r = 1; r < rings.length; r++) {
    const inHole = locateInRing(px, py, rings[r]!);
    if (inHole === 0) return 0;
    if (inHole === 1) return -1;
  }
  return 1;
}

/**
 * Where a point lies relative to a polygon or multipolygon, decided exactly: a point on an
 * edge or a vertex (of the exterior or of a hole) is 'boundary', a point in a hole is
 * 'outside'. A MultiPolygon is the union of its parts, which by RFC 7946 meet at most in
 * points, so a point inside any part is 'inside'.
 */
export function locatePointInGeometry(point: Position, geometry: PolygonalGeometry): PointLocation {
  const px = point[0];
  const py = point[1];
  if (!Number.isFinite(px) || !Number.isFinite(py)) {
    throw new RangeError(`a point needs finite coordinates, got [${px}, ${py}]`);
  }
  if (geometry.type === 'Polygon') {
    const at = locateInPolygon(px, py, geometry.coordinates);
    return at === 1 ? 'inside' : at === 0 ? 'boundary' : 'outside';
  }
  let onBoundary = false;
  for (const rings of geometry.coordinates) {
    const at = locateInPolygon(px, py, rings);
    if (at === 1) return 'inside';
    if (at === 0) onBoundary = true;
  }
  return onBoundary ? 'boundary' : 'outside';
}
