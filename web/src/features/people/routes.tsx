import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../app/RequirePermission';

// The people pages, loaded when first opened. AppRoutes places `<PeoplePage />` at /people (its
// navigation entry) and `{peopleRoutes}` among the console routes.

const ResidentListPage = lazy(() =>
  import('./pages/ResidentListPage').then((m) => ({ default: m.ResidentListPage })),
);
const HouseholdPage = lazy(() => import('./pages/HouseholdPage').then((m) => ({ default: m.HouseholdPage })));

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div style={{ padding: 48, display: 'grid', placeItems: 'center' }}>
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

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
