import type { z } from 'zod';
import type {
  ballotAccessSchema,
  choiceSchema,
  confirmedEntrySchema,
  createVoteBodySchema,
  electorViewSchema,
  issuedCodesSchema,
  paperEntryViewSchema,
  publicVoteSchema,
  receiptCheckSchema,
  receiptSchema,
  tallySchema,
  voteTallySchema,
  voteViewSchema,
} from '../../../../../src/modules/owners/owners.votes.schemas';
import { ApiError, apiFetch, type Problem } from '../../../api/client';

export type Vote = z.infer<typeof voteViewSchema>;
export type VoteStatus = Vote['status'];
export type VoteInput = z.input<typeof createVoteBodySchema>;
export type VoteTally = z.infer<typeof voteTallySchema>;
export type Tally = z.infer<typeof tallySchema>;
export type Ratio = Tally['participation']['areaRatio'];
export type Elector = z.infer<typeof electorViewSchema>;
export type IssuedCodes = z.infer<typeof issuedCodesSchema>;
export type PaperEntry = z.infer<typeof paperEntryViewSchema>;
export type ConfirmedEntry = z.infer<typeof confirmedEntrySchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type BallotAccess = z.infer<typeof ballotAccessSchema>;
export type Receipt = z.infer<typeof receiptSchema>;
export type ReceiptCheck = z.infer<typeof receiptCheckSchema>;
export type PublicVote = z.infer<typeof publicVoteSchema>;

export const CHOICES: Choice[] = ['for', 'against', 'abstain'];
export const MATTER_ITEMS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

const BASE = '/api/v1/owners/votes';
const PUBLIC = '/api/v1/public/votes';
const enc = encodeURIComponent;

export const voteKeys = {
  all: ['ownersVotes'] as const,
  list: (compound: string) => ['ownersVotes', 'list', compound] as const,
  vote: (id: string) => ['ownersVotes', 'vote', id] as const,
  tally: (id: string) => ['ownersVotes', 'tally', id] as const,
  electors: (id: string) => ['ownersVotes', 'electors', id] as const,
  entries: (id: string) => ['ownersVotes', 'entries', id] as const,
  publicVote: (id: string) => ['ownersVotes', 'public', id] as const,
  receipt: (id: string, code: string) => ['ownersVotes', 'receipt', id, code] as const,
};

export function fetchVotes(compound: string, signal?: AbortSignal) {
  return apiFetch<{ items: Vote[]; nextCursor: string | null }>(BASE, {
    query: { compound: compound || undefined, limit: 100 },
    signal,
  });
}

export const fetchVote = (id: string, signal?: AbortSignal) =>
  apiFetch<Vote>(`${BASE}/${enc(id)}`, { signal });
export const fetchTally = (id: string, signal?: AbortSignal) =>
  apiFetch<VoteTally>(`${BASE}/${enc(id)}/tally`, { signal });
export const fetchElectors = (id: string, signal?: AbortSignal) =>
  apiFetch<{ items: Elector[] }>(`${BASE}/${enc(id)}/electors`, { signal });
export const fetchPaperEntries = (id: string, signal?: AbortSignal) =>
  apiFetch<{ items: PaperEntry[] }>(`${BASE}/${enc(id)}/paper-entries`, { signal });

export const createVote = (input: VoteInput) => apiFetch<Vote>(BASE, { method: 'POST', body: input });

export function actOnVote(input: { id: string; action: 'open' | 'close' | 'cancel'; reason?: string }) {
  const body = input.action === 'open' ? undefined : input.reason ? { reason: input.reason } : {};
  return apiFetch<Vote>(`${BASE}/${enc(input.id)}/${input.action}`, { method: 'POST', body });
}

/** Issues the codes, once, as JSON; the answer is the only copy there will ever be. */
export const issueCodes = (id: string) =>
  apiFetch<IssuedCodes>(`${BASE}/${enc(id)}/codes`, { method: 'POST', query: { format: 'json' } });

/**
 * Issues the codes, once, as a workbook to print, and hands it to the browser as a download.
 * apiFetch speaks JSON only; this is its sibling for the .xlsx answer (same cookie and CSRF header).
 */
export async function downloadCodesWorkbook(input: { id: string; csrfToken: string }): Promise<void> {
  const response = await fetch(`${BASE}/${enc(input.id)}/codes?format=xlsx`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': input.csrfToken, accept: 'application/problem+json, */*' },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(
      problem ?? {
        type: 'about:blank',
        title: response.statusText,
        status: response.status,
        code: 'internal.error',
      },
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `voting-codes-${input.id}.xlsx`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export const enterPaperBallot = (input: { id: string; voterKey: string; choice: Choice }) =>
  apiFetch<PaperEntry>(`${BASE}/${enc(input.id)}/paper-entries`, {
    method: 'POST',
    body: { voterKey: input.voterKey, choice: input.choice },
  });

export const confirmPaperEntry = (input: { id: string; entryId: string; choice: Choice }) =>
  apiFetch<ConfirmedEntry>(`${BASE}/${enc(input.id)}/paper-entries/${enc(input.entryId)}/confirm`, {
    method: 'POST',
    body: { choice: input.choice },
  });

export const discardPaperEntry = (input: { id: string; entryId: string }) =>
  apiFetch<PaperEntry>(`${BASE}/${enc(input.id)}/paper-entries/${enc(input.entryId)}/discard`, {
    method: 'POST',
    body: {},
  });

// Public: the owner's ballot page and receipts, without signing in.

export const fetchPublicVote = (id: string, signal?: AbortSignal) =>
  apiFetch<PublicVote>(`${PUBLIC}/${enc(id)}`, { signal });
export const accessBallot = (input: { id: string; code: string }) =>
  apiFetch<BallotAccess>(`${PUBLIC}/${enc(input.id)}/access`, { method: 'POST', body: { code: input.code } });
export const castBallot = (input: { id: string; code: string; choice: Choice }) =>
  apiFetch<Receipt>(`${PUBLIC}/${enc(input.id)}/ballots`, {
    method: 'POST',
    body: { code: input.code, choice: input.choice },
  });
export const checkReceipt = (input: { id: string; code: string; signal?: AbortSignal }) =>
  apiFetch<ReceiptCheck>(`${PUBLIC}/${enc(input.id)}/receipts/${enc(input.code)}`, { signal: input.signal });

/** Where the console links: the vote's live page, its result, and the owners' mobile pages. */
export const votePaths = {
  list: '/owners/votes',
  live: (id: string) => `/owners/votes/${enc(id)}`,
  result: (id: string) => `/owners/votes/${enc(id)}/result`,
  ballot: (id: string) => `/m/votes/${enc(id)}`,
  receipt: (id: string, code?: string) => `/m/votes/${enc(id)}/receipt${code ? `?code=${enc(code)}` : ''}`,
};
