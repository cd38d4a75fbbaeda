import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { notifyOnce } from '../notifications/index';
import { REMINDER_STATUSES, type ReminderCandidate, remindersDue } from './demands.reminders';
import { loadDemandSettings, loadWorkingCalendar } from './demands.settings';

// The reminder sweep: run every few minutes by each server process (src/main.ts). It keeps no
// state of its own: what was sent is the `notifications` rows, and the partial unique index of
// migration 0011 with `on conflict do nothing` makes two processes sweeping at once write each
// reminder once (DESIGN.md, "Growing past one machine").

/** The open-handling demands with a handler whose deadline is near or past, or whose first contact is late. */
function selectCandidates(
  db: Kysely<Database>,
  now: string,
  soonUntil: string,
): Promise<ReminderCandidate[]> {
  return db
    .selectFrom('demands')
    .leftJoin('demandCategories as c', 'c.code', 'demands.categoryCode')
    .select([
      'demands.id',
      'demands.number',
      'demands.status',
      'demands.handlerUserId',
      'demands.dueAt',
      'demands.firstContactDueAt',
      'demands.firstContactedAt',
      'demands.categoryCode',
      'c.nameZh',
      'c.nameEn',
    ])
    .where('demands.status', 'in', REMINDER_STATUSES)
    .where('demands.handlerUserId', 'is not', null)
    .where((eb) =>
      eb.or([
        // Instants are ISO text and compare as strings, as in the lists' due filter.
        eb('demands.dueAt', '<=', soonUntil),
        eb.and([eb('demands.firstContactedAt', 'is', null), eb('demands.firstContactDueAt', '<', now)]),
      ]),
    )
    .execute()
    .then((rows) =>
      rows.map(({ categoryCode, nameZh, nameEn, ...d }) => ({
        ...d,
        category: { zh: nameZh ?? categoryCode, en: nameEn ?? categoryCode },
      })),
    );
}

/**
 * Writes the deadline reminders due at `now` (即将超期, 已超期, 首次联系超时) to the handlers, each
 * kind once per demand and handler however many sweeps run; answers how many were written now.
 */
export async function sweepDemandReminders(opts: { db: Kysely<Database>; now?: Date }): Promise<number> {
  const { db } = opts;
  const now = opts.now ?? new Date();
  const settings = await loadDemandSettings(db);
  const calendar = await loadWorkingCalendar(db, settings);
  const soonUntil = calendar.addWorkingHours(now, settings.dueSoonHours);
  const candidates = await selectCandidates(db, now.toISOString(), soonUntil.toISOString());
  const at = now.toISOString();
  return notifyOnce(
    db,
    remindersDue({ demands: candidates, now, soonUntil }).map((r) => ({
      ...r,
      userIds: [r.userId],
      subjectType: 'demand' as const,
      at,
    })),
  );
}
