import { CITY_SCOPE } from '../../../../../src/modules/demands/demands.catalogue.rules';
import { permissionsOf } from '../../../../../src/modules/iam/iam.roles';
import { useSession } from '../../iam/hooks/useSession';

/**
 * Whether the user manages demands over the whole city: only they change the catalogue, the
 * calendar and the settings (the server refuses everyone else); others see those pages read-only.
 */
export function useCityManager(): boolean {
  const session = useSession();
  return session.assignments.some(
    (a) => a.scopePath === CITY_SCOPE && permissionsOf(a.role).includes('demands.manage'),
  );
}
