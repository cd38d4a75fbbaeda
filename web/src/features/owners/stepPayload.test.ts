import { describe, expect, it } from 'vitest';
import type { Formation } from './api';
import { boardColumns, deadlineOf } from './boardColumns';
import { commonPayload, groupPayload, reviewPayload } from './stepPayload';

const day = (value: string) => ({ format: () => value });

describe('step payloads', () => {
  it('leave the date to the server when none is picked and drop empty documents and notes', () => {
    expect(
      commonPayload({
        approver: ' 王主任 ',
        documents: [{ title: '通知', reference: ' ' }, { title: '' }],
        note: ' ',
      }),
    ).toEqual({ approver: '王主任', documents: [{ title: '通知' }] });
    expect(commonPayload({ on: day('2026-03-01'), approver: 'x', documents: [] }).on).toBe('2026-03-01');
  });

  it('name the owners of a preparatory group from the register and keep the others with their body', () => {
    const body = groupPayload(
      {
        approver: 'x',
        documents: [{ title: 'd' }],
        ownerIds: ['o1'],
        others: [{ name: ' 李干部 ', affiliation: 'street' }],
      },
      new Map([['o1', '张三']]),
    );
    expect(body).toMatchObject({
      step: 'preparatory_group',
      members: [
        { name: '张三', ownerId: 'o1', affiliation: 'owner' },
        { name: '李干部', affiliation: 'street' },
      ],
    });
  });

  it('give one review per candidate', () => {
    expect(
      reviewPayload({
        approver: 'x',
        documents: [{ title: 'd' }],
        reviewers: ['社区', ' '],
        decisions: { c1: { decision: 'approved' }, c2: { decision: 'rejected', note: '违建' } },
      }),
    ).toMatchObject({
      reviewers: ['社区'],
      reviews: [
        { candidateId: 'c1', decision: 'approved' },
        { candidateId: 'c2', decision: 'rejected', note: '违建' },
      ],
    });
  });
});

const formation = (id: string, over: Partial<Formation>): Formation =>
  ({
    id,
    status: 'in_progress',
    currentStep: 'nomination',
    startedOn: '2026-01-01',
    deadlines: { preparatoryGroupBy: '2026-02-01', meetingBy: '2026-04-01', filingBy: null },
    ...over,
  }) as Formation;

describe('the formation board', () => {
  it('puts formations under the step they await, completed last, abandoned nowhere', () => {
    const columns = boardColumns([
      formation('b', { startedOn: '2026-02-01' }),
      formation('a', {}),
      formation('c', { status: 'completed', currentStep: 'filing' }),
      formation('d', { status: 'abandoned' }),
    ]);
    expect(columns.nomination.map((f) => f.id)).toEqual(['a', 'b']);
    expect(columns.completed.map((f) => f.id)).toEqual(['c']);
    expect(Object.values(columns).flat()).toHaveLength(3);
  });

  it('shows the deadline of the awaited step', () => {
    expect(deadlineOf(formation('a', { currentStep: 'preparatory_group' }))).toBe('2026-02-01');
    expect(deadlineOf(formation('a', { currentStep: 'vote' }))).toBe('2026-04-01');
    expect(deadlineOf(formation('a', { status: 'completed' }))).toBeNull();
  });
});
