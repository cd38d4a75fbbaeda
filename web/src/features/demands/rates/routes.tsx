import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { PageSuspense } from '../../../app/PageSuspense';
import { RequirePermission } from '../../../app/RequirePermission';

// The three rates and the monthly ranking, below /demands. AppRoutes places `{demandsRatesRoutes}`
// among the console routes.

const RatesPage = lazy(() => import('./pages/RatesPage').then((m) => ({ default: m.RatesPage })));
const RankingPage = lazy(() => import('./pages/RankingPage').then((m) => ({ default: m.RankingPage })));

const page = (path: string, element: ReactNode) => (
  <Route
    key={path}
    path={path}
    element={
      <RequirePermission permission="demands.read">
        <PageSuspense>{element}</PageSuspense>
      </RequirePermission>
    }
  />
);

/** 三率统计 and 月度排名. */
export const demandsRatesRoutes = [
  page('/demands/rates', <RatesPage />),
  page('/demands/rates/ranking', <RankingPage />),
];
