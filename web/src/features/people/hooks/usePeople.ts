import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type CreateResidentBody,
  createResident,
  fetchHousehold,
  fetchMoves,
  fetchResident,
  fetchResidents,
  peopleKeys,
  type ResidentFilters,
  revealNumbers,
  type UpdateResidentBody,
  updateResident,
} from '../api';

/**
 * Residents matching the filters, a page at a time (cursor). `searchSeq` changes with every submitted
 * number search, so that the cache key tells searches apart without holding the number itself.
 */
export function useResidents(filters: ResidentFilters, searchSeq: number) {
  return useInfiniteQuery({
    queryKey: peopleKeys.list(filters, filters.idNumber || filters.phone ? searchSeq : 0),
    queryFn: ({ pageParam, signal }) => fetchResidents({ filters, after: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useResident(id: string | undefined) {
  return useQuery({
    queryKey: peopleKeys.resident(id ?? ''),
    queryFn: ({ signal }) => fetchResident(id as string, signal),
    enabled: Boolean(id),
  });
}

export function useHousehold(code: string | null | undefined) {
  return useQuery({
    queryKey: peopleKeys.household(code ?? ''),
    queryFn: ({ signal }) => fetchHousehold(code as string, signal),
    enabled: Boolean(code),
  });
}

export function useMoves(id: string | undefined) {
  return useQuery({
    queryKey: peopleKeys.moves(id ?? ''),
    queryFn: ({ signal }) => fetchMoves(id as string, signal),
    enabled: Boolean(id),
  });
}

/** Registers a resident; every people view is refreshed afterwards. */
export function useCreateResident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResidentBody) => createResident(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useUpdateResident(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateResidentBody) => updateResident(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

/** A mutation, not a query: the full numbers live in the component that asked, not in the cache. */
export function useRevealNumbers(id: string) {
  return useMutation({ mutationFn: (reason: string) => revealNumbers(id, reason), gcTime: 0 });
}
