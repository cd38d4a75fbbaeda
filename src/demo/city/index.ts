// The demo city generator's public surface: what the seeder, scripts and benchmarks import.

export { CITY_CODE, RETIRED_DIVISIONS } from './city.divisions';
export { type DemoCityBatch, demoImportChangeId, generateDemoCity } from './city.generate';
export { areaTreeIsEmpty, type DemoCityLoad, loadDemoCity } from './city.load';
export { DEMO_STREET_CODE, linkGridWorker, type PlaceLogins, placeLogins } from './city.logins';
export { DEMO_EPOCH, type DemoCityOptions, FULL_SCALE_COUNTS } from './city.plan';
export type { AreaInsert, AreaVersionInsert, GridStaffInsert } from './city.rows';
