import type { Selectable } from 'kysely';
import type { BALLOT_CHOICES } from './owners.table';

// Tables of migration 0007: voting codes and paper ballots awaiting a second officer.

export const PAPER_ENTRY_STATUSES = ['pending', 'confirmed', 'discarded'] as const;

export interface VoteCodesTable {
  voteId: string;
  voterKey: string;
  /** SHA-256 of the vote id and the normalised code; the code itself is never stored. */
  codeHash: string;
  issuedAt: string;
  issuedBy: string;
  /** When the code cast its ballot; a used code casts nothing more. */
  usedAt: string | null;
}

export interface PaperBallotEntriesTable {
  id: string;
  voteId: string;
  voterKey: string;
  choice: (typeof BALLOT_CHOICES)[number];
  status: (typeof PAPER_ENTRY_STATUSES)[number];
  /** The officer who keyed the paper ballot in. */
  enteredBy: string;
  enteredAt: string;
  /** The second officer who confirmed or discarded it. */
  decidedBy: string | null;
  decidedAt: string | null;
  /** The ballot written at confirmation. */
  ballotId: string | null;
}

export interface OwnersVotesTables {
  voteCodes: VoteCodesTable;
  paperBallotEntries: PaperBallotEntriesTable;
}

export type VoteCodeRow = Selectable<VoteCodesTable>;
export type PaperEntryRow = Selectable<PaperBallotEntriesTable>;
