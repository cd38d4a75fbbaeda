import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  fetchNotifications,
  fetchUnreadCount,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationView,
  notificationsKeys,
} from './api';
import { subjectPath } from './messageText';

/** Polled every minute and on returning to the window: a new message shows without a reload. */
export const UNREAD_POLL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationsKeys.unreadCount,
    queryFn: ({ signal }) => fetchUnreadCount(signal),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
}

/** The caller's messages, newest first, 20 a page ("load more" follows the cursor). */
export function useNotifications(opts: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: notificationsKeys.list(false),
    queryFn: ({ pageParam, signal }) => fetchNotifications({ before: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: opts.enabled ?? true,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKeys.all }),
  });
}

/**
 * A list of the caller's messages as the console drawer and the phone page show it: the loaded
 * messages, the unread count, and opening one — marked read, then its demand on this surface (a
 * failed mark is reported through `onError` and the demand still opens).
 */
export function useMessageList(opts: {
  surface: 'console' | 'mobile';
  enabled?: boolean;
  onError: (error: unknown) => void;
  onOpen?: () => void;
}) {
  const navigate = useNavigate();
  const list = useNotifications({ enabled: opts.enabled });
  const count = useUnreadCount().data?.count ?? 0;
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const openItem = async (item: NotificationView) => {
    try {
      if (!item.readAt) await markRead.mutateAsync(item.id);
    } catch (error) {
      opts.onError(error);
    }
    opts.onOpen?.();
    navigate(subjectPath(item, opts.surface));
  };
  return { list, items, count, markAllRead, openItem };
}
