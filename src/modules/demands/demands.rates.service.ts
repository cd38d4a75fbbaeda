import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldProblem } from '../../server/errors';
import type { Actor } from '../iam/index';
import { demandScopes } from './demands.access';
import { demandsErrors } from './demands.errors';
import { computeRates } from './demands.rates';
import { inFigure } from './demands.rates.figures';
import { buildGrouping, figuresByGroup } from './demands.rates.groups';
import { rateListItems } from './demands.rates.items';
import {
  chinaMonthOf,
  isCalendarDay,
  lastMonths,
  monthPeriod,
  monthToDate,
  type Period,
  periodDays,
  periodInstants,
} from './demands.rates.period';
import type { PlaceRow, RateRow } from './demands.rates.repository';
import * as repo from './demands.rates.repository';
import type {
  RateDemandsQuery,
  RateDemandsView,
  RateRowView,
  RatesQuery,
  RatesView,
  TrendQuery,
  TrendView,
} from './demands.rates.schemas';
import { loadDemandSettings, type RateSettings } from './demands.settings';

// The three rates (三率, Beijing 接诉即办 regulation art. 32) for a place and period, the rows under
// it, the demands behind any figure, and the monthly trend. Scope first: demandScopes gives 403
// without demands.read anywhere and 404 for a place outside the caller's scope; every query is
// then limited to the scopes it returns. Figures come from demands.rates.ts only.

type Db = Kysely<Database>;

/** The longest period one request may cover (three years). */
const MAX_PERIOD_DAYS = 3 * 366;

export interface ScopedPlace {
  /** The place meant, or null when the caller's scope is several places and none was named. */
  place: PlaceRow | null;
  scopes: string[];
}

/** The place asked for (or the caller's scope) and the scopes to read; 403/404 as demandScopes. */
export async function resolvePlace(db: Db, actor: Actor, areaCode: string | undefined): Promise<ScopedPlace> {
  const scopes = await demandScopes(db, actor, areaCode);
  if (areaCode) return { place: (await repo.findActivePlace(db, areaCode)) ?? null, scopes };
  if (scopes.length !== 1) return { place: null, scopes };
  return { place: (await repo.placesAtPaths(db, scopes))[0] ?? null, scopes };
}

export const placeView = (p: PlaceRow | null) => (p ? { code: p.code, name: p.name, level: p.level } : null);

export const settingsView = (s: RateSettings) => ({
  weights: { ...s.weights },
  basicFactor: s.basicFactor,
  denominator: s.denominator,
});

const queryProblem = (field: string, reason: string, zh: string, en: string): FieldProblem => ({
  field,
  in: 'query',
  reason,
  message: { zh, en },
});

