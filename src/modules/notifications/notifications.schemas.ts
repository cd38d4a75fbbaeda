import { z } from 'zod';
import { SUBJECT_TYPES } from './notifications.table';

// The API contract of in-app messages (站内消息); the web imports these types.

export const notificationIdParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

export const notificationListQuerySchema = z.strictObject({
  /** `true`: unread messages only. */
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** The cursor: the id of the last message of the previous page (`nextCursor`). */
  before: z.string().min(1).max(64).optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  subjectType: z.enum(SUBJECT_TYPES),
  subjectId: z.string(),
  /** What the client's sentence is built from, by kind (see web/src/features/notifications). */
  params: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const unreadCountSchema = z.object({ count: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const readAllSchema = z.object({ marked: z.number().int() });
export type ReadAllAnswer = z.infer<typeof readAllSchema>;
