// Where the demo city's places lie: county-level units as rectangles around their real seats,
// everything below cut from them with the geometry library's tilings.

import type { BBox, Polygon, Position } from '../../lib/geo/index';
import { rectanglePolygon, roundCoordinate } from '../../lib/geo/index';

/** The centre of each county-level unit (its seat) and the half-extent of its rectangle, in degrees. */
const DISTRICT_EXTENTS: Record<string, { centre: Position; half: [lng: number, lat: number] }> = {
  '371602': { centre: [117.97, 37.38], half: [0.2, 0.12] }, // 滨城区
  '371603': { centre: [118.13, 37.7], half: [0.2, 0.12] }, // 沾化区
  '371621': { centre: [117.51, 37.49], half: [0.17, 0.08] }, // 惠民县
  '371622': { centre: [117.58, 37.64], half: [0.15, 0.06] }, // 阳信县
  '371623': { centre: [117.62, 37.77], half: [0.2, 0.06] }, // 无棣县
  '371625': { centre: [118.13, 37.15], half: [0.16, 0.1] }, // 博兴县
  '371681': { centre: [117.74, 36.86], half: [0.2, 0.14] }, // 邹平市
};

/** The seat of the city government, in 滨城区: the city's label point. */
export const CITY_SEAT: Position = [117.97, 37.38];

/** A county-level unit's rectangle; the seven do not overlap (a few kilometres apart at the closest). */
export function districtBox(code: string): BBox {
  const extent = DISTRICT_EXTENTS[code];
  if (!extent) throw new RangeError(`no rectangle is known for the county-level unit ${code}`);
  const [lng, lat] = extent.centre;
  const [halfLng, halfLat] = extent.half;
  return [lng - halfLng, lat - halfLat, lng + halfLng, lat + halfLat].map(roundCoordinate) as BBox;
}

/** The box of a rectangle made by rectanglePolygon (its first and third corners). */
export function boxOfRectangle(polygon: Polygon): BBox {
  const ring = polygon.coordinates[0]!;
  return [ring[0]![0], ring[0]![1], ring[2]![0], ring[2]![1]];
}

/** The box scaled about its centre by `factor` (below 1: inset), corners rounded to 7 decimals. */
export function shrinkBox([west, south, east, north]: BBox, factor: number): BBox {
  const lng = (west + east) / 2;
  const lat = (south + north) / 2;
  const halfLng = ((east - west) / 2) * factor;
  const halfLat = ((north - south) / 2) * factor;
  return [lng - halfLng, lat - halfLat, lng + halfLng, lat + halfLat].map(roundCoordinate) as BBox;
}

export function centreOf([west, south, east, north]: BBox): Position {
  return [roundCoordinate((west + east) / 2), roundCoordinate((south + north) / 2)];
}

/**
 * `count` points spread over the box in rows and columns, each in the middle of its own cell,
 * so that every one lies strictly inside: where the buildings of a compound stand.
 */
export function latticePoints([west, south, east, north]: BBox, count: number): Position[] {
  const width = (east - west) * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const height = north - south;
  const columns = Math.max(1, Math.min(count, Math.round(Math.sqrt((count * width) / height))));
  const rows = Math.ceil(count / columns);
  const points: Position[] = [];
  for (let i = 0; i < count; i++) {
    const column = i % columns;
    const row = Math.floor(i / columns);
    points.push([
      roundCoordinate(west + ((column + 0.5) / columns) * (east - west)),
      roundCoordinate(south + ((row + 0.5) / rows) * (north - south)),
    ]);
  }
  return points;
}

export interface ShapeColumns {
  boundary: string | null;
  minLng: number | null;
  minLat: number | null;
  maxLng: number | null;
  maxLat: number | null;
  lng: number | null;
  lat: number | null;
}

export const NO_SHAPE: ShapeColumns = {
  boundary: null,
  minLng: null,
  minLat: null,
  maxLng: null,
  maxLat: null,
  lng: null,
  lat: null,
};

/** The columns of a rectangular place: its GeoJSON, its box, and its centre as the label point. */
export function rectangleColumns(box: BBox): ShapeColumns & { polygon: Polygon } {
  const polygon = rectanglePolygon(box);
  const [lng, lat] = centreOf(box);
  return {
    polygon,
    boundary: JSON.stringify(polygon),
    minLng: box[0],
    minLat: box[1],
    maxLng: box[2],
    maxLat: box[3],
    lng,
    lat,
  };
}
