export type { BBox, MultiPolygon, Polygon, PolygonalGeometry, Position } from './geo.types';
export { locatePointInGeometry, orientation, type PointLocation } from './point-in-polygon';
export { createPolygonIndex, type IndexedPolygon, type PolygonIndex } from './spatial-index';
export {
  bboxOf,
  centroidOf,
  destinationPoint,
  EARTH_MEAN_RADIUS_METERS,
  haversineMeters,
  sphericalAreaSquareMeters,
} from './spherical';
export {
  rectanglePolygon,
  roundCoordinate,
  type SubdivideCellOptions,
  type SubdivideRectangleOptions,
  subdivideCell,
  subdivideRectangle,
} from './tessellate';
