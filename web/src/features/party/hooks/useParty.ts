import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  actOnTransfer,
  createLifeRecord,
  fetchBranchStates,
  fetchChecklist,
  fetchEntityOperation,
  fetchMembers,
  fetchOrg,
  fetchOrgTree,
  fetchReach,
  fetchTransfers,
  fetchUnreached,
  partyKeys,
  requestTransfer,
  type TransferStatus,
} from '../api';

/** The organisations of a place, `levels` kinds deep (the caller's scope when no place is given). */
export function useOrgTree(root: string | undefined, levels: number, enabled = true) {
  return useQuery({
    queryKey: partyKeys.tree(root, levels),
    queryFn: ({ signal }) => fetchOrgTree({ root, levels, signal }),
    enabled,
  });
}

export function useOrg(id: string | undefined) {
  return useQuery({
    queryKey: partyKeys.org(id ?? ''),
    queryFn: ({ signal }) => fetchOrg(id as string, signal),
    enabled: Boolean(id),
  });
}

export function useChecklist() {
  return useQuery({ queryKey: partyKeys.checklist, queryFn: ({ signal }) => fetchChecklist(signal) });
}

export function useEntityOperation(area: string | undefined) {
  return useQuery({
    queryKey: partyKeys.entityOperation(area ?? ''),
    queryFn: ({ signal }) => fetchEntityOperation(area as string, signal),
    enabled: Boolean(area),
  });
}

/** Branches of a place against the checklist, a page at a time; `met` '' for all. */
export function useBranchStates(area: string | undefined, met: '' | 'true' | 'false') {
  return useInfiniteQuery({
    queryKey: partyKeys.branches(area ?? '', met),
    queryFn: ({ signal, pageParam }) =>
      fetchBranchStates({ area: area as string, met: met || undefined, after: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: Boolean(area),
  });
}

export function useReach(area: string | undefined) {
  return useQuery({
    queryKey: partyKeys.reach(area ?? ''),
    queryFn: ({ signal }) => fetchReach(area as string, signal),
    enabled: Boolean(area),
  });
}

export function useUnreached(area: string | undefined) {
  return useInfiniteQuery({
    queryKey: partyKeys.unreached(area ?? ''),
    queryFn: ({ signal, pageParam }) => fetchUnreached({ area: area as string, after: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: Boolean(area),
  });
}

export function useTransfers(status: TransferStatus | '') {
  return useInfiniteQuery({
    queryKey: partyKeys.transfers(status),
    queryFn: ({ signal, pageParam }) =>
      fetchTransfers({ status: status || undefined, after: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Members living in a place whose relation sits elsewhere: candidates for a transfer. */
export function useTransferCandidates(area: string | undefined, q: string) {
  return useQuery({
    queryKey: partyKeys.members(area ?? '', q),
    queryFn: ({ signal }) => fetchMembers({ area: area as string, q, signal }),
    enabled: Boolean(area),
  });
}

/** Mutations refresh everything party-related: rates and lists depend on each other. */
function useInvalidateParty() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: partyKeys.all });
}

export function useCreateLifeRecord() {
  const invalidate = useInvalidateParty();
  return useMutation({ mutationFn: createLifeRecord, onSuccess: invalidate });
}

export function useRequestTransfer() {
  const invalidate = useInvalidateParty();
  return useMutation({ mutationFn: requestTransfer, onSuccess: invalidate });
}

export function useActOnTransfer() {
  const invalidate = useInvalidateParty();
  return useMutation({ mutationFn: actOnTransfer, onSuccess: invalidate });
}
