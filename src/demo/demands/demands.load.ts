// Loads the demo city's year of demands with the handling units they go to, in one transaction,
// after the area tree and the demo accounts (demands do not depend on residents). Runs only on the
// demo city, with a catalogue installed, and only once: a database with any demand or handling
// unit is left alone (they may be real, or edited).

import type { Kysely } from 'kysely';
import { bulkInsert, withIndexesDeferred } from '../../db/bulk-insert';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { loadDemandSettings, loadWorkingCalendar } from '../../modules/demands/demands.settings';
import { demoImportChangeId } from '../city/city.generate';
import { type DemoCityOptions, resolveOptions } from '../city/city.plan';
import { generateDemandsYear } from './demands.generate';
import { deriveDemoMessages, readCategoryNames } from './demands.messages';
import { readDemandPlaces, readDemoAccounts, readDemoCategories } from './demands.places';
import type { CounterInsert } from './demands.rows';
import { planDemoUnits } from './demands.units';

type Db = Kysely<Database>;

export interface DemoDemandsSummary {
  units: number;
  demands: number;
  events: number;
  whistles: number;
  ms: number;
}

export interface DemoDemandsOptions {
  db: Db;
  /** The app's personal-data cipher: reporters' names and phones are sealed with it. */
  cipher: FieldCipher;
  /** The city's options: its seed names the demands' too; onlyStreets limits the places. */
  city?: DemoCityOptions;
  /** The end of the demo year; the current time unless given. */
  now?: Date;
  /** Demands a grid receives in a year, on average. */
  perGrid?: number;
  log?: (msg: string) => void;
}

const number = (n: number) => n.toLocaleString('en-US');

async function alreadyThere(db: Db): Promise<boolean> {
  const demand = await db.selectFrom('demands').select('id').limit(1).executeTakeFirst();
  const unit = await db.selectFrom('handlingUnits').select('id').limit(1).executeTakeFirst();
  return demand !== undefined || unit !== undefined;
}

/** Day counters: ours where the day has none, the higher where it has (numbers stay unique). */
async function writeCounters(db: Db, counters: CounterInsert[]): Promise<void> {
  const existing = new Map(
    (await db.selectFrom('demandCounters').select(['day', 'last']).execute()).map((r) => [
      r.day,
      Number(r.last),
    ]),
  );
  await bulkInsert(
    db,
    'demandCounters',
    counters.filter((c) => !existing.has(c.day)),
  );
  for (const c of counters) {
    const last = existing.get(c.day);
    if (last !== undefined && last < Number(c.last))
      await db.updateTable('demandCounters').set({ last: c.last }).where('day', '=', c.day).execute();
  }
}

/** The year of demands, or null when there is nothing to do (not the demo city, no catalogue, loaded before). */
export async function loadDemoDemands(opts: DemoDemandsOptions): Promise<DemoDemandsSummary | null> {
  const started = performance.now();
  const { db } = opts;
  const city = opts.city ?? {};
  const isDemo = await db
    .selectFrom('areaChanges')
    .select('id')
    .where('id', '=', demoImportChangeId(city))
    .executeTakeFirst();
  if (!isDemo || (await alreadyThere(db))) return null;
  const categories = await readDemoCategories(db);
  if (categories.length === 0) {
    opts.log?.('demo demands: no demand catalogue installed, none generated');
    return null;
  }
  const now = opts.now ?? new Date();
  const settings = await loadDemandSettings(db);
  const calendar = await loadWorkingCalendar(db, settings);
  const places = await readDemandPlaces(db, city.onlyStreets ?? null);
  const seed = resolveOptions(city).seed;
  const stamp = new Date(now.getTime() - 400 * 86_400_000).toISOString();
  const departmentNames = [
    ...new Set(categories.map((c) => c.departmentName).filter((n): n is string => !!n)),
  ];
  const units = planDemoUnits({ seed, places, departmentNames, stamp });
  const accounts = await readDemoAccounts(db);
  const year = generateDemandsYear({
    seed,
    now,
    places,
    units,
    categories,
    calendar,
    cipher: opts.cipher,
    accounts,
    whistleReportHours: settings.whistleReportHours,
    ...(opts.perGrid !== undefined ? { perGrid: opts.perGrid } : {}),
  });
  await db.transaction().execute(async (trx) => {
    await bulkInsert(trx, 'handlingUnits', units.units);
    await bulkInsert(trx, 'handlingUnitPlaces', units.places);
    // Into empty tables: the demands' indexes are built once at the end; steps go in key order.
    await withIndexesDeferred(trx, 'demands', () => bulkInsert(trx, 'demands', year.demands));
    const bySeq = (a: { demandId: string; seq: number }, b: { demandId: string; seq: number }) =>
      a.demandId < b.demandId ? -1 : a.demandId > b.demandId ? 1 : a.seq - b.seq;
    await bulkInsert(trx, 'demandEvents', year.events.sort(bySeq));
    await bulkInsert(trx, 'demandWhistles', year.whistles);
    await writeCounters(trx, year.counters);
    // The resident's messages, from the records just written (demands.messages.ts).
    const resident = accounts.resident;
    if (resident)
      await bulkInsert(
        trx,
        'notifications',
        deriveDemoMessages({
          userId: resident.id,
          demands: year.demands,
          events: year.events,
          categoryNames: await readCategoryNames(trx),
        }),
      );
  });
  const summary: DemoDemandsSummary = {
    units: units.units.length,
    demands: year.demands.length,
    events: year.events.length,
    whistles: year.whistles.length,
    ms: Math.round(performance.now() - started),
  };
  opts.log?.(
    `demo demands loaded in ${number(summary.ms)} ms: ${number(summary.demands)} demands, ` +
      `${number(summary.events)} steps, ${number(summary.units)} handling units`,
  );
  return summary;
}
