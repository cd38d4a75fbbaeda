import { type Actor, authorize, scopesFor } from '../iam/index';
import { CITY_SCOPE } from './demands.catalogue.rules';

// Who may read and who may change the city-wide demand settings: the catalogue, the working
// calendar and the settings are one list for the whole city (Binzhou grid regulation art. 10: the
// city body 编制…事项清单，向社会公示并动态调整), so only those who manage demands over the city
// root change them; everyone who files or reads demands may read the catalogue.

export { CITY_SCOPE };

/** City admins only: demands.manage held over the city root (403 without it, 404 below the city). */
export function requireCityManager(actor: Actor): void {
  authorize(actor, 'demands.manage', CITY_SCOPE);
}

/** Anyone who may file (demands.create) or read (demands.read) demands; else 403. */
export function requireCatalogueReader(actor: Actor): void {
  if (scopesFor(actor, 'demands.create').length > 0) return;
  authorize(actor, 'demands.read');
}
