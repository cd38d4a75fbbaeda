import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  abandonFormation,
  type DisclosureInput,
  fetchCompound,
  fetchCompounds,
  fetchDisclosures,
  fetchFormations,
  fetchMissing,
  fetchOwners,
  fetchPublicCompound,
  fetchReelections,
  fetchRegister,
  fetchStats,
  fetchUnits,
  ownersKeys,
  publishDisclosure,
  recordStep,
  type StartBody,
  type StepBody,
  startFormation,
} from '../api';

const enabled = (value: string | undefined): value is string => Boolean(value);

/** Compounds of a place with their committee state, a page at a time; `state` '' for all. */
export function useCompounds(area: string | undefined, state: string) {
  return useInfiniteQuery({
    queryKey: ownersKeys.compounds(area ?? '', state),
    queryFn: ({ signal, pageParam }) =>
      fetchCompounds({ area: area as string, state, after: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: enabled(area),
  });
}

export function useCommitteeStats(area: string | undefined) {
  return useQuery({
    queryKey: ownersKeys.stats(area ?? ''),
    queryFn: ({ signal }) => fetchStats(area as string, signal),
    enabled: enabled(area),
  });
}

export function useCompound(code: string | undefined) {
  return useQuery({
    queryKey: ownersKeys.compound(code ?? ''),
    queryFn: ({ signal }) => fetchCompound(code as string, signal),
    enabled: enabled(code),
  });
}

export function useFormations(area: string | undefined) {
  return useQuery({
    queryKey: ownersKeys.formations(area ?? ''),
    queryFn: ({ signal }) => fetchFormations(area as string, signal),
    enabled: enabled(area),
  });
}

export function useMissingCommittees(area: string | undefined) {
  return useQuery({
    queryKey: ownersKeys.missing(area ?? ''),
    queryFn: ({ signal }) => fetchMissing(area as string, signal),
    enabled: enabled(area),
  });
}

export function useReelectionsDue(area: string | undefined) {
  return useQuery({
    queryKey: ownersKeys.reelections(area ?? ''),
    queryFn: ({ signal }) => fetchReelections(area as string, signal),
    enabled: enabled(area),
  });
}

export function useDisclosures(code: string | undefined) {
  return useQuery({
    queryKey: ownersKeys.disclosures(code ?? ''),
    queryFn: ({ signal }) => fetchDisclosures(code as string, signal),
    enabled: enabled(code),
  });
}

export function useRegister(code: string | undefined) {
  return useQuery({
    queryKey: ownersKeys.register(code ?? ''),
    queryFn: ({ signal }) => fetchRegister(code as string, signal),
    enabled: enabled(code),
  });
}

export function useUnits(code: string | undefined) {
  return useInfiniteQuery({
    queryKey: ownersKeys.units(code ?? ''),
    queryFn: ({ signal, pageParam }) => fetchUnits(code as string, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: enabled(code),
  });
}

export function useOwnerList(code: string | undefined) {
  return useInfiniteQuery({
    queryKey: ownersKeys.owners(code ?? ''),
    queryFn: ({ signal, pageParam }) => fetchOwners(code as string, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: enabled(code),
  });
}

export function usePublicCompound(code: string | undefined) {
  return useQuery({
    queryKey: ownersKeys.publicCompound(code ?? ''),
    queryFn: ({ signal }) => fetchPublicCompound(code as string, signal),
    enabled: enabled(code),
    retry: false,
  });
}

/** Every owners query is stale after a write: lists, figures and watch lists move together. */
function useInvalidateOwners() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ownersKeys.all });
}

export function useStartFormation() {
  const invalidate = useInvalidateOwners();
  return useMutation({
    mutationFn: (input: { code: string; body: StartBody }) => startFormation(input.code, input.body),
    // Not awaited: the caller's own onSuccess runs before the refetch may unmount it.
    onSuccess: () => void invalidate(),
  });
}

export function useRecordStep() {
  const invalidate = useInvalidateOwners();
  return useMutation({
    mutationFn: (input: { id: string; body: StepBody }) => recordStep(input.id, input.body),
    // Not awaited: the caller's own onSuccess runs before the refetch may unmount it.
    onSuccess: () => void invalidate(),
  });
}

export function useAbandonFormation() {
  const invalidate = useInvalidateOwners();
  return useMutation({
    mutationFn: (input: { id: string; reason: string }) => abandonFormation(input.id, input.reason),
    // Not awaited: the caller's own onSuccess runs before the refetch may unmount it.
    onSuccess: () => void invalidate(),
  });
}

export function usePublishDisclosure() {
  const invalidate = useInvalidateOwners();
  return useMutation({
    mutationFn: (input: { code: string; body: DisclosureInput }) => publishDisclosure(input.code, input.body),
    // Not awaited: the caller's own onSuccess runs before the refetch may unmount it.
    onSuccess: () => void invalidate(),
  });
}
