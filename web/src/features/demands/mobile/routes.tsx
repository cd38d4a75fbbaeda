import { lazy } from 'react';
import { signedInRoute } from '../../../app/guardedRoute';

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

/** Placed outside the console layout in AppRoutes. `/new` before `/:id`. */
export const demandsMobileRoutes = [
  signedInRoute('/m/demands/new', <NewDemandPage />),
  signedInRoute('/m/demands', <MyDemandsPage />),
  signedInRoute('/m/demands/:id', <DemandFollowPage />),
  signedInRoute('/m/tasks/new', <PatrolReportPage />),
  signedInRoute('/m/tasks', <TasksPage />),
  signedInRoute('/m/tasks/:id', <TaskPage />),
];
