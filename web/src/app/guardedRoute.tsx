import type { ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import { useSession } from '../features/iam/hooks/useSession';
import { PageSuspense } from './PageSuspense';
import { RequireAuth } from './RequireAuth';
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

type PasswordFirstProps = { children: ReactNode };

/** An account with an initial or reset password changes it first, as in the console. */
function PasswordFirst({ children }: PasswordFirstProps) {
  const session = useSession();
  if (session.user.mustChangePassword) return <Navigate to="/account/password" replace />;
  return <>{children}</>;
}

/**
 * A phone route outside the console layout for a lazily loaded page that needs a session:
 * RequireAuth sends anyone signed out to /login?next=<this page>, which brings them back, and an
 * account with an initial or reset password changes it first.
 */
export function signedInRoute(path: string, element: ReactNode) {
  return (
    <Route
      key={path}
      path={path}
      element={
        <RequireAuth>
          <PasswordFirst>
            <PageSuspense>{element}</PageSuspense>
          </PasswordFirst>
        </RequireAuth>
      }
    />
  );
}
