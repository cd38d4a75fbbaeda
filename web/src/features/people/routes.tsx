import { lazy } from 'react';
import { Route } from 'react-router';
import { PageSuspense as Loading } from '../../app/PageSuspense';
import { RequirePermission } from '../../app/RequirePermission';

// The people pages, loaded when first opened. AppRoutes places `<PeoplePage />` at /people (its
// navigation entry) and `{peopleRoutes}` among the console routes.

const ResidentListPage = lazy(() =>
  import('./pages/ResidentListPage').then((m) => ({ default: m.ResidentListPage })),
);
const HouseholdPage = lazy(() => import('./pages/HouseholdPage').then((m) => ({ default: m.HouseholdPage })));

export type PeoplePageProps = Record<string, never>;

/** /people: the residents ledger. */
export function PeoplePage(_props: PeoplePageProps) {
  return (
    <Loading>
      <ResidentListPage />
    </Loading>
  );
}

/** Routes below /people that have no navigation entry of their own. */
export const peopleRoutes = (
  <Route
    path="/people/households/:code"
    element={
      <RequirePermission permission="people.read">
        <Loading>
          <HouseholdPage />
        </Loading>
      </RequirePermission>
    }
  />
);
