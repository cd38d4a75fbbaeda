import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { createWorkingCalendar, type WorkingCalendar, type WorkingHours } from '../../lib/working-calendar';

// The demands module's settings, stored as JSON rows in demand_settings and read with defaults.
// The three rates follow the Beijing 接诉即办 regulation art. 32 (响应率、解决率、满意率为核心内容);
// their weights, the weight of 基本满意 and which demands form the denominator are settings because
// the regulation leaves the method to the assessment rules (考评办法) and Binzhou sets its own.

type Q = Kysely<Database> | Transaction<Database>;

export interface RateSettings {
  /** Composite = response × w.response + resolution × w.resolution + satisfaction × w.satisfaction. */
  weights: { response: number; resolution: number; satisfaction: number };
  /** 基本满意 counts as this fraction of 满意 in the satisfaction rate. */
  basicFactor: number;
  /**
   * Which demands the rates are over: `callback` — rated demands with a valid resident callback
   * (有效回访); `closed` — every closed or rated demand with a valid callback number.
   */
  denominator: 'callback' | 'closed';
}

export interface DemandSettings {
  workingHours: WorkingHours;
  rates: RateSettings;
  /** A demand is due soon when its deadline is within this many working hours. */
  dueSoonHours: number;
  /** A summoned unit must report in (报到) within this many working hours of the whistle. */
  whistleReportHours: number;
  /** Possible duplicates: open demands of the same category within this distance and age. */
  duplicateRadiusMeters: number;
  duplicateWindowDays: number;
}

export const DEFAULT_DEMAND_SETTINGS: DemandSettings = {
  workingHours: { start: '09:00', end: '17:00' },
  rates: {
    weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 },
    basicFactor: 0.9,
    denominator: 'callback',
  },
  dueSoonHours: 8,
  whistleReportHours: 4,
  duplicateRadiusMeters: 200,
  duplicateWindowDays: 30,
};

export const SETTING_KEYS = Object.keys(DEFAULT_DEMAND_SETTINGS) as (keyof DemandSettings)[];

/** The settings in force: stored values over the defaults, key by key. */
export async function loadDemandSettings(db: Q): Promise<DemandSettings> {
  const rows = await db.selectFrom('demandSettings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const out = { ...DEFAULT_DEMAND_SETTINGS } as Record<string, unknown>;
  for (const key of SETTING_KEYS) if (key in stored) out[key] = stored[key];
  return out as unknown as DemandSettings;
}

/** The working calendar from the calendar table and the working hours setting. */
export async function loadWorkingCalendar(db: Q, settings?: DemandSettings): Promise<WorkingCalendar> {
  const rows = await db.selectFrom('workCalendarDays').select(['date', 'kind']).execute();
  const hours = (settings ?? (await loadDemandSettings(db))).workingHours;
  return createWorkingCalendar({
    holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.date),
    makeupWorkdays: rows.filter((r) => r.kind === 'workday').map((r) => r.date),
    workingHours: hours,
  });
}
