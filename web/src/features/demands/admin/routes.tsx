import { lazy, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import { guardedRoute } from '../../../app/guardedRoute';

// The demands admin pages (catalogue, working calendar, settings, handling units), loaded when first
// opened, for those who manage demands. The server decides who may change what (city admins the
// city-wide data, officials the units of their area).

const CategoriesPage = lazy(() =>
  import('./pages/CategoriesPage').then((m) => ({ default: m.CategoriesPage })),
);
const CalendarPage = lazy(() => import('./pages/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const UnitsPage = lazy(() => import('./pages/UnitsPage').then((m) => ({ default: m.UnitsPage })));

const page = (path: string, element: ReactNode) => guardedRoute(path, 'demands.manage', element);

/** Routes below /demands/admin (inside the console layout). */
export const demandsAdminRoutes = [
  <Route
    key="/demands/admin"
    path="/demands/admin"
    element={<Navigate to="/demands/admin/categories" replace />}
  />,
  page('/demands/admin/categories', <CategoriesPage />),
  page('/demands/admin/calendar', <CalendarPage />),
  page('/demands/admin/settings', <SettingsPage />),
  page('/demands/admin/units', <UnitsPage />),
];
