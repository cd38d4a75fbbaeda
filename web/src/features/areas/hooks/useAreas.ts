import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  areaKeys,
  fetchAreaGeoJson,
  fetchAreaHistory,
  fetchAreaNode,
  fetchAreaTree,
  fetchGridProfile,
  fetchPublicGrid,
  type MapLevel,
  searchAreas,
} from '../api';

/** The caller's scope roots (滨州市 for a city admin, 市中街道 for a street official). */
export function useScopeRoots() {
  return useQuery({
    queryKey: areaKeys.tree(undefined, 1),
    queryFn: ({ signal }) => fetchAreaTree({ depth: 1, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useAreaNode(code: string | undefined) {
  return useQuery({
    queryKey: areaKeys.node(code ?? ''),
    queryFn: ({ signal }) => fetchAreaNode(code as string, signal),
    enabled: Boolean(code),
  });
}

export function useAreaHistory(code: string | undefined) {
  return useQuery({
    queryKey: areaKeys.history(code ?? ''),
    queryFn: ({ signal }) => fetchAreaHistory(code as string, signal),
    enabled: Boolean(code),
  });
}

/** Boundaries of the places at `level` below `parent`; `level` null (nothing drawn below) skips the request. */
export function useAreaGeoJson(parent: string | undefined, level: MapLevel | null) {
  return useQuery({
    queryKey: areaKeys.geojson(parent ?? '', level ?? 'district'),
    queryFn: ({ signal }) => fetchAreaGeoJson({ parent: parent as string, level: level as MapLevel, signal }),
    enabled: Boolean(parent) && level !== null,
    staleTime: 5 * 60_000,
  });
}

/** Areas whose name or code matches `q` (already debounced by the caller); nothing for an empty query. */
export function useAreaSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: areaKeys.search(query),
    queryFn: ({ signal }) => searchAreas({ q: query, limit: 20, signal }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useGridProfile(code: string | undefined) {
  return useQuery({
    queryKey: areaKeys.gridProfile(code ?? ''),
    queryFn: ({ signal }) => fetchGridProfile(code as string, signal),
    enabled: Boolean(code),
  });
}

export function usePublicGrid(code: string | undefined) {
  return useQuery({
    queryKey: areaKeys.publicGrid(code ?? ''),
    queryFn: ({ signal }) => fetchPublicGrid(code as string, signal),
    enabled: Boolean(code),
  });
}
