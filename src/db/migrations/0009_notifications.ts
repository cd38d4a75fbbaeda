import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// In-app messages (站内消息): a resident hears that their demand was registered, declined, merged,
// dispatched, extended, replied to or closed; a handler that a demand was assigned to them or
// failed its check. In-app only: no SMS or push is sent from these rows. `params` is JSON text of
// what the text is built from on the client (number, category, the note, the new due date…).

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  // "My newest first": ids are UUIDv7, so (user, id) is the list's order and its cursor.
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'id'])
    .execute();
  // "My unread count", polled by every open page: only the unread rows are in this index.
  await db.schema
    .createIndex('notifications_unread_idx')
    .on('notifications')
    .column('user_id')
    .where(sql.ref('read_at'), 'is', null)
    .execute();
}
