import { describe, expect, it } from 'vitest';
import { type DemandStep, noticesForStep } from './demands.notices';
import { DEMAND_ACTION_NAMES, DEMAND_ACTIONS, type DemandAction } from './demands.workflow';

// Who is told what on each of the 17 steps: the reporter and followers of the steps that change
// what they can expect, the handler of assignments and rework, never the actor, and only masked
// notes and no reporter data in anyone's message.

const DUE = '2026-12-03T09:00:00.000Z';
const NEW_DUE = '2026-12-08T09:00:00.000Z';

function step(action: DemandAction, over: Partial<DemandStep> = {}): DemandStep {
  const from = DEMAND_ACTIONS[action].from[0];
  return {
    demand: {
      id: 'd1',
      number: '2026112700042',
      reporterUserId: 'reporter',
      handlerUserId: 'handler-old',
      dueAt: DUE,
    },
    action,
    toStatus: DEMAND_ACTIONS[action].to ?? from,
    data: {},
    note: null,
    actor: { kind: 'user', id: 'official' },
    followerUserIds: ['follower'],
    category: { zh: '水电维修', en: 'Water and power' },
    ...over,
  };
}

const CASES: {
  action: DemandAction;
  over?: Partial<DemandStep>;
  told: { kind: string; to: string[]; subject?: string; params?: Record<string, unknown> }[];
}[] = [
  { action: 'register', told: [{ kind: 'demand.registered', to: ['reporter', 'follower'] }] },
  {
    action: 'decline',
    over: { note: '不属于受理范围，请拨打13812345678咨询', data: { reason: 'x' } },
    told: [
      {
        kind: 'demand.declined',
        to: ['reporter', 'follower'],
        params: { reason: '不属于受理范围，请拨打138****5678咨询' },
      },
    ],
  },
  {
    action: 'merge',
    over: { data: { intoId: 'd0', intoNumber: '2026112600007' } },
    told: [
      {
        kind: 'demand.merged',
        to: ['reporter', 'follower'],
        subject: 'd0',
        params: { intoId: 'd0', intoNumber: '2026112600007', number: '2026112700042' },
      },
    ],
  },
  {
    action: 'dispatch',
    over: {
      data: {
        responsible: { kind: 'grid', ref: 'g1', name: '第1网格' },
        handlerUserId: 'handler',
        dueAt: DUE,
      },
    },
    told: [
      {
        kind: 'demand.dispatched',
        to: ['reporter', 'follower'],
        params: { responsibleName: '第1网格', dueAt: DUE },
      },
      { kind: 'demand.assigned', to: ['handler'], params: { dueAt: DUE, reassigned: false } },
    ],
  },
  {
    action: 'reassign',
    over: { note: '改派物业', data: { responsible: { name: '安居物业' }, handlerUserId: 'handler-new' } },
    told: [{ kind: 'demand.assigned', to: ['handler-new'], params: { dueAt: DUE, reassigned: true } }],
  },
  { action: 'return', over: { note: '非本单位职责' }, told: [] },
  { action: 'accept', over: { data: { handlerUserId: 'handler' } }, told: [] },
  { action: 'contact', told: [] },
  {
    action: 'extend',
    over: { note: '需要采购配件', data: { previousDueAt: DUE, dueAt: NEW_DUE } },
    told: [
      {
        kind: 'demand.extended',
        to: ['reporter', 'follower'],
        params: { dueAt: NEW_DUE, reason: '需要采购配件' },
      },
    ],
  },
  {
    action: 'reply',
    over: { note: '已联系 13812345678 并更换灯泡' },
    told: [
      {
        kind: 'demand.replied',
        to: ['reporter', 'follower'],
        params: { reply: '已联系 138****5678 并更换灯泡' },
      },
    ],
  },
  { action: 'verify_pass', told: [] },
  {
    action: 'verify_fail',
    over: { note: '现场仍未修好', data: { rework: 1 } },
    told: [{ kind: 'demand.rework', to: ['handler-old'], params: { reason: '现场仍未修好', rework: 1 } }],
  },
  { action: 'close', told: [{ kind: 'demand.closed', to: ['reporter', 'follower'] }] },
  { action: 'rate', over: { actor: { kind: 'user', id: 'reporter' } }, told: [] },
  { action: 'whistle', over: { note: '请城管到场' }, told: [] },
  { action: 'report_in', told: [] },
  { action: 'note', over: { note: '已电话沟通' }, told: [] },
];

describe('who is told of a step on a demand', () => {
  it('covers every one of the workflow’s actions', () => {
    expect(CASES.map((c) => c.action).sort()).toEqual([...DEMAND_ACTION_NAMES].sort());
    expect(DEMAND_ACTION_NAMES).toHaveLength(17);
  });

  it.each(CASES)('$action tells $told.length kind(s) of message', ({ action, over, told }) => {
    const notices = noticesForStep(step(action, over));
    expect(notices.map((n) => ({ kind: n.kind, to: n.userIds }))).toEqual(
      told.map((t) => ({ kind: t.kind, to: t.to })),
    );
    for (const [i, t] of told.entries()) {
      const n = notices[i]!;
      expect(n.subjectId).toBe(t.subject ?? 'd1');
      expect(n.params).toMatchObject({
        number: '2026112700042',
        categoryZh: '水电维修',
        categoryEn: 'Water and power',
        ...t.params,
      });
    }
  });

  it('never tells the actor of their own step', () => {
    const own = noticesForStep(
      step('dispatch', {
        actor: { kind: 'user', id: 'handler' },
        followerUserIds: ['follower', 'handler'],
        data: { handlerUserId: 'handler', dueAt: DUE, responsible: { name: '第1网格' } },
      }),
    );
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ kind: 'demand.dispatched', userIds: ['reporter', 'follower'] });
    expect(noticesForStep(step('register', { actor: { kind: 'user', id: 'reporter' } }))[0]?.userIds).toEqual(
      ['follower'],
    );
  });

  it('tells an anonymous reporter too, and each person once', () => {
    const notices = noticesForStep(step('close', { followerUserIds: ['follower', 'reporter', 'follower'] }));
    expect(notices[0]?.userIds).toEqual(['reporter', 'follower']);
  });

  it('tells nobody when the demand has no signed-in reporter, follower or handler', () => {
    const bare = { ...step('register').demand, reporterUserId: null, handlerUserId: null };
    for (const action of DEMAND_ACTION_NAMES)
      expect(noticesForStep(step(action, { demand: bare, followerUserIds: [], data: {} }))).toEqual([]);
  });

  it('a token’s step tells the people concerned (a token is never one of them)', () => {
    const notices = noticesForStep(step('register', { actor: { kind: 'token', id: 'reporter' } }));
    expect(notices[0]?.userIds).toEqual(['reporter', 'follower']);
  });

  it('a handler’s message names the number and category only', () => {
    const [, assigned] = noticesForStep(
      step('dispatch', { data: { handlerUserId: 'handler', dueAt: DUE, responsible: { name: '第1网格' } } }),
    );
    expect(Object.keys(assigned!.params).sort()).toEqual(
      ['categoryEn', 'categoryZh', 'dueAt', 'number', 'reassigned'].sort(),
    );
  });
});
