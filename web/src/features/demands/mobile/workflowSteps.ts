import type { DemandStatus } from '../api';

// The steps a resident sees on their phone (接诉即办 workflow of demands.workflow.ts): 受理 立案 派遣
// 处置 反馈 核查 结案 回访. Declined (不予立案) and merged (已合并) end the path early, shown as a
// failed step where the path stopped.

export const WORKFLOW_STEPS = [
  'received',
  'registered',
  'dispatched',
  'in_hand',
  'replied',
  'verified',
  'closed',
  'rated',
] as const satisfies readonly DemandStatus[];
export type WorkflowStep = (typeof WORKFLOW_STEPS)[number];

export type StepState = 'wait' | 'process' | 'finish' | 'error';

export type WorkflowProgress = {
  /** The step to highlight (antd-mobile Steps `current`). */
  current: number;
  /** One state per step of WORKFLOW_STEPS. */
  states: StepState[];
  /** The path ended before 回访 (declined or merged). */
  stopped: boolean;
};

/**
 * The state of each step for a demand in `status`. A step is finished when the demand has passed
 * it, the next one is in progress. `stoppedAfter` is where a declined or merged demand left the
 * path (the status before the last step; received when unknown).
 */
export function workflowProgress(status: DemandStatus, stoppedAfter?: DemandStatus | null): WorkflowProgress {
  if (status === 'declined' || status === 'merged') {
    const before = (WORKFLOW_STEPS as readonly DemandStatus[]).indexOf(stoppedAfter ?? 'received');
    const done = Math.max(0, Math.min(before, WORKFLOW_STEPS.length - 2));
    const states = WORKFLOW_STEPS.map(
      (_, i): StepState => (i <= done ? 'finish' : i === done + 1 ? 'error' : 'wait'),
    );
    return { current: done + 1, states, stopped: true };
  }
  const at = (WORKFLOW_STEPS as readonly DemandStatus[]).indexOf(status);
  const states = WORKFLOW_STEPS.map(
    (_, i): StepState => (i <= at ? 'finish' : i === at + 1 ? 'process' : 'wait'),
  );
  return { current: Math.min(at + 1, WORKFLOW_STEPS.length - 1), states, stopped: false };
}

/** Not yet at an end: the resident can still expect news. */
export function isOpenStatus(status: DemandStatus): boolean {
  return !['closed', 'rated', 'declined', 'merged'].includes(status);
}

/** When each step was last reached, from the timeline (a failed check reopens 处置, so the last). */
export function stepTimes(
  events: readonly { toStatus: DemandStatus; fromStatus: DemandStatus | null; at: string }[],
): Partial<Record<WorkflowStep, string>> {
  const times: Partial<Record<WorkflowStep, string>> = {};
  for (const event of events) {
    if (event.fromStatus === event.toStatus) continue; // a step kept on the timeline, not a move
    if ((WORKFLOW_STEPS as readonly DemandStatus[]).includes(event.toStatus)) {
      const step = event.toStatus as WorkflowStep;
      const previous = times[step];
      if (!previous || previous < event.at) times[step] = event.at;
    }
  }
  return times;
}

/** Where a declined or merged demand left the path: the status before its last move. */
export function stoppedAfter(
  events: readonly { toStatus: DemandStatus; fromStatus: DemandStatus | null }[],
): DemandStatus | null {
  const last = [...events]
    .reverse()
    .find((event) => event.toStatus === 'declined' || event.toStatus === 'merged');
  return last?.fromStatus ?? null;
}
