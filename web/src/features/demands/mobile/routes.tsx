import { lazy, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import { PageSuspense } from '../../../app/PageSuspense';
import { RequireAuth } from '../../../app/RequireAuth';
import { useSession } from '../../iam/hooks/useSession';

// The demands pages on a phone (接诉即办): residents file, follow and rate; grid workers and
// property staff work their tasks. Mounted outside the console layout; each needs a session, and
// RequireAuth sends anyone signed out to /login?next=<this page>, which brings them back. Loaded
// when first opened: antd-mobile and ECharts come with them.

const NewDemandPage = lazy(() => import('./NewDemandPage').then((m) => ({ default: m.NewDemandPage })));
const MyDemandsPage = lazy(() => import('./MyDemandsPage').then((m) => ({ default: m.MyDemandsPage })));
const DemandFollowPage = lazy(() =>
  import('./DemandFollowPage').then((m) => ({ default: m.DemandFollowPage })),
);
const TasksPage = lazy(() => import('./TasksPage').then((m) => ({ default: m.TasksPage })));
const TaskPage = lazy(() => import('./TaskPage').then((m) => ({ default: m.TaskPage })));
const PatrolReportPage = lazy(() =>
  import('./PatrolReportPage').then((m) => ({ default: m.PatrolReportPage })),
);

type PasswordFirstProps = { children: ReactNode };

/** An account with an initial or reset password changes it first, as in the console. */
function PasswordFirst({ children }: PasswordFirstProps) {
  const session = useSession();
  if (session.user.mustChangePassword) return <Navigate to="/account/password" replace />;
  return <>{children}</>;
}

const signedIn = (path: string, element: ReactNode) => (
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

/** Placed outside the console layout in AppRoutes. `/new` before `/:id`. */
export const demandsMobileRoutes = [
  signedIn('/m/demands/new', <NewDemandPage />),
  signedIn('/m/demands', <MyDemandsPage />),
  signedIn('/m/demands/:id', <DemandFollowPage />),
  signedIn('/m/tasks/new', <PatrolReportPage />),
  signedIn('/m/tasks', <TasksPage />),
  signedIn('/m/tasks/:id', <TaskPage />),
];
