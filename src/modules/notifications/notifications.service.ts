import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { Actor } from '../iam/index';
import { notificationsErrors } from './notifications.errors';
import {
  countUnread,
  deleteReadBefore,
  findNotification,
  insertNewNotifications,
  insertNotifications,
  markAllRead,
  markRead,
  selectNotifications,
} from './notifications.repository';
import type {
  NotificationList,
  NotificationListQuery,
  NotificationView,
  ReadAllAnswer,
  UnreadCount,
} from './notifications.schemas';
import type { NotificationRow, SubjectType } from './notifications.table';

// In-app messages (站内消息): written by other modules inside the transaction of what they report
// (so that a message never exists without its step), read by their owner only. In-app only: no
// SMS or push channel sends them anywhere; a page polls the unread count.

type Db = Kysely<Database>;
type Q = Db | Transaction<Database>;

/** Read messages are kept this long; unread ones until they are read. */
export const KEEP_READ_DAYS = 180;

export interface NewNotifications {
  userIds: readonly (string | null | undefined)[];
  kind: string;
  subjectType: SubjectType;
  subjectId: string;
  params: Record<string, unknown>;
  /** ISO instant of what is reported; the ids sort by it. */
  at: string;
}

/** Writes one message per distinct user (none for an empty list), in one INSERT, in the caller's transaction. */
export async function notifyUsers(trx: Q, n: NewNotifications): Promise<void> {
  await insertNotifications(trx, notificationRows(n));
}

/**
 * Writes messages that may be written once only (reminders, under a unique index), skipping those
 * already there — also when two servers write at once; answers how many were new.
 */
export function notifyOnce(db: Q, batches: readonly NewNotifications[]): Promise<number> {
  return insertNewNotifications(db, batches.flatMap(notificationRows));
}

/** One unread row per distinct user named. */
function notificationRows(n: NewNotifications): NotificationRow[] {
  const users = [...new Set(n.userIds.filter((u): u is string => typeof u === 'string' && u !== ''))];
  const ms = Date.parse(n.at);
  const params = JSON.stringify(n.params);
  return users.map((userId) => ({
    id: newId(Number.isNaN(ms) ? Date.now() : ms),
    userId,
    kind: n.kind,
    subjectType: n.subjectType,
    subjectId: n.subjectId,
    params,
    createdAt: n.at,
    readAt: null,
  }));
}

function ownerOf(actor: Actor): string {
  if (actor.kind !== 'user') throw notificationsErrors.usersOnly();
  return actor.id;
}

function toNotificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    params: JSON.parse(row.params) as Record<string, unknown>,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

/** GET /api/v1/notifications — the caller's messages, newest first; the first page also tidies up. */
export async function listNotifications(opts: {
  db: Db;
  actor: Actor;
  query: NotificationListQuery;
  now?: Date;
}): Promise<NotificationList> {
  const { db, query } = opts;
  const userId = ownerOf(opts.actor);
  const now = opts.now ?? new Date();
  if (query.before === undefined)
    await deleteReadBefore(db, userId, new Date(now.getTime() - KEEP_READ_DAYS * 86_400_000).toISOString());
  const rows = await selectNotifications(db, {
    userId,
    unread: query.unread === 'true',
    before: query.before,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toNotificationView),
    nextCursor: rows.length > query.limit && last ? last.id : null,
  };
}

/** GET /api/v1/notifications/unread-count — one indexed count, polled by open pages. */
export async function unreadCount(opts: { db: Db; actor: Actor }): Promise<UnreadCount> {
  return { count: await countUnread(opts.db, ownerOf(opts.actor)) };
}

/** POST /api/v1/notifications/:id/read — another user's message is 404 like one that never was. */
export async function readNotification(opts: {
  db: Db;
  actor: Actor;
  id: string;
  now?: Date;
}): Promise<NotificationView> {
  const { db, id } = opts;
  const userId = ownerOf(opts.actor);
  const at = (opts.now ?? new Date()).toISOString();
  await markRead(db, userId, id, at);
  const row = await findNotification(db, userId, id);
  if (!row) throw notificationsErrors.notificationNotFound();
  return toNotificationView(row);
}

/** POST /api/v1/notifications/read-all — 全部已读. */
export async function readAllNotifications(opts: {
  db: Db;
  actor: Actor;
  now?: Date;
}): Promise<ReadAllAnswer> {
  const at = (opts.now ?? new Date()).toISOString();
  return { marked: await markAllRead(opts.db, ownerOf(opts.actor), at) };
}
