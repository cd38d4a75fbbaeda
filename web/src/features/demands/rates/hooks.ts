import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  type FigureTarget,
  fetchRanking,
  fetchRateDemands,
  fetchRates,
  fetchTrend,
  type RankingParams,
  type RateGrouping,
  type RatesParams,
  ratesKeys,
} from './api';

/** The rates of a place and period with rows grouped by `by`. */
export function useRates(params: RatesParams, by: RateGrouping) {
  return useQuery({
    queryKey: ratesKeys.rates(params, by),
    queryFn: ({ signal }) => fetchRates({ ...params, by }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The demands behind a figure, 20 at a time; nothing while `target` is null (drawer closed). */
export function useFigureDemands(target: FigureTarget | null) {
  return useInfiniteQuery({
    queryKey: ratesKeys.demands(target ?? { figure: 'demands' }, null),
    queryFn: ({ signal, pageParam }) =>
      fetchRateDemands({ ...(target as FigureTarget), cursor: pageParam, limit: 20 }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: target !== null,
  });
}

export function useRanking(params: RankingParams) {
  return useQuery({
    queryKey: ratesKeys.ranking(params.month, params.level, params.areaCode ?? ''),
    queryFn: ({ signal }) => fetchRanking(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTrend(areaCode: string | undefined, months = 12) {
  return useQuery({
    queryKey: ratesKeys.trend(areaCode ?? '', months),
    queryFn: ({ signal }) => fetchTrend({ areaCode, months }, signal),
  });
}
