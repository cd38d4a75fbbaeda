import { describe, expect, it } from 'vitest';
import { canAbandon, type FormationStep, stepAfter, stepsDone, takeStep } from './owners.formation-machine';
import { FORMATION_STEPS } from './owners.table';

const TODAY = '2026-06-30';
const at = (
  currentStep: FormationStep,
  status: 'in_progress' | 'completed' | 'abandoned' = 'in_progress',
) => ({
  status,
  currentStep,
  lastOn: '2026-06-01',
});

describe('the formation state machine', () => {
  it('orders the steps as the operation guide does', () => {
    expect(FORMATION_STEPS).toEqual([
      'trigger',
      'preparatory_group',
      'nomination',
      'joint_review',
      'vote',
      'filing',
    ]);
    expect(FORMATION_STEPS.map(stepAfter)).toEqual([
      'preparatory_group',
      'nomination',
      'joint_review',
      'vote',
      'filing',
      null,
    ]);
  });

  // Every (current step, step recorded) pair: only the current step may be recorded.
  const table = FORMATION_STEPS.flatMap((current) =>
    FORMATION_STEPS.map((step) => [current, step, step === current] as const),
  );
  it.each(table)('at %s, recording %s is allowed: %s', (current, step, allowed) => {
    const outcome = takeStep({ state: at(current), step, on: '2026-06-10', today: TODAY });
    expect(outcome.ok).toBe(allowed);
    if (!outcome.ok) expect(outcome.problem).toBe('invalid_step');
  });

  it.each(FORMATION_STEPS.slice(0, -1))('recording %s moves to the next step', (step) => {
    expect(takeStep({ state: at(step), step, on: '2026-06-10', today: TODAY })).toEqual({
      ok: true,
      next: { status: 'in_progress', currentStep: stepAfter(step) },
    });
  });

  it('recording the filing completes the formation', () => {
    expect(takeStep({ state: at('filing'), step: 'filing', on: '2026-06-10', today: TODAY })).toEqual({
      ok: true,
      next: { status: 'completed', currentStep: 'filing' },
    });
  });

  it.each(['completed', 'abandoned'] as const)('a %s formation takes no step', (status) => {
    expect(takeStep({ state: at('filing', status), step: 'filing', on: '2026-06-10', today: TODAY })).toEqual(
      {
        ok: false,
        problem: 'not_in_progress',
      },
    );
  });

  it('a step is not dated in the future nor before the step before it', () => {
    const state = at('vote');
    expect(takeStep({ state, step: 'vote', on: '2026-07-01', today: TODAY })).toEqual({
      ok: false,
      problem: 'future_date',
    });
    expect(takeStep({ state, step: 'vote', on: '2026-05-31', today: TODAY })).toEqual({
      ok: false,
      problem: 'before_previous_step',
    });
    expect(takeStep({ state, step: 'vote', on: '2026-06-01', today: TODAY }).ok).toBe(true);
  });

  it('lists the steps done', () => {
    expect(stepsDone(at('trigger'))).toEqual([]);
    expect(stepsDone(at('joint_review'))).toEqual(['trigger', 'preparatory_group', 'nomination']);
    expect(stepsDone(at('filing', 'completed'))).toEqual(FORMATION_STEPS);
  });

  it('only a formation in progress may be abandoned', () => {
    expect(canAbandon({ status: 'in_progress' })).toBe(true);
    expect(canAbandon({ status: 'completed' })).toBe(false);
    expect(canAbandon({ status: 'abandoned' })).toBe(false);
  });
});
