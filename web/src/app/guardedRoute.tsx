import type { ReactNode } from 'react';
import { Route } from 'react-router';
import { PageSuspense } from './PageSuspense';
import { RequirePermission } from './RequirePermission';

/**
 * A console route for a lazily loaded page that needs `permission`: the one shape every feature's
 * routes file uses for its pages without a navigation entry of their own.
 */
export function guardedRoute(path: string, permission: string, element: ReactNode) {
  return (
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
}
