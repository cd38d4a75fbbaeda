import { describe, expect, it } from 'vitest';
import { DEMAND_ACTION_NAMES, DEMAND_ACTIONS } from '../../../../../src/modules/demands/demands.workflow';
import {
  ACTION_FORMS,
  ACTION_ORDER,
  buildActionBody,
  orderedActions,
  parseResponsible,
  responsibleChoices,
} from './actions';

describe('the dialogs mirror the workflow table', () => {
  it('have a form and a button place for every action, and no other', () => {
    expect(Object.keys(ACTION_FORMS).sort()).toEqual([...DEMAND_ACTION_NAMES].sort());
    expect([...ACTION_ORDER].sort()).toEqual([...DEMAND_ACTION_NAMES].sort());
  });

  it.each(DEMAND_ACTION_NAMES)('%s asks for the note exactly when the server needs a reason', (action) => {
    expect(ACTION_FORMS[action].noteRequired).toBe(DEMAND_ACTIONS[action].needsReason);
  });
});

describe('orderedActions', () => {
  it('puts the next step of the normal path first and drops names it does not know', () => {
    expect(orderedActions(['note', 'decline', 'merge', 'register', 'teleport'])).toEqual([
      'register',
      'merge',
      'decline',
      'note',
    ]);
    expect(orderedActions(['reassign', 'contact', 'whistle', 'extend', 'reply', 'return'])).toEqual([
      'contact',
      'reply',
      'reassign',
      'extend',
      'whistle',
      'return',
    ]);
    expect(orderedActions([])).toEqual([]);
  });
});

describe('parseResponsible', () => {
  it.each([
    ['grid:371602001001001', { kind: 'grid', ref: '371602001001001' }],
    ['property_company:01J:X', { kind: 'property_company', ref: '01J:X' }],
    ['grid:', null],
    [':abc', null],
    ['grid', null],
    [undefined, null],
  ])('%s', (value, expected) => {
    expect(parseResponsible(value)).toEqual(expected);
  });
});

describe('buildActionBody', () => {
  const all = {
    note: '  已派往网格  ',
    responsible: 'grid:371602001001001',
    handlerUserId: 'u1',
    intoId: 'd2',
    limit: 3,
    unit: 'working_days' as const,
    unitId: 'unit-1',
    whistleId: 'w1',
    rating: 'satisfied' as const,
    resolved: true,
    photos: ['a'.repeat(64)],
  };

  it.each([
    ['register', {}],
    ['dispatch', { responsible: { kind: 'grid', ref: '371602001001001' }, handlerUserId: 'u1' }],
    ['reassign', { responsible: { kind: 'grid', ref: '371602001001001' }, handlerUserId: 'u1' }],
    ['merge', { intoId: 'd2' }],
    ['extend', { extension: { limit: 3, unit: 'working_days' } }],
    ['reply', { photos: ['a'.repeat(64)] }],
    ['whistle', { unitId: 'unit-1' }],
    ['report_in', { whistleId: 'w1' }],
    ['rate', { rating: 'satisfied', resolved: true }],
  ] as const)('%s sends only its own fields', (action, extra) => {
    expect(buildActionBody(action, all)).toEqual({ action, note: '已派往网格', ...extra });
  });

  it('leaves out an empty note and an unanswered "resolved", keeps resolved=false', () => {
    expect(buildActionBody('contact', { note: '   ' })).toEqual({ action: 'contact' });
    expect(buildActionBody('rate', { rating: 'unsatisfied' })).toEqual({
      action: 'rate',
      rating: 'unsatisfied',
    });
    expect(buildActionBody('rate', { rating: 'basic', resolved: false })).toEqual({
      action: 'rate',
      rating: 'basic',
      resolved: false,
    });
  });

  it('sends no extension without both limit and unit', () => {
    expect(buildActionBody('extend', { note: '雨天', limit: 2 })).toEqual({ action: 'extend', note: '雨天' });
  });
});

describe('responsibleChoices', () => {
  it('lists the suggested party first, once, marked', () => {
    const choices = responsibleChoices({
      suggested: { kind: 'grid', ref: 'g1', name: '第一网格' },
      options: [
        { kind: 'community', ref: 'c1', name: '东城社区' },
        { kind: 'grid', ref: 'g1', name: '第一网格' },
        { kind: 'department', ref: 'u9', name: '城管局' },
      ],
      handlers: [],
    });
    expect(choices.map((c) => [c.value, c.suggested])).toEqual([
      ['grid:g1', true],
      ['community:c1', false],
      ['department:u9', false],
    ]);
  });

  it('has nothing suggested when the place has no default party', () => {
    const choices = responsibleChoices({
      suggested: null,
      options: [{ kind: 'street', ref: 's', name: '街道' }],
      handlers: [],
    });
    expect(choices).toEqual([{ value: 'street:s', kind: 'street', name: '街道', suggested: false }]);
    expect(responsibleChoices(undefined)).toEqual([]);
  });
});
