import type { App } from '../../server/types';
import { demandsCatalogueRoutes } from './demands.catalogue.routes';
import { demandsHandlingRoutes } from './demands.handling.routes';
import { demandsIntakeRoutes } from './demands.intake.routes';
import { demandsRatesRoutes } from './demands.rates.routes';

/** Every /api/v1/demands route: catalogue and settings, intake, handling, the three rates. */
export async function demandsRoutes(app: App): Promise<void> {
  await demandsCatalogueRoutes(app);
  await demandsIntakeRoutes(app);
  await demandsHandlingRoutes(app);
  await demandsRatesRoutes(app);
}
