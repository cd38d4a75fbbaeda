import { describe, expect, it } from 'vitest';
import { DEMAND_ACTION_NAMES } from '../../../../../src/modules/demands/demands.workflow';
import { canSendTaskAction, openTaskActions, TASK_ACTIONS, taskActionBody } from './taskActions';

describe('openTaskActions', () => {
  it('keeps the server’s allowed actions a handler takes on a phone, in the order of the work', () => {
    expect(openTaskActions(['note', 'contact', 'return', 'reply', 'extend', 'reassign'], false)).toEqual([
      'contact',
      'reply',
      'return',
      'note',
    ]);
  });

  it('offers 报到 only while a whistle waits', () => {
    expect(openTaskActions(['report_in', 'accept'], false)).toEqual(['accept']);
    expect(openTaskActions(['report_in', 'accept'], true)).toEqual(['accept', 'report_in']);
  });

  it('names only actions of the workflow', () => {
    for (const action of TASK_ACTIONS) expect(DEMAND_ACTION_NAMES).toContain(action);
  });
});

describe('taskActionBody', () => {
  it('sends a reply with its note and photos', () => {
    expect(taskActionBody('reply', { note: ' 已更换灯泡 ', photos: ['p1'] })).toEqual({
      action: 'reply',
      note: '已更换灯泡',
      photos: ['p1'],
    });
  });

  it('sends an accept bare, and a contact without photos', () => {
    expect(taskActionBody('accept', { note: 'ignored', photos: ['p'] })).toEqual({
      action: 'accept',
      note: null,
    });
    expect(taskActionBody('contact', { note: '', photos: ['p'] })).toEqual({ action: 'contact', note: null });
  });

  it('names the whistle a report-in answers', () => {
    expect(taskActionBody('report_in', { note: '', photos: [], whistleId: 'w1' })).toEqual({
      action: 'report_in',
      note: null,
      whistleId: 'w1',
    });
  });
});

describe('canSendTaskAction', () => {
  it.each([
    ['reply', '', false],
    ['reply', '  ', false],
    ['reply', '已处理', true],
    ['return', '', false],
    ['return', '不属于物业职责', true],
    ['contact', '', true],
    ['accept', '', true],
  ] as const)('%s with note %j → %s', (action, note, ok) => {
    expect(canSendTaskAction(action, note)).toBe(ok);
  });
});
