import { lazy, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import { PageSuspense } from '../../app/PageSuspense';
import { RequireAuth } from '../../app/RequireAuth';
import { useSession } from '../iam/hooks/useSession';
import { NOTIFICATIONS_MOBILE_PATH } from './paths';

// The messages page on a phone, outside the console layout like the demands phone pages; in the
// console the messages open in the header's drawer (ConsoleNotificationBell) and need no page.

const NotificationsMobilePage = lazy(() =>
  import('./pages/NotificationsMobilePage').then((m) => ({ default: m.NotificationsMobilePage })),
);

type PasswordFirstProps = { children: ReactNode };

/** An account with an initial or reset password changes it first, as in the console. */
function PasswordFirst({ children }: PasswordFirstProps) {
  const session = useSession();
  if (session.user.mustChangePassword) return <Navigate to="/account/password" replace />;
  return <>{children}</>;
}

/** Placed outside the console layout in AppRoutes. */
export const notificationsMobileRoutes = [
  <Route
    key={NOTIFICATIONS_MOBILE_PATH}
    path={NOTIFICATIONS_MOBILE_PATH}
    element={
      <RequireAuth>
        <PasswordFirst>
          <PageSuspense>
            <NotificationsMobilePage />
          </PageSuspense>
        </PasswordFirst>
      </RequireAuth>
    }
  />,
];
