import { describe, expect, it } from 'vitest';
import { isOpenStatus, stepTimes, stoppedAfter, WORKFLOW_STEPS, workflowProgress } from './workflowSteps';

describe('workflowProgress', () => {
  it.each([
    ['received', 1, ['finish', 'process', 'wait', 'wait', 'wait', 'wait', 'wait', 'wait']],
    ['registered', 2, ['finish', 'finish', 'process', 'wait', 'wait', 'wait', 'wait', 'wait']],
    ['in_hand', 4, ['finish', 'finish', 'finish', 'finish', 'process', 'wait', 'wait', 'wait']],
    ['closed', 7, ['finish', 'finish', 'finish', 'finish', 'finish', 'finish', 'finish', 'process']],
    ['rated', 7, ['finish', 'finish', 'finish', 'finish', 'finish', 'finish', 'finish', 'finish']],
  ] as const)('puts a %s demand at step %i', (status, current, states) => {
    const progress = workflowProgress(status);
    expect(progress.current).toBe(current);
    expect(progress.states).toEqual(states);
    expect(progress.stopped).toBe(false);
  });

  it('shows a declined demand failing at 立案', () => {
    const progress = workflowProgress('declined', 'received');
    expect(progress.states.slice(0, 3)).toEqual(['finish', 'error', 'wait']);
    expect(progress.current).toBe(1);
    expect(progress.stopped).toBe(true);
  });

  it('shows a demand merged after registration failing at 派遣, and at 立案 when unknown', () => {
    expect(workflowProgress('merged', 'registered').states.slice(0, 3)).toEqual([
      'finish',
      'finish',
      'error',
    ]);
    expect(workflowProgress('merged').states.slice(0, 2)).toEqual(['finish', 'error']);
  });

  it('has one state per step, eight steps from 受理 to 回访', () => {
    expect(WORKFLOW_STEPS).toHaveLength(8);
    expect(workflowProgress('dispatched').states).toHaveLength(8);
  });
});

describe('stepTimes', () => {
  it('keeps when each step was last reached, skipping steps that did not move', () => {
    const times = stepTimes([
      { fromStatus: null, toStatus: 'received', at: '2025-01-02T01:00:00Z' },
      { fromStatus: 'received', toStatus: 'registered', at: '2025-01-02T02:00:00Z' },
      { fromStatus: 'registered', toStatus: 'dispatched', at: '2025-01-02T03:00:00Z' },
      { fromStatus: 'dispatched', toStatus: 'in_hand', at: '2025-01-02T04:00:00Z' },
      { fromStatus: 'in_hand', toStatus: 'in_hand', at: '2025-01-02T04:30:00Z' },
      { fromStatus: 'in_hand', toStatus: 'replied', at: '2025-01-02T05:00:00Z' },
      { fromStatus: 'replied', toStatus: 'in_hand', at: '2025-01-02T06:00:00Z' },
    ]);
    expect(times.in_hand).toBe('2025-01-02T06:00:00Z');
    expect(times.replied).toBe('2025-01-02T05:00:00Z');
    expect(times.verified).toBeUndefined();
  });
});

describe('stoppedAfter', () => {
  it('names the status before a decline or merge', () => {
    expect(
      stoppedAfter([
        { fromStatus: null, toStatus: 'received' },
        { fromStatus: 'received', toStatus: 'registered' },
        { fromStatus: 'registered', toStatus: 'merged' },
      ]),
    ).toBe('registered');
    expect(stoppedAfter([{ fromStatus: null, toStatus: 'received' }])).toBeNull();
  });
});

describe('isOpenStatus', () => {
  it.each([
    ['received', true],
    ['verified', true],
    ['closed', false],
    ['rated', false],
    ['declined', false],
    ['merged', false],
  ] as const)('%s → %s', (status, open) => {
    expect(isOpenStatus(status)).toBe(open);
  });
});
