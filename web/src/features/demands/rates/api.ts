import type { RateFigure } from '../../../../../src/modules/demands/demands.rates.figures';
import type {
  RankingLevel,
  RankingView,
  RateDemandsView,
  RateGrouping,
  RatesView,
  TrendView,
} from '../../../../../src/modules/demands/demands.rates.schemas';
import { apiFetch, buildUrl } from '../../../api/client';

// Typed fetchers of the three rates (三率), the demands behind a figure, the ranking and the trend.

export type { RankingLevel, RankingView, RateDemandsView, RateFigure, RateGrouping, RatesView, TrendView };
export type RateFigures = RatesView['total'];
export type RateRow = RatesView['rows'][number];
export type RankingRow = RankingView['rows'][number];

const BASE = '/api/v1/demands/rates';

/** A place and a period: the place is the caller's scope and the period this month when left out. */
export type RatesParams = {
  areaCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** Which figure of which row (none: the total) to open. */
export type FigureTarget = RatesParams & {
  figure: RateFigure;
  by?: RateGrouping | undefined;
  groupKey?: string | undefined;
};

export const ratesKeys = {
  all: ['demandsRates'] as const,
  rates: (p: RatesParams, by: RateGrouping) =>
    ['demandsRates', 'rates', p.areaCode ?? '', p.from ?? '', p.to ?? '', by] as const,
  demands: (p: FigureTarget, cursor: string | null) =>
    [
      'demandsRates',
      'demands',
      p.areaCode ?? '',
      p.from ?? '',
      p.to ?? '',
      p.figure,
      p.by ?? '',
      p.groupKey ?? '',
      cursor,
    ] as const,
  ranking: (month: string, level: RankingLevel, areaCode: string) =>
    ['demandsRates', 'ranking', month, level, areaCode] as const,
  trend: (areaCode: string, months: number) => ['demandsRates', 'trend', areaCode, months] as const,
};

export const fetchRates = (p: RatesParams & { by: RateGrouping }, signal?: AbortSignal) =>
  apiFetch<RatesView>(BASE, { query: { areaCode: p.areaCode, from: p.from, to: p.to, by: p.by }, signal });

export const fetchRateDemands = (
  p: FigureTarget & { cursor: string | null; limit: number },
  signal?: AbortSignal,
) =>
  apiFetch<RateDemandsView>(`${BASE}/demands`, {
    query: {
      areaCode: p.areaCode,
      from: p.from,
      to: p.to,
      figure: p.figure,
      by: p.by,
      groupKey: p.groupKey,
      cursor: p.cursor ?? undefined,
      limit: p.limit,
    },
    signal,
  });

export type RankingParams = { month: string; level: RankingLevel; areaCode?: string | undefined };

export const fetchRanking = (p: RankingParams, signal?: AbortSignal) =>
  apiFetch<RankingView>(`${BASE}/ranking`, { query: p, signal });

/** Where the browser downloads the ranking as Excel (the session cookie goes with it). */
export const rankingExportUrl = (p: RankingParams) => buildUrl(`${BASE}/ranking.xlsx`, p);

export const fetchTrend = (p: { areaCode?: string | undefined; months: number }, signal?: AbortSignal) =>
  apiFetch<TrendView>(`${BASE}/trend`, { query: p, signal });
