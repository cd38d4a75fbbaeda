import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { notifyOnce } from '../notifications/index';
import { REMINDER_STATUSES, type ReminderCandidate, remindersDue } from './demands.reminders';
import { HANDLE_ROLES } from './demands.routing.service';
import { loadDemandSettings, loadWorkingCalendar } from './demands.settings';
import type { DemandRow } from './demands.table';

// The reminder sweep: run every few minutes by each server process (src/main.ts). It keeps no
// state of its own: what was sent is the `notifications` rows, and the partial unique index of
// migration 0011 with `on conflict do nothing` makes two processes sweeping at once write each
// reminder once (DESIGN.md, "Growing past one machine").

/** The open-handling demands with a handler whose deadline is near or past, or whose first contact is late. */
function selectCandidates(
  db: Kysely<Database>,
  now: string,
  soonUntil: string,
): Promise<(ReminderCandidate & Pick<DemandRow, 'responsibleKind' | 'responsibleRef' | 'compoundCode'>)[]> {
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
      'demands.responsibleKind',
      'demands.responsibleRef',
      'demands.compoundCode',
      'demands.categoryCode',
      'c.nameZh',
      'c.nameEn',
    ])
    .where('demands.status', 'in', REMINDER_STATUSES)
    .where((eb) =>
      eb.or([eb('demands.handlerUserId', 'is not', null), eb('demands.responsibleKind', 'in', PLACE_KINDS)]),
    )
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

/** Responsible parties that stand for a place whose handlers can be reminded when none is named. */
const PLACE_KINDS = ['grid', 'community', 'street', 'property_company'] as const;

/**
 * The place whose handlers are reminded of a demand with no named handler: the responsible grid,
 * community or street; for a property company, the demand's compound, where its staff work.
 */
function placeOf(d: Pick<DemandRow, 'responsibleKind' | 'responsibleRef' | 'compoundCode'>): string | null {
  if (d.responsibleKind === 'property_company') return d.compoundCode;
  return d.responsibleRef;
}

/**
 * The active users holding a handling role at each of these places itself (a grid's workers, a
 * community's or street's officials, a compound's property staff), by area code.
 */
async function handlersOfPlaces(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<Map<string, string[]>> {
  const byCode = new Map<string, string[]>();
  if (codes.length === 0) return byCode;
  const rows = await db
    .selectFrom('areas as a')
    .innerJoin('userRoles as r', 'r.scopePath', 'a.path')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .select(['a.code', 'u.id'])
    .where('a.code', 'in', [...codes])
    .where('r.role', 'in', HANDLE_ROLES)
    .where('u.status', '=', 'active')
    .execute();
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r.id]);
  return byCode;
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
  const unnamed = candidates.filter((d) => !d.handlerUserId && placeOf(d));
  const places = await handlersOfPlaces(db, [...new Set(unnamed.map((d) => placeOf(d) as string))]);
  for (const d of unnamed) d.placeHandlers = places.get(placeOf(d) as string) ?? [];
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
