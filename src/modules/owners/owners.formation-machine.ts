// The formation (and re-election) of an owners' committee as the operation guide orders it, a
// state machine over FORMATION_STEPS:
//
//   trigger ─▶ preparatory_group ─▶ nomination ─▶ joint_review ─▶ vote ─▶ filing ─▶ (completed)
//      │
//      └──── abandon, from any step before filing ───▶ (abandoned)
//
// - trigger: the first-meeting condition (山东省物业管理条例 art. 20), or for a re-election the
//   term running out (art. 33);
// - preparatory_group: formed by the street office (art. 21);
// - nomination: candidates, who must be owners (art. 30), party members marked;
// - joint_review: candidates vetted by the community, the street and departments (联审);
// - vote: the owners' meeting elects the committee (Civil Code art. 278(1) item (3));
// - filing: 备案 with the property authority and the street office (art. 31), which founds the
//   committee record.
// `currentStep` is the step to be recorded next; after filing the formation is completed. Each step
// is dated no later than today and no earlier than the step before it. Pure.

import { type FORMATION_STATUSES, FORMATION_STEPS } from './owners.table';

export type FormationStep = (typeof FORMATION_STEPS)[number];
export type FormationStatus = (typeof FORMATION_STATUSES)[number];

export interface FormationState {
  status: FormationStatus;
  currentStep: FormationStep;
  /** The date of the last recorded step, or the day the formation was started. */
  lastOn: string;
}

export type StepProblem = 'not_in_progress' | 'invalid_step' | 'future_date' | 'before_previous_step';

/** The step after `step`, or null after filing. */
export function stepAfter(step: FormationStep): FormationStep | null {
  return FORMATION_STEPS[FORMATION_STEPS.indexOf(step) + 1] ?? null;
}

/** The steps recorded so far, in order. */
export function stepsDone(state: Pick<FormationState, 'status' | 'currentStep'>): FormationStep[] {
  const index = FORMATION_STEPS.indexOf(state.currentStep);
  return FORMATION_STEPS.slice(0, state.status === 'completed' ? index + 1 : index);
}

/**
 * Whether `step` may be recorded on `on`, and the state it leads to. Only the current step of a
 * formation in progress may be recorded: no step is skipped, repeated or taken back.
 */
export function takeStep(opts: {
  state: FormationState;
  step: FormationStep;
  on: string;
  today: string;
}):
  | { ok: true; next: { status: FormationStatus; currentStep: FormationStep } }
  | { ok: false; problem: StepProblem } {
  const { state, step, on, today } = opts;
  if (state.status !== 'in_progress') return { ok: false, problem: 'not_in_progress' };
  if (step !== state.currentStep) return { ok: false, problem: 'invalid_step' };
  if (on > today) return { ok: false, problem: 'future_date' };
  if (on < state.lastOn) return { ok: false, problem: 'before_previous_step' };
  const after = stepAfter(step);
  return after
    ? { ok: true, next: { status: 'in_progress', currentStep: after } }
    : { ok: true, next: { status: 'completed', currentStep: step } };
}

/** A formation in progress may be abandoned (a failed meeting, a merger of compounds …). */
export function canAbandon(state: Pick<FormationState, 'status'>): boolean {
  return state.status === 'in_progress';
}
