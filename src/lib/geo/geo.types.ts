// GeoJSON geometry types (RFC 7946) used by the geometry library.
//
// Coordinates are degrees, longitude first. Rings may be given closed (first position repeated
// at the end, as RFC 7946 requires) or open; every function here accepts both.

/** A position: longitude then latitude, in degrees. */
export type Position = [lng: number, lat: number];

/** The first ring is the exterior, any further rings are holes. */
export type Polygon = { type: 'Polygon'; coordinates: Position[][] };

/** A union of polygons that meet at most in isolated points. */
export type MultiPolygon = { type: 'MultiPolygon'; coordinates: Position[][][] };

export type PolygonalGeometry = Polygon | MultiPolygon;

/** A bounding box in degrees: west, south, east, north. */
export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];
