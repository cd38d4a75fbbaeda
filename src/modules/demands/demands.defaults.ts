import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { cnHolidayArrangements, cnHolidayName } from '../../lib/working-calendar.cn-holidays';
import { DEFAULT_CATALOGUE } from './demands.catalogue.defaults';

// What an empty database starts with: the catalogue of demands.catalogue.defaults.ts (version 1 of
// each category) and the State Council's holiday arrangements 2024–2026 as calendar rows, each day
// named for its festival. Installed once: a marker row in demand_settings (a key the settings loader
// ignores) is written first, so a second start — or a second process starting at the same moment —
// finds it and does nothing; rows that exist already (an admin's category or day) are kept.

export const DEFAULTS_MARKER = 'defaults.installed';
const SYSTEM = 'system';
/** The date the starting catalogue is valid from: before any demand the platform holds. */
const CATALOGUE_EPOCH = '2024-01-01T00:00:00.000Z';

/** Installs the starting catalogue and the 2024–2026 calendar once; later calls do nothing. */
export async function installDemandDefaults(db: Kysely<Database>, now: Date = new Date()): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const marked = await trx
      .insertInto('demandSettings')
      .values({ key: DEFAULTS_MARKER, value: JSON.stringify({ at }), updatedBy: SYSTEM, updatedAt: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(marked.numInsertedOrUpdatedRows ?? 0) === 0) return false;

    const existing = new Set(
      (await trx.selectFrom('demandCategories').select('code').execute()).map((r) => r.code),
    );
    const fresh = DEFAULT_CATALOGUE.filter((c) => !existing.has(c.code));
    if (fresh.length > 0) {
      await trx
        .insertInto('demandCategories')
        .values(
          fresh.map((c) => ({
            code: c.code,
            parentCode: c.code.includes('.') ? c.code.slice(0, c.code.lastIndexOf('.')) : null,
            nameZh: c.zh,
            nameEn: c.en,
            eventClass: c.eventClass,
            sortOrder: (DEFAULT_CATALOGUE.indexOf(c) + 1) * 10,
            active: 1,
            currentVersion: 1,
            createdAt: at,
            updatedAt: at,
          })),
        )
        .execute();
      await trx
        .insertInto('demandCategoryVersions')
        .values(
          fresh.map((c) => ({
            id: newId(),
            categoryCode: c.code,
            version: 1,
            handleLimit: c.limit,
            handleUnit: c.unit,
            firstContactHours: c.firstContactHours,
            defaultParty: c.party,
            departmentName: c.party === 'department' ? (c.department ?? null) : null,
            attributes: JSON.stringify(c.attributes ?? []),
            validFrom: CATALOGUE_EPOCH,
            createdBy: SYSTEM,
            note: null,
          })),
        )
        .execute();
    }

    const days = cnHolidayArrangements.flatMap((a) => [
      ...a.holidays.map((date) => ({ date, kind: 'holiday' as const })),
      ...a.makeupWorkdays.map((date) => ({ date, kind: 'workday' as const })),
    ]);
    const kept = new Set(
      (await trx.selectFrom('workCalendarDays').select('date').execute()).map((r) => r.date),
    );
    const newDays = days.filter((d) => !kept.has(d.date));
    if (newDays.length > 0)
      await trx
        .insertInto('workCalendarDays')
        .values(
          newDays.map((d) => ({
            ...d,
            name: cnHolidayName(d.date) ?? (d.kind === 'holiday' ? '放假' : '调休上班'),
            updatedBy: SYSTEM,
            updatedAt: at,
          })),
        )
        .execute();
    return true;
  });
}
