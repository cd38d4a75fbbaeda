import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { guardedRoute } from '../../app/guardedRoute';
import { PageSuspense as Loading } from '../../app/PageSuspense';

// The owners pages, loaded when first opened. AppRoutes places `<OwnersPage />` at /owners (its
// navigation entry), `{ownersRoutes}` among the console routes and `{ownersPublicRoutes}` outside them.

const CompoundCommitteesPage = lazy(() =>
  import('./pages/CompoundCommitteesPage').then((m) => ({ default: m.CompoundCommitteesPage })),
);
const CommitteePage = lazy(() => import('./pages/CommitteePage').then((m) => ({ default: m.CommitteePage })));
const FormationBoardPage = lazy(() =>
  import('./pages/FormationBoardPage').then((m) => ({ default: m.FormationBoardPage })),
);
const WatchListsPage = lazy(() =>
  import('./pages/WatchListsPage').then((m) => ({ default: m.WatchListsPage })),
);
const RegisterPage = lazy(() => import('./pages/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const PublicCompoundPage = lazy(() =>
  import('./mobile/PublicCompoundPage').then((m) => ({ default: m.PublicCompoundPage })),
);

export type OwnersPageProps = Record<string, never>;

/** /owners: compounds of the caller's place with their committee state. */
export function OwnersPage(_props: OwnersPageProps) {
  return (
    <Loading>
      <CompoundCommitteesPage />
    </Loading>
  );
}

const page = (path: string, element: ReactNode) => guardedRoute(path, 'owners.read', element);

/** Routes below /owners that have no navigation entry of their own. */
export const ownersRoutes = [
  page('/owners/compounds/:code', <CommitteePage />),
  page('/owners/compounds/:code/register', <RegisterPage />),
  page('/owners/formations', <FormationBoardPage />),
  page('/owners/watch', <WatchListsPage />),
];

/** The compound's public page (no sign-in), opened from a QR code on the notice board. */
export const ownersPublicRoutes = [
  <Route
    key="/m/compounds/:code"
    path="/m/compounds/:code"
    element={
      <Loading>
        <PublicCompoundPage />
      </Loading>
    }
  />,
];
