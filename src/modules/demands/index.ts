// The demands module's public surface.

export { installDemandDefaults } from './demands.defaults';
export { open311Routes } from './demands.open311.routes';
export { sweepDemandReminders } from './demands.reminders.service';
export { demandsRoutes } from './demands.routes';
export type { DemandsTables } from './demands.table';
