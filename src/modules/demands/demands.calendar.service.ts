import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { chinaDateOf } from '../../lib/working-calendar';
import { type Actor, appendAudit, authorize } from '../iam/index';
import { actorRef } from './demands.access';
import { calendarDateProblems, calendarEntryProblems, weekdayOf } from './demands.calendar.rules';
import type { CalendarDayBody, CalendarDayView, CalendarYear } from './demands.calendar.schemas';
import { CITY_SCOPE, requireCityManager } from './demands.catalogue.access';
import { workingHoursPerDay } from './demands.catalogue.rules';
import { demandsErrors } from './demands.errors';
import { loadDemandSettings, loadWorkingCalendar } from './demands.settings';

// The working calendar as data: the State Council's 放假 and 调休上班 days (installed for 2024–2026
// by demands.defaults.ts) and the city's own adjustments. Every deadline is computed from it through
// loadWorkingCalendar, so a change applies to deadlines computed after it; a deadline already
// written on a demand stays (Beijing art. 13: the limit written on the work order).

type Db = Kysely<Database>;

function toView(r: {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updatedBy: string;
  updatedAt: string;
}) {
  return { ...r, weekday: weekdayOf(r.date) } satisfies CalendarDayView;
}

function eachDate(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The year's days off and make-up working days, the working hours and the count of working days. */
export async function getCalendarYear(opts: {
  db: Db;
  actor: Actor;
  year?: number | undefined;
  now?: Date;
}): Promise<CalendarYear> {
  const { db, actor } = opts;
  authorize(actor, 'demands.read');
  const year = opts.year ?? Number(chinaDateOf(opts.now ?? new Date()).slice(0, 4));
  const rows = await db
    .selectFrom('workCalendarDays')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  const settings = await loadDemandSettings(db);
  const calendar = await loadWorkingCalendar(db, settings);
  return {
    year,
    workingHours: settings.workingHours,
    hoursPerDay: workingHoursPerDay(settings.workingHours),
    workdayCount: eachDate(year).filter((d) => calendar.isWorkday(d)).length,
    days: rows.map(toView),
  };
}

function checkDate(date: string): void {
  const problems = calendarDateProblems(date);
  if (problems.length > 0) throw demandsErrors.invalidCalendar(problems);
}

/** Marks a day as a day off or a make-up working day (replacing what it was). */
export async function setCalendarDay(opts: {
  db: Db;
  actor: Actor;
  date: string;
  body: CalendarDayBody;
  now?: Date;
}): Promise<CalendarDayView> {
  const { db, actor, date, body } = opts;
  requireCityManager(actor);
  checkDate(date);
  const problems = calendarEntryProblems(date, body.kind);
  if (problems.length > 0) throw demandsErrors.invalidCalendar(problems);
  const row = {
    date,
    kind: body.kind,
    name: body.name,
    updatedBy: actorRef(actor),
    updatedAt: (opts.now ?? new Date()).toISOString(),
  };
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('workCalendarDays')
      .select(['kind', 'name'])
      .where('date', '=', date)
      .executeTakeFirst();
    await trx
      .insertInto('workCalendarDays')
      .values(row)
      .onConflict((oc) =>
        oc.column('date').doUpdateSet({
          kind: row.kind,
          name: row.name,
          updatedBy: row.updatedBy,
          updatedAt: row.updatedAt,
        }),
      )
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'demands.calendar.set',
      targetType: 'work_calendar_day',
      targetId: date,
      scopePath: CITY_SCOPE,
      summary: { before: before ?? null, kind: body.kind, name: body.name },
    });
    return toView(row);
  });
}

/** Clears a day back to the plain Monday–Friday rule. Clearing a day with no entry does nothing. */
export async function clearCalendarDay(opts: { db: Db; actor: Actor; date: string }): Promise<void> {
  const { db, actor, date } = opts;
  requireCityManager(actor);
  checkDate(date);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('workCalendarDays')
      .select(['kind', 'name'])
      .where('date', '=', date)
      .executeTakeFirst();
    if (!before) return;
    await trx.deleteFrom('workCalendarDays').where('date', '=', date).execute();
    await appendAudit(trx, {
      actor,
      action: 'demands.calendar.clear',
      targetType: 'work_calendar_day',
      targetId: date,
      scopePath: CITY_SCOPE,
      summary: { before },
    });
  });
}
