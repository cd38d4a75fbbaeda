import { lazy } from 'react';
import { guardedRoute } from '../../../app/guardedRoute';

// The console pages of demands below /demands (the inbox itself is the navigation entry's page,
// DemandsPage). AppRoutes places `{demandsConsoleRoutes}` among the console routes.

const IntakePage = lazy(() => import('./pages/IntakePage').then((m) => ({ default: m.IntakePage })));
const DetailPage = lazy(() => import('./pages/DetailPage').then((m) => ({ default: m.DetailPage })));

/** 受理热线诉求 and the demand page. */
export const demandsConsoleRoutes = [
  guardedRoute('/demands/new', 'demands.create', <IntakePage />),
  guardedRoute('/demands/:id', 'demands.read', <DetailPage />),
];
