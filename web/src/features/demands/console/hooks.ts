import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { areaKeys, fetchAreaGeoJson, type MapLevel } from '../../areas/api';
import {
  type DemandActionInput,
  type DemandListFilters,
  demandsKeys,
  fetchCategories,
  fetchDemand,
  fetchDemands,
  fetchDuplicates,
  fetchHandlingUnits,
  fetchResponsibleOptions,
  revealReporter,
  takeDemandAction,
} from '../api';

export function useCategories() {
  return useQuery({
    queryKey: demandsKeys.categories,
    queryFn: ({ signal }) => fetchCategories(signal),
    staleTime: 10 * 60_000,
  });
}

/** The inbox list, a page of 50 at a time ("load more" follows the cursor). */
export function useDemandList(filters: DemandListFilters) {
  return useInfiniteQuery({
    queryKey: demandsKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchDemands(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useDemand(id: string | undefined) {
  return useQuery({
    queryKey: demandsKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchDemand(id as string, signal),
    enabled: Boolean(id),
  });
}

export function useResponsibleOptions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: demandsKeys.responsibleOptions(id),
    queryFn: ({ signal }) => fetchResponsibleOptions(id, signal),
    enabled,
  });
}

export function useHandlingUnits(enabled: boolean) {
  return useQuery({
    queryKey: demandsKeys.units('all'),
    queryFn: ({ signal }) => fetchHandlingUnits(undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useDuplicates(input: { categoryCode?: string | undefined; lng?: number; lat?: number }) {
  const ready = Boolean(input.categoryCode) && input.lng !== undefined && input.lat !== undefined;
  return useQuery({
    queryKey: demandsKeys.duplicates(input.categoryCode ?? '', input.lng ?? 0, input.lat ?? 0),
    queryFn: ({ signal }) =>
      fetchDuplicates(
        { categoryCode: input.categoryCode as string, lng: input.lng as number, lat: input.lat as number },
        signal,
      ),
    enabled: ready,
  });
}

/** Boundaries to draw (the areas module's GeoJSON); `null` draws nothing. */
export function useBoundaries(query: { parent: string; level: MapLevel } | null) {
  return useQuery({
    queryKey: areaKeys.geojson(query?.parent ?? '', query?.level ?? 'grid'),
    queryFn: ({ signal }) =>
      fetchAreaGeoJson({
        parent: (query as { parent: string }).parent,
        level: (query as { level: MapLevel }).level,
        signal,
      }),
    enabled: query !== null,
    staleTime: 5 * 60_000,
  });
}

/** One handling step; the demand and the lists are fetched again after it. */
export function useDemandAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DemandActionInput) => takeDemandAction(id, body),
    onSuccess: (detail) => client.setQueryData(demandsKeys.detail(id), detail),
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: demandsKeys.detail(id) }),
        client.invalidateQueries({ queryKey: ['demands', 'list'] }),
        client.invalidateQueries({ queryKey: demandsKeys.responsibleOptions(id) }),
      ]);
    },
  });
}

export function useRevealReporter(id: string) {
  return useMutation({ mutationFn: (reason: string) => revealReporter(id, reason) });
}
