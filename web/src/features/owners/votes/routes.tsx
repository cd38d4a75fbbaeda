import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { PageSuspense as Loading } from '../../../app/PageSuspense';
import { RequirePermission } from '../../../app/RequirePermission';

// Owners' meeting votes: console pages below /owners/votes (owners.read) and the owners' mobile
// pages below /m/votes (no sign-in: the voting or receipt code is the credential). Loaded when
// first opened; ECharts and antd-mobile come with them.

const VoteSetupPage = lazy(() => import('./pages/VoteSetupPage').then((m) => ({ default: m.VoteSetupPage })));
const VoteLivePage = lazy(() => import('./pages/VoteLivePage').then((m) => ({ default: m.VoteLivePage })));
const VoteResultPage = lazy(() =>
  import('./pages/VoteResultPage').then((m) => ({ default: m.VoteResultPage })),
);
const VoteBallotPage = lazy(() =>
  import('../mobile/VoteBallotPage').then((m) => ({ default: m.VoteBallotPage })),
);
const VoteReceiptPage = lazy(() =>
  import('../mobile/VoteReceiptPage').then((m) => ({ default: m.VoteReceiptPage })),
);

const consolePage = (path: string, element: ReactNode) => (
  <Route
    key={path}
    path={path}
    element={
      <RequirePermission permission="owners.read">
        <Loading>{element}</Loading>
      </RequirePermission>
    }
  />
);

/** Console routes, placed among the signed-in routes of AppRoutes. */
export const ownersVotesRoutes = [
  consolePage('/owners/votes', <VoteSetupPage />),
  consolePage('/owners/votes/:id', <VoteLivePage />),
  consolePage('/owners/votes/:id/result', <VoteResultPage />),
];

/** The owners' phone pages, placed outside the console (no sign-in). */
export const ownersVotesMobileRoutes = [
  <Route
    key="/m/votes/:id"
    path="/m/votes/:id"
    element={
      <Loading>
        <VoteBallotPage />
      </Loading>
    }
  />,
  <Route
    key="/m/votes/:id/receipt"
    path="/m/votes/:id/receipt"
    element={
      <Loading>
        <VoteReceiptPage />
      </Loading>
    }
  />,
];
