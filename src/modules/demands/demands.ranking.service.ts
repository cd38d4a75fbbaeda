import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { chinaDateOf } from '../../lib/working-calendar';
import type { Actor } from '../iam/index';
import { RATE_TARGET, rankChange, rankEntries } from './demands.ranking';
import { rankingWorkbook } from './demands.ranking.workbook';
import { computeRates } from './demands.rates';
import { buildGrouping, figuresByGroup, type RateGroup } from './demands.rates.groups';
import { addMonths, chinaMonthOf, monthPeriod } from './demands.rates.period';
import type { RateRow } from './demands.rates.repository';
import * as repo from './demands.rates.repository';
import type { RankingQuery, RankingRow, RankingView } from './demands.rates.schemas';
import { placeView, resolvePlace, rowsOfPeriod, settingsView } from './demands.rates.service';
import { loadDemandSettings } from './demands.settings';

// The monthly ranking (月度排名) of communities, streets, grids or property companies within the
// caller's place, with each one's move since the month before. Ordering rules: demands.ranking.ts.

type Db = Kysely<Database>;

/** GET /demands/rates/ranking */
export async function getRanking(opts: {
  db: Db;
  actor: Actor;
  query: RankingQuery;
  now?: Date;
}): Promise<RankingView> {
  const { db, actor, query } = opts;
  const { place, scopes } = await resolvePlace(db, actor, query.areaCode);
  const month = query.month ?? chinaDateOf(opts.now ?? new Date()).slice(0, 7);
  const previous = addMonths(month, -1);
  const settings = (await loadDemandSettings(db)).rates;
  // One read for both months; each demand falls in the China month it was received in.
  const rows = await rowsOfPeriod(db, scopes, {
    from: monthPeriod(previous).from,
    to: monthPeriod(month).to,
  });
  const current: RateRow[] = [];
  const before: RateRow[] = [];
  for (const row of rows) (chinaMonthOf(row.receivedAt) === month ? current : before).push(row);

  const grouping = await buildGrouping(db, { by: query.level, place, scopes, rows });
  const now = figuresByGroup(grouping, current, settings);
  const then = figuresByGroup(grouping, before, settings);
  const entries = (figures: typeof now) =>
    grouping.groups.map((g) => ({
      key: g.key,
      group: g,
      figures: figures.get(g.key) ?? computeRates([], settings),
    }));
  const previousRank = new Map(rankEntries(entries(then)).map((e) => [e.key, e.rank]));
  const parents = await repo.placeNames(
    db,
    grouping.groups.flatMap((g) => (g.parentCode ? [g.parentCode] : [])),
  );
  const parentName = (g: RateGroup) => (g.parentCode ? (parents.get(g.parentCode) ?? null) : null);

  const out: RankingRow[] = rankEntries(entries(now)).map((e) => {
    const prev = previousRank.get(e.key) ?? null;
    return {
      rank: e.rank,
      key: e.key,
      name: e.group.name,
      parentName: parentName(e.group),
      figures: e.figures,
      previousRank: prev,
      change: rankChange(e.rank, prev),
    };
  });
  return {
    month,
    level: query.level,
    place: placeView(place),
    period: monthPeriod(month),
    settings: settingsView(settings),
    target: RATE_TARGET,
    rows: out,
  };
}

/** GET /demands/rates/ranking.xlsx: the same ranking as an Excel workbook. */
export async function exportRanking(opts: { db: Db; actor: Actor; query: RankingQuery; now?: Date }) {
  const ranking = await getRanking(opts);
  const body = await rankingWorkbook(ranking);
  const where = ranking.place ? `${ranking.place.name}_` : '';
  return {
    body,
    filename: `接诉即办三率排名_${where}${ranking.month}.xlsx`,
    fallback: `demands-ranking-${ranking.level}-${ranking.month}.xlsx`,
  };
}
