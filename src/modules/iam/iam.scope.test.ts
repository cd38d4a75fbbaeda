import { describe, expect, it } from 'vitest';
import { type Actor, can, scopeCovers, scopesFor } from './iam.scope';

const actor = (assignments: { role: string; scopePath: string }[]): Actor => ({
  kind: 'user',
  id: 'u1',
  label: 'u1',
  assignments,
  requestId: null,
  ip: null,
});

describe('data scope', () => {
  it.each([
    ['3716', '3716', true, 'a scope covers its own node'],
    ['3716', '3716/371602/371602001', true, 'the city covers a street'],
    ['3716/371602', '3716/371602/371602001/371602001001', true, 'a district covers a community below it'],
    ['3716/371602/371602001', '3716/371602/371602002', false, 'a street does not cover its sibling street'],
    ['3716/371602/371602001', '3716/371602', false, 'a street does not cover its district'],
    ['3716/37160', '3716/371602', false, 'a shared character prefix is not a parent'],
    [
      '3716/371602/371602001',
      '3716/371602/3716020011',
      false,
      'a longer code that starts alike is not a child',
    ],
  ])('scopeCovers(%s, %s) is %s: %s', (scope, target, expected) => {
    expect(scopeCovers(scope, target)).toBe(expected);
  });

  it('a street official may read people in their street but not the next street', () => {
    const a = actor([{ role: 'street_official', scopePath: '3716/371602/371602001' }]);
    expect(can(a, 'people.read', '3716/371602/371602001/371602001003')).toBe(true);
    expect(can(a, 'people.read', '3716/371602/371602002/371602002001')).toBe(false);
  });

  it('an auditor reads everywhere in the city but holds no write permission', () => {
    const a = actor([{ role: 'auditor', scopePath: '3716' }]);
    expect(can(a, 'people.read', '3716/371602')).toBe(true);
    expect(can(a, 'people.write', '3716/371602')).toBe(false);
    expect(can(a, 'people.unmask', '3716/371602')).toBe(false);
    expect(can(a, 'users.manage', '3716')).toBe(false);
  });

  it('scopesFor drops scopes nested in another scope of the same permission', () => {
    const a = actor([
      { role: 'grid_worker', scopePath: '3716/371602/371602001/371602001001/01' },
      { role: 'street_official', scopePath: '3716/371602/371602001' },
      { role: 'street_official', scopePath: '3716/371602/371602002' },
    ]);
    expect(scopesFor(a, 'people.read')).toEqual(['3716/371602/371602001', '3716/371602/371602002']);
  });

  it('a role without the permission contributes no scope', () => {
    const a = actor([{ role: 'volunteer', scopePath: '3716' }]);
    expect(scopesFor(a, 'people.read')).toEqual([]);
  });
});
