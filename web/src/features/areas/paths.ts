import type { MapLevel } from './api';

/** Where the area pages live, so that links and tests agree on them. */
export const treePath = (code: string) => `/areas?code=${encodeURIComponent(code)}`;
export const mapPath = (code: string) => `/areas/map?code=${encodeURIComponent(code)}`;
export const gridProfilePath = (code: string) => `/areas/grids/${encodeURIComponent(code)}`;
export const publicGridPath = (code: string) => `/m/grids/${encodeURIComponent(code)}`;

/** Where a region drawn on the map leads: deeper into the map; a grid to its profile; a compound to the tree. */
export function mapRegionPath(level: MapLevel, code: string): string {
  if (level === 'grid') return gridProfilePath(code);
  if (level === 'compound') return treePath(code);
  return mapPath(code);
}
