import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  actOnVote,
  confirmPaperEntry,
  createVote,
  discardPaperEntry,
  downloadCodesWorkbook,
  enterPaperBallot,
  fetchElectors,
  fetchPaperEntries,
  fetchTally,
  fetchVote,
  fetchVotes,
  issueCodes,
  voteKeys,
} from '../api';

/** How often the live page refreshes turnout and the paper entries while a vote is open. */
export const LIVE_POLL_MS = 5_000;

export function useVotes(compound: string) {
  return useQuery({
    queryKey: voteKeys.list(compound),
    queryFn: ({ signal }) => fetchVotes(compound, signal),
  });
}

export function useVote(id: string | undefined, live = false) {
  return useQuery({
    queryKey: voteKeys.vote(id ?? ''),
    queryFn: ({ signal }) => fetchVote(id as string, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => (live && query.state.data?.status === 'open' ? LIVE_POLL_MS : false),
  });
}

/** Turnout, polled every ~5 s while `live`; the final tally once closed. */
export function useTally(id: string | undefined, live = false) {
  return useQuery({
    queryKey: voteKeys.tally(id ?? ''),
    queryFn: ({ signal }) => fetchTally(id as string, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => (live && query.state.data?.status === 'open' ? LIVE_POLL_MS : false),
  });
}

export function useElectors(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: voteKeys.electors(id ?? ''),
    queryFn: ({ signal }) => fetchElectors(id as string, signal),
    enabled: Boolean(id) && enabled,
  });
}

export function usePaperEntries(id: string | undefined, live: boolean) {
  return useQuery({
    queryKey: voteKeys.entries(id ?? ''),
    queryFn: ({ signal }) => fetchPaperEntries(id as string, signal),
    enabled: Boolean(id) && live,
    refetchInterval: live ? LIVE_POLL_MS : false,
  });
}

function useInvalidateVotes() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: voteKeys.all });
}

export function useCreateVote() {
  const invalidate = useInvalidateVotes();
  return useMutation({ mutationFn: createVote, onSuccess: invalidate });
}

export function useVoteAction() {
  const invalidate = useInvalidateVotes();
  return useMutation({ mutationFn: actOnVote, onSuccess: invalidate });
}

export function useIssueCodes() {
  const invalidate = useInvalidateVotes();
  return useMutation({ mutationFn: issueCodes, onSuccess: invalidate });
}

export function useDownloadCodes() {
  const invalidate = useInvalidateVotes();
  return useMutation({ mutationFn: downloadCodesWorkbook, onSuccess: invalidate });
}

export function useEnterPaperBallot() {
  const invalidate = useInvalidateVotes();
  return useMutation({ mutationFn: enterPaperBallot, onSuccess: invalidate });
}

export function useConfirmPaperEntry() {
  const invalidate = useInvalidateVotes();
  return useMutation({ mutationFn: confirmPaperEntry, onSuccess: invalidate });
}

export function useDiscardPaperEntry() {
  const invalidate = useInvalidateVotes();
  return useMutation({ mutationFn: discardPaperEntry, onSuccess: invalidate });
}
