import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from the app.
// Deadline reminders (即将超期 / 已超期 / 首次联系超时) to a demand's handler are messages in
// `notifications`, each kind at most once per handler and demand. Several server processes may
// sweep at once (DESIGN.md, "Growing past one machine"): the unique index below, restricted to the
// reminder kinds, lets only one of them insert a reminder; the others' `on conflict do nothing`
// skips it. Other kinds (a second 返工, a second 改派) may repeat and stay outside the index.
// The sweep's candidates are open-handling demands with a deadline near (demands_status_idx on
// status, due_at) or a first contact overdue: the partial index below serves the second branch,
// holding only demands nobody has contacted yet.

const REMINDER_KINDS = ['demand.due_soon', 'demand.overdue', 'demand.contact_late'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('notifications_reminder_uq')
    .on('notifications')
    .columns(['user_id', 'kind', 'subject_id'])
    .unique()
    .where(sql.ref('kind'), 'in', REMINDER_KINDS)
    .execute();
  await db.schema
    .createIndex('demands_contact_due_idx')
    .on('demands')
    .columns(['status', 'first_contact_due_at'])
    .where(sql.ref('first_contacted_at'), 'is', null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed loosely on purpose.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('demands_contact_due_idx').execute();
  await db.schema.dropIndex('notifications_reminder_uq').execute();
}
