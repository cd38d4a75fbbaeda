/**
 * The one table of console modules: path, icon, i18n label (`nav:items.<key>`) and the permission
 * a user needs to see it in the menu and to open its route. Order is the menu order.
 */
export type NavKey =
  | 'home'
  | 'areasMap'
  | 'areas'
  | 'people'
  | 'party'
  | 'demands'
  | 'owners'
  | 'property'
  | 'stations'
  | 'workforce'
  | 'cobuild'
  | 'volunteers'
  | 'deliberation'
  | 'duties'
  | 'dashboard'
  | 'users'
  | 'audit'
  | 'tokens';

export type NavGroup = 'main' | 'system';

export type NavItem = {
  key: NavKey;
  path: string;
  group: NavGroup;
  /** `null`: every signed-in user may open it. */
  permission: string | null;
};

export const navItems: readonly NavItem[] = [
  { key: 'home', path: '/', group: 'main', permission: null },
  { key: 'areasMap', path: '/areas/map', group: 'main', permission: 'areas.read' },
  { key: 'areas', path: '/areas', group: 'main', permission: 'areas.read' },
  { key: 'people', path: '/people', group: 'main', permission: 'people.read' },
  { key: 'party', path: '/party', group: 'main', permission: 'party.read' },
  { key: 'demands', path: '/demands', group: 'main', permission: 'demands.read' },
  { key: 'owners', path: '/owners', group: 'main', permission: 'owners.read' },
  { key: 'property', path: '/property', group: 'main', permission: 'property.read' },
  { key: 'stations', path: '/stations', group: 'main', permission: 'stations.read' },
  { key: 'workforce', path: '/workforce', group: 'main', permission: 'workforce.read' },
  { key: 'cobuild', path: '/cobuild', group: 'main', permission: 'cobuild.read' },
  { key: 'volunteers', path: '/volunteers', group: 'main', permission: 'volunteers.read' },
  { key: 'deliberation', path: '/deliberation', group: 'main', permission: 'deliberation.read' },
  { key: 'duties', path: '/duties', group: 'main', permission: 'duties.read' },
  { key: 'dashboard', path: '/dashboard', group: 'main', permission: 'dashboard.read' },
  { key: 'users', path: '/iam/users', group: 'system', permission: 'users.read' },
  { key: 'audit', path: '/iam/audit', group: 'system', permission: 'audit.read' },
  { key: 'tokens', path: '/iam/tokens', group: 'system', permission: 'tokens.manage' },
];

export function canOpen(item: NavItem, permissions: readonly string[]): boolean {
  return item.permission === null || permissions.includes(item.permission);
}

/** The items a user with these permissions sees, in menu order. */
export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return navItems.filter((item) => canOpen(item, permissions));
}

/** The item a location belongs to: the longest path that is the location or a parent of it. */
export function navItemForPath(pathname: string): NavItem | undefined {
  let best: NavItem | undefined;
  for (const item of navItems) {
    const matches =
      item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best;
}
