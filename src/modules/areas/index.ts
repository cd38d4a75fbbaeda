// The areas module's public surface.
export { registerPathRewriter, chinaToday } from './areas.changes';
export type { PathRewriter } from './areas.changes';
export { locatePlaces } from './areas.locator';
export { areasRoutes } from './areas.routes';
export { AREA_LEVELS, POLYGON_LEVELS } from './areas.table';
export type { AreaLevel, AreaRow, AreasTables } from './areas.table';
