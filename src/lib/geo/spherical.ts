// Distances, areas and bounding boxes of lng/lat geometry on a spherical Earth.
//
// Degrees are never used as metres: one degree of longitude at Binzhou (37.4° N) is about
// 88 km, one degree of latitude about 111 km. The sphere has the IUGG mean radius; against
// the WGS 84 ellipsoid its distances are within about 0.5 %, which suits service radii,
// coverage and map scales. Nothing here handles the antimeridian or the poles specially.
import type { BBox, PolygonalGeometry, Position } from './geo.types';

/** IUGG mean Earth radius R1 = (2a + b) / 3 of WGS 84, in metres. */
export const EARTH_MEAN_RADIUS_METERS = 6_371_008.8;

const RADIANS_PER_DEGREE = Math.PI / 180;

function partsOf(geometry: PolygonalGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The ring without its closing position, if it has one. */
function openRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) {
    return ring.slice(0, -1);
  }
  return ring;
}

/** Great-circle distance in metres (haversine formula). */
export function haversineMeters(a: Position, b: Position): number {
  const lat1 = a[1] * RADIANS_PER_DEGREE;
  const lat2 = b[1] * RADIANS_PER_DEGREE;
  const sinHalfDLat = Math.sin((lat2 - lat1) / 2);
  const sinHalfDLng = Math.sin(((b[0] - a[0]) * RADIANS_PER_DEGREE) / 2);
  const h = sinHalfDLat * sinHalfDLat + Math.cos(lat1) * Math.cos(lat2) * sinHalfDLng * sinHalfDLng;
  return 2 * EARTH_MEAN_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Chamberlain & Duquette, "Some algorithms for polygons on a sphere" (JPL, 2007): the area
// enclosed by a ring whose edges are straight in the Lambert cylindrical equal-area
// projection, i.e. sum of (λ[i+1] - λ[i-1]) * sin φ[i] times R² / 2. It is exact for
// rectangles bounded by meridians and parallels, additive over any tiling, and within a
// fraction of a per mille of great-circle edges for cells the size of a street.
function ringAreaSquareMeters(ring: Position[]): number {
  const positions = openRing(ring);
  const n = positions.length;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const before = positions[(i + n - 1) % n]!;
    const at = positions[i]!;
    const after = positions[(i + 1) % n]!;
    total += (after[0] - before[0]) * RADIANS_PER_DEGREE * Math.sin(at[1] * RADIANS_PER_DEGREE);
  }
  return Math.abs((total * EARTH_MEAN_RADIUS_METERS * EARTH_MEAN_RADIUS_METERS) / 2);
}

/** Area on the sphere in square metres; holes are subtracted, MultiPolygon parts added. */
export function sphericalAreaSquareMeters(geometry: PolygonalGeometry): number {
  let area = 0;
  for (const [exterior, ...holes] of partsOf(geometry)) {
    if (!exterior) continue;
    area += ringAreaSquareMeters(exterior);
    for (const hole of holes) area -= ringAreaSquareMeters(hole);
  }
  return area;
}

/** The smallest [west, south, east, north] box holding every position of the geometry. */
export function bboxOf(geometry: PolygonalGeometry): BBox {
  let minLng = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLng = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const rings of partsOf(geometry)) {
    for (const ring of rings) {
      for (const [lng, lat] of ring) {
        if (lng < minLng) minLng = lng;
        if (lng > maxLng) maxLng = lng;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
  }
  if (minLng > maxLng) throw new RangeError('an empty geometry has no bounding box');
  return [minLng, minLat, maxLng, maxLat];
}

/**
 * The area-weighted centroid, computed in the lng/lat plane with holes subtracted. A
 * centroid commutes with affine maps, so this equals the centroid in a local equirectangular
 * projection; the only error is the change of cos(latitude) across the shape, negligible for
 * anything the size of a city district. It may fall outside a concave shape. A shape without
 * area gets the mean of its exterior positions.
 */
export function centroidOf(geometry: PolygonalGeometry): Position {
  const parts = partsOf(geometry);
  const origin = parts[0]?.[0]?.[0];
  if (!origin) throw new RangeError('an empty geometry has no centroid');
  // Coordinates relative to one vertex keep the cross products small and precise.
  const [x0, y0] = origin;
  let area = 0;
  let momentX = 0;
  let momentY = 0;
  for (const rings of parts) {
    rings.forEach((ring, index) => {
      const positions = openRing(ring);
      let ringArea = 0;
      let ringX = 0;
      let ringY = 0;
      for (let i = 0; i < positions.length; i++) {
        const [ax, ay] = positions[i]!;
        const [bx, by] = positions[(i + 1) % positions.length]!;
        const cross = (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
        ringArea += cross;
        ringX += (ax - x0 + bx - x0) * cross;
        ringY += (ay - y0 + by - y0) * cross;
      }
      // Whatever the winding, exteriors add and holes subtract.
      const weight = (index === 0 ? 1 : -1) * Math.sign(ringArea);
      area += (weight * ringArea) / 2;
      momentX += (weight * ringX) / 6;
      momentY += (weight * ringY) / 6;
    });
  }
  if (area === 0) {
    const exterior = parts.flatMap((rings) => (rings[0] ? openRing(rings[0]) : []));
    const sumLng = exterior.reduce((sum, [lng]) => sum + lng, 0);
    const sumLat = exterior.reduce((sum, [, lat]) => sum + lat, 0);
    return [sumLng / exterior.length, sumLat / exterior.length];
  }
  return [x0 + momentX / area, y0 + momentY / area];
}

/**
 * The position reached by going `meters` along a great circle from `origin`, starting at
 * `bearingDeg` degrees clockwise from north. Longitude is normalised to [-180, 180).
 */
export function destinationPoint(origin: Position, bearingDeg: number, meters: number): Position {
  const angular = meters / EARTH_MEAN_RADIUS_METERS;
  const bearing = bearingDeg * RADIANS_PER_DEGREE;
  const lat1 = origin[1] * RADIANS_PER_DEGREE;
  const lng1 = origin[0] * RADIANS_PER_DEGREE;
  const sinLat2 = Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing);
  const lat2 = Math.asin(Math.max(-1, Math.min(1, sinLat2)));
  const lng2 =
    lng1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
      Math.cos(angular) - Math.sin(lat1) * sinLat2,
    );
  const lng = lng2 / RADIANS_PER_DEGREE;
  return [((((lng + 180) % 360) + 360) % 360) - 180, lat2 / RADIANS_PER_DEGREE];
}
