import { lazy } from 'react';
import { signedInRoute } from '../../app/guardedRoute';
import { NOTIFICATIONS_MOBILE_PATH } from './paths';

// The messages page on a phone, outside the console layout like the demands phone pages; in the
// console the messages open in the header's drawer (ConsoleNotificationBell) and need no page.

const NotificationsMobilePage = lazy(() =>
  import('./pages/NotificationsMobilePage').then((m) => ({ default: m.NotificationsMobilePage })),
);

/** Placed outside the console layout in AppRoutes. */
export const notificationsMobileRoutes = [
  signedInRoute(NOTIFICATIONS_MOBILE_PATH, <NotificationsMobilePage />),
];
