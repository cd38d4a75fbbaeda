// The transfer of a floating member's organisational relation into a grid branch
// (流动党员组织关系转入, CAPABILITIES §1.4) as a state machine:
//
//   requested ──accept──▶ accepted ──complete──▶ completed
//       └──────refuse (with a reason)──▶ refused
//
// refused and completed are final. Each step is dated (not after today, not before the step
// before it) and carries who took it.

import type { TRANSFER_STATUSES } from './party.table';

export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const TRANSFER_ACTIONS = ['accept', 'refuse', 'complete'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];

const TRANSITIONS: Record<TransferAction, { from: TransferStatus; to: TransferStatus }> = {
  accept: { from: 'requested', to: 'accepted' },
  refuse: { from: 'requested', to: 'refused' },
  complete: { from: 'accepted', to: 'completed' },
};

/** The status an action leads to from `from`, or null when the action is not allowed there. */
export function nextTransferStatus(from: TransferStatus, action: TransferAction): TransferStatus | null {
  const t = TRANSITIONS[action];
  return t.from === from ? t.to : null;
}

/** Actions open from a status: what the console offers as buttons. */
export function actionsFrom(status: TransferStatus): TransferAction[] {
  return TRANSFER_ACTIONS.filter((a) => TRANSITIONS[a].from === status);
}

/** Requested or accepted: the member's relation is on its way, so no second request may start. */
export function isOpenTransfer(status: TransferStatus): boolean {
  return actionsFrom(status).length > 0;
}

export interface TransferState {
  status: TransferStatus;
  requestedOn: string;
  decidedOn: string | null;
}

export type TransitionOutcome =
  | {
      ok: true;
      patch: {
        status: TransferStatus;
        decidedOn?: string;
        decidedBy?: string | null;
        reason?: string | null;
        completedOn?: string;
      };
    }
  | { ok: false; problem: 'invalid_transition' | 'future_date' | 'before_previous_step' | 'reason_required' };

/** Decides one step: the new status and the columns it sets, or why it is refused. */
export function applyTransferAction(opts: {
  transfer: TransferState;
  action: TransferAction;
  on: string;
  today: string;
  actorId: string | null;
  reason?: string | null | undefined;
}): TransitionOutcome {
  const { transfer, action, on, today } = opts;
  const to = nextTransferStatus(transfer.status, action);
  if (to === null) return { ok: false, problem: 'invalid_transition' };
  if (on > today) return { ok: false, problem: 'future_date' };
  const previous =
    action === 'complete' ? (transfer.decidedOn ?? transfer.requestedOn) : transfer.requestedOn;
  if (on < previous) return { ok: false, problem: 'before_previous_step' };
  const reason = opts.reason?.trim() || null;
  switch (action) {
    case 'accept':
      return { ok: true, patch: { status: to, decidedOn: on, decidedBy: opts.actorId, reason: null } };
    case 'refuse':
      if (!reason) return { ok: false, problem: 'reason_required' };
      return { ok: true, patch: { status: to, decidedOn: on, decidedBy: opts.actorId, reason } };
    case 'complete':
      return { ok: true, patch: { status: to, completedOn: on } };
  }
}
