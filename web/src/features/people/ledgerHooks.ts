import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchTalentStats, fetchTalents, ledgerKeys } from './ledgerApi';
import type { TalentFilters } from './ledgerQuery';

/** Talents matching the filters, a page at a time (cursor). */
export function useTalents(filters: TalentFilters) {
  return useInfiniteQuery({
    queryKey: ledgerKeys.talents(filters),
    queryFn: ({ pageParam, signal }) => fetchTalents({ filters, after: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Talents counted below a place (the caller's scope when none), per child place, category and skill. */
export function useTalentStats(area: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.talentStats(area),
    queryFn: ({ signal }) => fetchTalentStats(area, signal),
    placeholderData: keepPreviousData,
  });
}
