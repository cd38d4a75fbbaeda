import type { z } from 'zod';
import { type Actor, can } from '../iam/index';
import type { OwnerVoteRow } from './owners.table';
import { OWNERS_MATTER_ITEMS, type OwnersMatterItem, thresholdFor } from './owners.vote-tally';
import type { publicVoteHeadSchema, VOTE_ACTIONS, voteViewSchema } from './owners.votes.schemas';
import type { TallyView } from './owners.votes.turnout';

// Rows mapped to responses on purpose: a view never carries a column not chosen for it.

export type VoteView = z.infer<typeof voteViewSchema>;
type VoteAction = (typeof VOTE_ACTIONS)[number];

/** What `owner_votes.result` holds once a vote is closed. */
export interface StoredResult {
  tally: TallyView;
  closedAt: string;
  closedBy: string;
  closedEarlyReason: string | null;
}

export function parseResult(row: OwnerVoteRow): StoredResult | null {
  return row.result ? (JSON.parse(row.result) as StoredResult) : null;
}

export interface VoteFigures {
  ballots: number;
  pending: number;
  codesIssued: boolean;
}

function actionsFor(row: OwnerVoteRow, figures: VoteFigures, actor: Actor): VoteAction[] {
  if (!can(actor, 'owners.write', row.path)) return [];
  if (row.status === 'draft') return ['edit', 'open', 'cancel'];
  if (row.status !== 'open') return [];
  const actions: VoteAction[] = [];
  if (!figures.codesIssued) actions.push('issue_codes');
  actions.push('close');
  if (figures.ballots === 0 && figures.pending === 0) actions.push('cancel');
  return actions;
}

export function toVoteView(
  row: OwnerVoteRow,
  opts: { compoundName: string | null; figures: VoteFigures; actor: Actor },
): VoteView {
  const item = row.item as OwnersMatterItem;
  return {
    id: row.id,
    compoundCode: row.compoundCode,
    compoundName: opts.compoundName,
    path: row.path,
    item,
    itemText: OWNERS_MATTER_ITEMS[item],
    threshold: thresholdFor(item),
    title: row.title,
    description: row.description,
    status: row.status,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    electorate:
      row.totalArea !== null && row.totalHeadcount !== null
        ? { totalArea: row.totalArea, totalHeadcount: row.totalHeadcount }
        : null,
    ballots: opts.figures.ballots,
    pendingPaperEntries: opts.figures.pending,
    codesIssued: opts.figures.codesIssued,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    actions: actionsFor(row, opts.figures, opts.actor),
  };
}

export function toPublicVoteHead(
  row: OwnerVoteRow,
  compoundName: string | null,
): z.infer<typeof publicVoteHeadSchema> {
  const item = row.item as OwnersMatterItem;
  return {
    id: row.id,
    compoundName,
    item,
    itemText: OWNERS_MATTER_ITEMS[item],
    threshold: thresholdFor(item),
    title: row.title,
    description: row.description,
    status: row.status,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
  };
}
