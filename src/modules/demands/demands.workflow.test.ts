import { describe, expect, it } from 'vitest';
import { DEMAND_STATUSES, type DemandStatus } from './demands.table';
import {
  actionsFrom,
  DEMAND_ACTION_NAMES,
  type DemandAction,
  FINAL_STATUSES,
  transition,
} from './demands.workflow';

// The expected state machine, written out independently of DEMAND_ACTIONS: for each action the
// states it may start from and where it leads (null keeps the state). Binzhou grid regulation
// art. 11; Beijing 接诉即办 regulation arts. 15, 16, 23, 33 (see demands.workflow.ts).
const OPEN_HANDLING: DemandStatus[] = ['dispatched', 'in_hand'];
const NOT_ENDED: DemandStatus[] = ['received', 'registered', 'dispatched', 'in_hand', 'replied', 'verified'];
const EXPECTED: Record<DemandAction, { from: DemandStatus[]; to: DemandStatus | null; reason: boolean }> = {
  register: { from: ['received'], to: 'registered', reason: false },
  decline: { from: ['received'], to: 'declined', reason: true },
  merge: { from: ['received', 'registered'], to: 'merged', reason: false },
  dispatch: { from: ['registered'], to: 'dispatched', reason: false },
  reassign: { from: OPEN_HANDLING, to: 'dispatched', reason: true },
  return: { from: OPEN_HANDLING, to: 'registered', reason: true },
  accept: { from: ['dispatched'], to: 'in_hand', reason: false },
  contact: { from: OPEN_HANDLING, to: null, reason: false },
  extend: { from: OPEN_HANDLING, to: null, reason: true },
  reply: { from: ['in_hand'], to: 'replied', reason: true },
  verify_pass: { from: ['replied'], to: 'verified', reason: false },
  verify_fail: { from: ['replied'], to: 'in_hand', reason: true },
  close: { from: ['verified'], to: 'closed', reason: false },
  rate: { from: ['closed'], to: 'rated', reason: false },
  whistle: { from: ['registered', 'dispatched', 'in_hand'], to: null, reason: true },
  report_in: { from: ['registered', 'dispatched', 'in_hand', 'replied'], to: null, reason: false },
  note: { from: NOT_ENDED, to: null, reason: true },
};

const everyPair = DEMAND_ACTION_NAMES.flatMap((action) =>
  DEMAND_STATUSES.map((status) => [action, status] as const),
);

describe('transition: every action × every status', () => {
  it('covers every action of the table', () => {
    expect([...DEMAND_ACTION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(everyPair)('%s from %s', (action, status) => {
    const rule = EXPECTED[action];
    const result = transition(status, action, 'a reason 理由');
    if (rule.from.includes(status)) {
      expect(result).toMatchObject({ ok: true, to: rule.to ?? status });
    } else {
      expect(result).toEqual({ ok: false, reason: 'invalid_transition' });
    }
  });
});

describe('transition: a reason where the action needs one', () => {
  const allowed = DEMAND_ACTION_NAMES.flatMap((action) =>
    EXPECTED[action].from.map((status) => [action, status, EXPECTED[action].reason] as const),
  );
  it.each(allowed)('%s from %s (reason needed: %s)', (action, status, needsReason) => {
    for (const note of [undefined, null, '', '   ', '\n\t']) {
      const result = transition(status, action, note);
      if (needsReason) expect(result).toEqual({ ok: false, reason: 'reason_required' });
      else expect(result.ok).toBe(true);
    }
    expect(transition(status, action, '  住户不在家，改约明日  ').ok).toBe(true);
  });

  it('checks the state before the reason', () => {
    expect(transition('rated', 'decline', '')).toEqual({ ok: false, reason: 'invalid_transition' });
  });
});

describe('actionsFrom', () => {
  it.each(DEMAND_STATUSES.map((s) => [s] as const))('%s', (status) => {
    const expected = DEMAND_ACTION_NAMES.filter((a) => EXPECTED[a].from.includes(status));
    expect(actionsFrom(status)).toEqual(expected);
  });

  it('leaves nothing open on a final state', () => {
    for (const status of FINAL_STATUSES) expect(actionsFrom(status)).toEqual([]);
  });

  it('opens the main path one step at a time', () => {
    expect(actionsFrom('received')).toEqual(['register', 'decline', 'merge', 'note']);
    expect(actionsFrom('closed')).toEqual(['rate']);
    expect(actionsFrom('verified')).toEqual(['close', 'note']);
  });
});
