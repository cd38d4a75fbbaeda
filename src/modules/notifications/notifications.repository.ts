import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { NotificationInsert, NotificationRow } from './notifications.table';

// Every query on `notifications`. Each one names the user: a message is only ever its owner's.

type Q = Kysely<Database> | Transaction<Database>;

/** One multi-row INSERT (a step tells a handful of people). */
export async function insertNotifications(db: Q, rows: readonly NotificationInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('notifications')
    .values([...rows])
    .execute();
}

/** Rows per INSERT: 8 values a row stays far below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/**
 * Inserts the rows that break no unique index and skips the others (a reminder already sent, under
 * migration 0011's partial index); answers how many were written. No conflict target: any unique
 * violation is skipped, and ids are fresh UUIDv7s.
 */
export async function insertNewNotifications(db: Q, rows: readonly NotificationInsert[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await db
      .insertInto('notifications')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

/** The user's messages newest first, from before the cursor id; one more than `limit` to see if more follow. */
export function selectNotifications(
  db: Q,
  f: { userId: string; unread: boolean; before?: string | undefined; limit: number },
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('userId', '=', f.userId)
    .$if(f.unread, (q) => q.where('readAt', 'is', null))
    .$if(f.before !== undefined, (q) => q.where('id', '<', f.before as string))
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function countUnread(db: Q, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export function findNotification(db: Q, userId: string, id: string): Promise<NotificationRow | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

/** Marks one message read (a second time keeps the first reading's time). */
export async function markRead(db: Q, userId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .execute();
}

/** Marks every unread message of the user read; answers how many were. */
export async function markAllRead(db: Q, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Drops the user's messages read and older than `before`; unread ones stay however old. */
export async function deleteReadBefore(db: Q, userId: string, before: string): Promise<void> {
  await db
    .deleteFrom('notifications')
    .where('userId', '=', userId)
    .where('readAt', 'is not', null)
    .where('createdAt', '<', before)
    .execute();
}
