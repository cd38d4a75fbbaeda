import type {
  NotificationList,
  NotificationView,
  ReadAllAnswer,
  UnreadCount,
} from '../../../../src/modules/notifications/notifications.schemas';
import { apiFetch } from '../../api/client';

// Typed fetchers of the caller's in-app messages (站内消息). In-app only: nothing is sent by SMS or
// push; the pages poll the unread count.

export type { NotificationList, NotificationView };

const BASE = '/api/v1/notifications';
const enc = encodeURIComponent;

export const notificationsKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  list: (unread: boolean) => ['notifications', 'list', { unread }] as const,
};

export const fetchNotifications = (
  opts: { unread?: boolean; before?: string | null; limit?: number },
  signal?: AbortSignal,
) =>
  apiFetch<NotificationList>(BASE, {
    query: { unread: opts.unread ? 'true' : undefined, before: opts.before, limit: opts.limit ?? 20 },
    signal,
  });

export const fetchUnreadCount = (signal?: AbortSignal) =>
  apiFetch<UnreadCount>(`${BASE}/unread-count`, { signal });

export const markNotificationRead = (id: string) =>
  apiFetch<NotificationView>(`${BASE}/${enc(id)}/read`, { method: 'POST' });

export const markAllNotificationsRead = () => apiFetch<ReadAllAnswer>(`${BASE}/read-all`, { method: 'POST' });