/** The period asked for: `from`…`to` (China days), by default the current month to date. */
export function resolvePeriod(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Period {
  const fallback = monthToDate(now);
  const problems: FieldProblem[] = [];
  for (const field of ['from', 'to'] as const) {
    const day = query[field];
    if (day !== undefined && !isCalendarDay(day))
      problems.push(queryProblem(field, 'invalid_date', '不是有效日期', 'Not a calendar day'));
  }
  if (problems.length) throw demandsErrors.invalidPeriod(problems);
  const to = query.to ?? (query.from && query.from > fallback.to ? query.from : fallback.to);
  const from = query.from ?? (query.to ? `${query.to.slice(0, 7)}-01` : fallback.from);
  if (from > to)
    throw demandsErrors.invalidPeriod([
      queryProblem('to', 'before_from', '截止日期早于起始日期', 'The end is before the start'),
    ]);
  if (periodDays({ from, to }) > MAX_PERIOD_DAYS)
    throw demandsErrors.invalidPeriod([
      queryProblem('to', 'too_long', '统计期间不能超过三年', 'A period may cover at most three years'),
    ]);
  return { from, to };
}

/** Demands of the scopes received in the period (by China day of receipt), one query. */
export function rowsOfPeriod(db: Db, scopes: string[], period: Period): Promise<RateRow[]> {
  return repo.rateRowsIn(db, { scopes, ...periodInstants(period) });
}

const byDemandsThenName = (a: RateRowView, b: RateRowView) =>
  b.figures.demands - a.figures.demands ||
  a.name.localeCompare(b.name, 'zh-CN') ||
  a.key.localeCompare(b.key);

/** GET /demands/rates: the total of the place and period and one row per group of `by`. */
export async function getRates(opts: {
  db: Db;
  actor: Actor;
  query: RatesQuery;
  now?: Date;
}): Promise<RatesView> {
  const { db, actor, query } = opts;
  const { place, scopes } = await resolvePlace(db, actor, query.areaCode);
  const period = resolvePeriod(query, opts.now ?? new Date());
  const settings = (await loadDemandSettings(db)).rates;
  const rows = await rowsOfPeriod(db, scopes, period);
  const grouping = await buildGrouping(db, { by: query.by, place, scopes, rows });
  const figures = figuresByGroup(grouping, rows, settings);
  const out: RateRowView[] = [];
  for (const g of grouping.groups) {
    const f = figures.get(g.key) ?? computeRates([], settings);
    if (g.direct && f.demands === 0) continue;
    out.push({
      key: g.key,
      name: g.name,
      ...(g.level ? { level: g.level } : {}),
      ...(g.kind ? { kind: g.kind } : {}),
      ...(g.direct ? { direct: true } : {}),
      figures: f,
    });
  }
  const placeRows = ['children', 'grid', 'community', 'street', 'district'].includes(query.by);
  if (!placeRows) out.sort(byDemandsThenName);
  return {
    place: placeView(place),
    period,
    settings: settingsView(settings),
    by: query.by,
    total: computeRates(rows, settings),
    rows: out,
  };
}

/**
 * GET /demands/rates/demands: the demands counted in one figure of the total or of one row,
 * newest received first, a page at a time (the cursor is the offset into that list).
 */
export async function listFigureDemands(opts: {
  db: Db;
  actor: Actor;
  query: RateDemandsQuery;
  now?: Date;
}): Promise<RateDemandsView> {
  const { db, actor, query } = opts;
  const now = opts.now ?? new Date();
  const { place, scopes } = await resolvePlace(db, actor, query.areaCode);
  const period = resolvePeriod(query, now);
  const allSettings = await loadDemandSettings(db);
  const settings = allSettings.rates;
  let rows = await rowsOfPeriod(db, scopes, period);
  if (query.groupKey !== undefined) {
    const grouping = await buildGrouping(db, { by: query.by, place, scopes, rows });
    rows = rows.filter((r) => grouping.keyOf(r) === query.groupKey);
  }
  const members = rows
    .filter((r) => inFigure(query.figure, r, settings))
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id));
  const offset = Number(query.cursor ?? 0);
  const page = members.slice(offset, offset + query.limit);
  const items = await rateListItems(db, { ids: page.map((r) => r.id), now, settings: allSettings });
  const next = offset + query.limit;
  return {
    figure: query.figure,
    period,
    items,
    nextCursor: next < members.length ? String(next) : null,
    total: members.length,
  };
}

/** GET /demands/rates/trend: the figures of each of the last `months` China months (this one last). */
export async function getTrend(opts: {
  db: Db;
  actor: Actor;
  query: TrendQuery;
  now?: Date;
}): Promise<TrendView> {
  const { db, actor, query } = opts;
  const { place, scopes } = await resolvePlace(db, actor, query.areaCode);
  const months = lastMonths(opts.now ?? new Date(), query.months);
  const settings = (await loadDemandSettings(db)).rates;
  const first = monthPeriod(months[0]!);
  const last = monthPeriod(months[months.length - 1]!);
  const rows = await rowsOfPeriod(db, scopes, { from: first.from, to: last.to });
  const byMonth = new Map<string, RateRow[]>(months.map((m) => [m, []]));
  for (const row of rows) byMonth.get(chinaMonthOf(row.receivedAt))?.push(row);
  return {
    place: placeView(place),
    settings: settingsView(settings),
    months: months.map((month) => ({
      month,
      period: monthPeriod(month),
      figures: computeRates(byMonth.get(month) ?? [], settings),
    })),
  };
}
