import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  applyTransferAction,
  isOpenTransfer,
  nextTransferStatus,
  TRANSFER_ACTIONS,
  type TransferStatus,
} from './party.transfer-machine';

const TODAY = '2026-11-27';

describe('the transfer state machine', () => {
  it.each([
    ['requested', 'accept', 'accepted'],
    ['requested', 'refuse', 'refused'],
    ['requested', 'complete', null],
    ['accepted', 'accept', null],
    ['accepted', 'refuse', null],
    ['accepted', 'complete', 'completed'],
    ['refused', 'accept', null],
    ['refused', 'complete', null],
    ['completed', 'accept', null],
    ['completed', 'refuse', null],
    ['completed', 'complete', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextTransferStatus(from, action)).toBe(to);
  });

  it.each([
    ['requested', ['accept', 'refuse'], true],
    ['accepted', ['complete'], true],
    ['refused', [], false],
    ['completed', [], false],
  ] as const)('from %s the console offers %j (open: %s)', (status, actions, open) => {
    expect(actionsFrom(status)).toEqual(actions);
    expect(isOpenTransfer(status)).toBe(open);
  });

  it('every action leads somewhere from exactly one status', () => {
    const statuses: TransferStatus[] = ['requested', 'accepted', 'refused', 'completed'];
    for (const action of TRANSFER_ACTIONS)
      expect(statuses.filter((s) => nextTransferStatus(s, action) !== null)).toHaveLength(1);
  });
});

describe('taking a step', () => {
  const requested = { status: 'requested' as const, requestedOn: '2026-11-20', decidedOn: null };
  const accepted = { status: 'accepted' as const, requestedOn: '2026-11-20', decidedOn: '2026-11-22' };

  it('accepting records the day and who decided', () => {
    expect(
      applyTransferAction({
        transfer: requested,
        action: 'accept',
        on: '2026-11-21',
        today: TODAY,
        actorId: 'u1',
      }),
    ).toEqual({
      ok: true,
      patch: { status: 'accepted', decidedOn: '2026-11-21', decidedBy: 'u1', reason: null },
    });
  });

  it('refusing needs a reason, and keeps it', () => {
    const base = { transfer: requested, action: 'refuse' as const, on: TODAY, today: TODAY, actorId: 'u1' };
    expect(applyTransferAction({ ...base, reason: '  ' })).toEqual({ ok: false, problem: 'reason_required' });
    expect(applyTransferAction({ ...base, reason: '介绍信抬头与本人不符' })).toMatchObject({
      ok: true,
      patch: { status: 'refused', reason: '介绍信抬头与本人不符' },
    });
  });

  it('completing records the day', () => {
    expect(
      applyTransferAction({ transfer: accepted, action: 'complete', on: TODAY, today: TODAY, actorId: 'u2' }),
    ).toEqual({
      ok: true,
      patch: { status: 'completed', completedOn: TODAY },
    });
  });

  it.each([
    ['completing a transfer still only requested', requested, 'complete', TODAY, 'invalid_transition'],
    ['accepting a transfer already accepted', accepted, 'accept', TODAY, 'invalid_transition'],
    ['a step dated tomorrow', requested, 'accept', '2026-11-28', 'future_date'],
    ['deciding before the request was made', requested, 'accept', '2026-11-19', 'before_previous_step'],
    ['completing before it was accepted', accepted, 'complete', '2026-11-21', 'before_previous_step'],
  ] as const)('refuses %s', (_n, transfer, action, on, problem) => {
    expect(applyTransferAction({ transfer, action, on, today: TODAY, actorId: 'u1', reason: 'x' })).toEqual({
      ok: false,
      problem,
    });
  });
});
