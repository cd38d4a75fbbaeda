import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import {
  notificationIdParamsSchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationSchema,
  readAllSchema,
  unreadCountSchema,
} from './notifications.schemas';
import {
  listNotifications,
  readAllNotifications,
  readNotification,
  unreadCount,
} from './notifications.service';

/** The caller's own in-app messages: list, unread count, read one, read all. */
export async function notificationsRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['notifications'];

  app.get('/api/v1/notifications', {
    schema: {
      tags,
      summary: 'The caller’s messages, newest first (unread=true: unread only) 站内消息',
      querystring: notificationListQuerySchema,
      response: { 200: notificationListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listNotifications({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/notifications/unread-count', {
    schema: {
      tags,
      summary: 'How many of the caller’s messages are unread (polled) 未读消息数',
      response: { 200: unreadCountSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => unreadCount({ db, actor: requireActor(request) }),
  });

  app.post('/api/v1/notifications/read-all', {
    schema: {
      tags,
      summary: 'Marks every message of the caller read 全部已读',
      response: { 200: readAllSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => readAllNotifications({ db, actor: requireActor(request) }),
  });

  app.post('/api/v1/notifications/:id/read', {
    schema: {
      tags,
      summary: 'Marks one of the caller’s messages read; another user’s is 404 标为已读',
      params: notificationIdParamsSchema,
      response: { 200: notificationSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => readNotification({ db, actor: requireActor(request), id: request.params.id }),
  });
}
