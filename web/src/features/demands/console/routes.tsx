import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { PageSuspense } from '../../../app/PageSuspense';
import { RequirePermission } from '../../../app/RequirePermission';

// The console pages of demands below /demands (the inbox itself is the navigation entry's page,
// DemandsPage). AppRoutes places `{demandsConsoleRoutes}` among the console routes.

const IntakePage = lazy(() => import('./pages/IntakePage').then((m) => ({ default: m.IntakePage })));
const DetailPage = lazy(() => import('./pages/DetailPage').then((m) => ({ default: m.DetailPage })));

const page = (path: string, permission: string, element: ReactNode) => (
  <Route
    key={path}
    path={path}
    element={
      <RequirePermission permission={permission}>
        <PageSuspense>{element}</PageSuspense>
      </RequirePermission>
    }
  />
);

/** 受理热线诉求 and the demand page. */
export const demandsConsoleRoutes = [
  page('/demands/new', 'demands.create', <IntakePage />),
  page('/demands/:id', 'demands.read', <DetailPage />),
];
