// The areas module's public surface.

export type { PathRewriter } from './areas.history';
export { chinaToday, registerPathRewriter } from './areas.history';
export { areasImportRoutes } from './areas.import.routes';
export { buildTreeWorkbook, XLSX_TYPE } from './areas.import-template';
export { locatePlaces } from './areas.locator';
export { areasRoutes } from './areas.routes';
export { registerResidentCounter } from './areas.service';
export type { AreaLevel, AreaRow, AreasTables } from './areas.table';
export { AREA_LEVELS, POLYGON_LEVELS } from './areas.table';
