import { lazy, type ReactNode } from 'react';
import { guardedRoute } from '../../../app/guardedRoute';

// The three rates and the monthly ranking, below /demands. AppRoutes places `{demandsRatesRoutes}`
// among the console routes.

const RatesPage = lazy(() => import('./pages/RatesPage').then((m) => ({ default: m.RatesPage })));
const RankingPage = lazy(() => import('./pages/RankingPage').then((m) => ({ default: m.RankingPage })));

const page = (path: string, element: ReactNode) => guardedRoute(path, 'demands.read', element);

/** 三率统计 and 月度排名. */
export const demandsRatesRoutes = [
  page('/demands/rates', <RatesPage />),
  page('/demands/rates/ranking', <RankingPage />),
];
