import type { DemandActionInput, DemandStatus, Rating } from '../api';

// The resident's callback answers (回访, Beijing 接诉即办 regulation art. 23): satisfied, basically
// satisfied or not, whether the problem was solved, and a comment. Only the person who filed the
// demand rates it, once it is closed (结案).

export const RATING_CHOICES = ['satisfied', 'basic', 'unsatisfied'] as const satisfies readonly Rating[];

export function mayRate(demand: { isMine: boolean; status: DemandStatus }): boolean {
  return demand.isMine && demand.status === 'closed';
}

export type RatingDraft = { rating: Rating | null; resolved: boolean | null; comment: string };

/** Both answers are needed; the comment is optional. */
export function canSendRating(draft: RatingDraft): boolean {
  return draft.rating !== null && draft.resolved !== null;
}

export function ratingBody(draft: RatingDraft): DemandActionInput {
  return {
    action: 'rate',
    rating: draft.rating,
    resolved: draft.resolved,
    note: draft.comment.trim() || null,
  };
}
