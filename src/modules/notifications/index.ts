// The notifications module's public surface: other modules write messages through notifyUsers
// (in their own transaction); the server registers the routes.

export { notificationsRoutes } from './notifications.routes';
export { type NewNotifications, notifyOnce, notifyUsers } from './notifications.service';
export type { NotificationsTables, SubjectType } from './notifications.table';
