import { describe, expect, it } from 'vitest';
import { navItemForPath, navItems, visibleNavItems } from './navigation';

const keys = (items: { key: string }[]) => items.map((item) => item.key);

describe('visibleNavItems', () => {
  it('shows a user without permissions only the home page', () => {
    expect(keys(visibleNavItems([]))).toEqual(['home']);
  });

  it('shows a demands clerk home and demands, not the system pages', () => {
    expect(keys(visibleNavItems(['demands.read', 'demands.handle']))).toEqual(['home', 'demands']);
  });

  it('shows both area pages, map first, to anyone who may read areas', () => {
    expect(keys(visibleNavItems(['areas.read']))).toEqual(['home', 'areasMap', 'areas']);
  });

  it('keeps the menu order of the table whatever the order of the permissions', () => {
    const permissions = ['tokens.manage', 'people.read', 'audit.read', 'areas.read', 'users.read'];
    expect(keys(visibleNavItems(permissions))).toEqual([
      'home',
      'areasMap',
      'areas',
      'people',
      'users',
      'audit',
      'tokens',
    ]);
  });

  it('does not treat a permission as a prefix of another', () => {
    expect(keys(visibleNavItems(['users.read.self', 'audit']))).toEqual(['home']);
  });

  it('shows every item to a user holding every listed permission', () => {
    const all = navItems.flatMap((item) => (item.permission ? [item.permission] : []));
    expect(visibleNavItems(all)).toHaveLength(navItems.length);
  });
});

describe('the navigation table', () => {
  it('has unique keys and paths', () => {
    expect(new Set(navItems.map((item) => item.key)).size).toBe(navItems.length);
    expect(new Set(navItems.map((item) => item.path)).size).toBe(navItems.length);
  });

  it('puts users, audit log and API tokens under System, in that order, at the end', () => {
    expect(keys(navItems.filter((item) => item.group === 'system'))).toEqual(['users', 'audit', 'tokens']);
    expect(keys(navItems.slice(-3))).toEqual(['users', 'audit', 'tokens']);
  });
});

describe('navItemForPath', () => {
  it.each([
    ['/', 'home'],
    ['/areas', 'areas'],
    ['/areas/map', 'areasMap'],
    ['/areas/371602', 'areas'],
    ['/demands/01J9Z/timeline', 'demands'],
    ['/iam/audit', 'audit'],
  ])('places %s under %s', (path, key) => {
    expect(navItemForPath(path)?.key).toBe(key);
  });

  it.each(['/account/password', '/areasx', '/iam', '/nowhere'])('places %s under no module', (path) => {
    expect(navItemForPath(path)).toBeUndefined();
  });
});
