import type { DemandStatus } from './demands.table';

// The demand workflow as one table: for each action, the states it may start from, the state it
// leads to, and the permission it needs over the demand's place. The Binzhou grid regulation
// art. 11 sets the path (收集 → 上传 → 流转办理 → 办结 → 反馈, and a unit that is not responsible
// says so: 退回); the Beijing 接诉即办 regulation adds first contact (art. 15(1)), extension with a
// reason (art. 15(2)), reply within the limit (art. 15(3)) and the callback when the limit expires
// (art. 23); its art. 16 and 33 the whistle (吹哨) and report-in (报到). Anything not in the table
// is refused with demands.invalid_transition.

export type DemandPermission = 'demands.read' | 'demands.create' | 'demands.handle' | 'demands.manage';

export interface ActionRule {
  from: readonly DemandStatus[];
  /** The state after the action; `null` keeps the state (a step recorded on the timeline). */
  to: DemandStatus | null;
  /** Needed over the demand's place. `rate` is also open to the demand's own reporter. */
  permission: DemandPermission;
  /** The action must say why (note required). */
  needsReason: boolean;
}

const OPEN_HANDLING: readonly DemandStatus[] = ['dispatched', 'in_hand'];
const NOT_ENDED: readonly DemandStatus[] = [
  'received',
  'registered',
  'dispatched',
  'in_hand',
  'replied',
  'verified',
];

export const DEMAND_ACTIONS = {
  /** 立案 */
  register: { from: ['received'], to: 'registered', permission: 'demands.manage', needsReason: false },
  /** 不予立案, with the reason told to the resident. */
  decline: { from: ['received'], to: 'declined', permission: 'demands.manage', needsReason: true },
  /** The same matter as another open demand: this one follows that one. */
  merge: { from: ['received', 'registered'], to: 'merged', permission: 'demands.manage', needsReason: false },
  /** 派遣 to the responsible party. */
  dispatch: { from: ['registered'], to: 'dispatched', permission: 'demands.manage', needsReason: false },
  /** 改派 to another party. */
  reassign: { from: OPEN_HANDLING, to: 'dispatched', permission: 'demands.manage', needsReason: true },
  /** 退回: not this unit's duty (Binzhou art. 11 para. 2), back to the dispatcher. */
  return: { from: OPEN_HANDLING, to: 'registered', permission: 'demands.handle', needsReason: true },
  /** 签收: the handler takes it in hand. */
  accept: { from: ['dispatched'], to: 'in_hand', permission: 'demands.handle', needsReason: false },
  /** 首次联系诉求人 (Beijing art. 15(1)); the first one counts for the response rate. */
  contact: { from: OPEN_HANDLING, to: null, permission: 'demands.handle', needsReason: false },
  /** 延期 with the reason told to the resident (Beijing art. 15(2)). */
  extend: { from: OPEN_HANDLING, to: null, permission: 'demands.manage', needsReason: true },
  /** 反馈 the result (Beijing art. 15(3)). */
  reply: { from: ['in_hand'], to: 'replied', permission: 'demands.handle', needsReason: true },
  /** 核查通过 */
  verify_pass: { from: ['replied'], to: 'verified', permission: 'demands.manage', needsReason: false },
  /** 核查不通过: back to handling, counted as rework (返工). */
  verify_fail: { from: ['replied'], to: 'in_hand', permission: 'demands.manage', needsReason: true },
  /** 结案 */
  close: { from: ['verified'], to: 'closed', permission: 'demands.manage', needsReason: false },
  /** 回访评价 by the resident, or by the callback operator on the resident's word (Beijing art. 23). */
  rate: { from: ['closed'], to: 'rated', permission: 'demands.manage', needsReason: false },
  /** 吹哨: the street summons a department or unit (Beijing art. 16). */
  whistle: {
    from: ['registered', 'dispatched', 'in_hand'],
    to: null,
    permission: 'demands.manage',
    needsReason: true,
  },
  /** 报到: the summoned unit reports in. */
  report_in: {
    from: ['registered', 'dispatched', 'in_hand', 'replied'],
    to: null,
    permission: 'demands.handle',
    needsReason: false,
  },
  /** 备注 on the record. */
  note: { from: NOT_ENDED, to: null, permission: 'demands.handle', needsReason: true },
} as const satisfies Record<string, ActionRule>;

export type DemandAction = keyof typeof DEMAND_ACTIONS;
export const DEMAND_ACTION_NAMES = Object.keys(DEMAND_ACTIONS) as DemandAction[];

/** The actions a demand that was filed and received starts with: intake itself. */
export const INTAKE_ACTION = 'receive';

/** States a demand never leaves. */
export const FINAL_STATUSES: readonly DemandStatus[] = ['declined', 'rated', 'merged'];
/** States in which the handling clock runs (for due-soon and overdue). */
export const CLOCK_STATUSES: readonly DemandStatus[] = ['registered', 'dispatched', 'in_hand'];

export type TransitionResult =
  | { ok: true; to: DemandStatus; rule: ActionRule }
  | { ok: false; reason: 'invalid_transition' | 'reason_required' };

/** Whether `action` may be taken on a demand in `status`, and where it leads. */
export function transition(
  status: DemandStatus,
  action: DemandAction,
  note?: string | null,
): TransitionResult {
  const rule: ActionRule = DEMAND_ACTIONS[action];
  if (!rule.from.includes(status)) return { ok: false, reason: 'invalid_transition' };
  if (rule.needsReason && !note?.trim()) return { ok: false, reason: 'reason_required' };
  return { ok: true, to: rule.to ?? status, rule };
}

/** The actions open on a demand in `status` (for buttons), whatever the caller's permissions. */
export function actionsFrom(status: DemandStatus): DemandAction[] {
  return DEMAND_ACTION_NAMES.filter((a) =>
    (DEMAND_ACTIONS[a].from as readonly DemandStatus[]).includes(status),
  );
}
