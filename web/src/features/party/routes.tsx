import { lazy, type ReactNode } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { PageSuspense as Loading } from '../../app/PageSuspense';

// The party pages, loaded when first opened. AppRoutes places `<PartyPage />` at /party (its
// navigation entry) and `{partyRoutes}` among the console routes.

const PartyOrgTreePage = lazy(() =>
  import('./pages/PartyOrgTreePage').then((m) => ({ default: m.PartyOrgTreePage })),
);
const BranchChecklistPage = lazy(() =>
  import('./pages/BranchChecklistPage').then((m) => ({ default: m.BranchChecklistPage })),
);
const ReachPage = lazy(() => import('./pages/ReachPage').then((m) => ({ default: m.ReachPage })));
const TransferRequestsPage = lazy(() =>
  import('./pages/TransferRequestsPage').then((m) => ({ default: m.TransferRequestsPage })),
);

export type PartyPageProps = Record<string, never>;

/** /party: the four-level chain of the caller's place. */
export function PartyPage(_props: PartyPageProps) {
  return (
    <Loading>
      <PartyOrgTreePage />
    </Loading>
  );
}

const page = (path: string, element: ReactNode) => guardedRoute(path, 'party.read', element);

/** Routes below /party that have no navigation entry of their own. */
export const partyRoutes = [
  page('/party/checklist', <BranchChecklistPage />),
  page('/party/reach', <ReachPage />),
  page('/party/transfers', <TransferRequestsPage />),
];
