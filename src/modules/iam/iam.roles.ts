import type { Bilingual } from '../../server/errors';

/**
 * Permissions are `<module>.<verb>`. Reads end in `.read`; anything else changes records or
 * reveals protected data, and a read-only role (the auditor) never holds one.
 */
export const PERMISSIONS = [
  'areas.read',
  'areas.write',
  'people.read',
  'people.write',
  'people.unmask',
  'party.read',
  'party.write',
  'demands.read',
  'demands.create',
  'demands.handle',
  'demands.manage',
  'owners.read',
  'owners.write',
  'owners.vote',
  'property.read',
  'property.write',
  'stations.read',
  'stations.write',
  'workforce.read',
  'workforce.write',
  'cobuild.read',
  'cobuild.write',
  'volunteers.read',
  'volunteers.write',
  'deliberation.read',
  'deliberation.write',
  'duties.read',
  'duties.write',
  'dashboard.read',
  'users.read',
  'users.manage',
  'audit.read',
  'tokens.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'city_admin',
  'district_official',
  'street_official',
  'community_official',
  'grid_worker',
  'property_staff',
  'owners_committee',
  'volunteer',
  'resident',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

const READS = PERMISSIONS.filter((p) => p.endsWith('.read')) as Permission[];

const OFFICIAL: Permission[] = PERMISSIONS.filter(
  (p) => p !== 'tokens.manage' && p !== 'audit.read' && p !== 'owners.vote',
) as Permission[];

interface RoleDefinition {
  name: Bilingual;
  permissions: readonly Permission[];
  /** Roles whose holders may grant this role to others (besides the city admin). */
  grantableBy: readonly Role[];
}

export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  city_admin: {
    name: { zh: '市级管理员', en: 'City administrator' },
    permissions: PERMISSIONS.filter((p) => p !== 'owners.vote'),
    grantableBy: [],
  },
  district_official: {
    name: { zh: '区县干部', en: 'District official' },
    permissions: OFFICIAL,
    grantableBy: [],
  },
  street_official: {
    name: { zh: '街道干部', en: 'Street official' },
    permissions: OFFICIAL,
    grantableBy: ['district_official'],
  },
  community_official: {
    name: { zh: '社区干部', en: 'Community official' },
    permissions: OFFICIAL,
    grantableBy: ['district_official', 'street_official'],
  },
  grid_worker: {
    name: { zh: '网格员', en: 'Grid worker' },
    permissions: [
      'areas.read',
      'people.read',
      'people.write',
      'people.unmask',
      'party.read',
      'demands.read',
      'demands.create',
      'demands.handle',
      'owners.read',
      'stations.read',
      'volunteers.read',
      'deliberation.read',
      'duties.read',
    ],
    grantableBy: ['district_official', 'street_official', 'community_official'],
  },
  property_staff: {
    name: { zh: '物业服务人员', en: 'Property company staff' },
    permissions: ['areas.read', 'demands.read', 'demands.handle', 'property.read', 'owners.read'],
    grantableBy: ['district_official', 'street_official', 'community_official'],
  },
  owners_committee: {
    name: { zh: '业委会成员', en: "Owners' committee member" },
    permissions: ['areas.read', 'owners.read', 'owners.write', 'demands.read', 'property.read'],
    grantableBy: ['district_official', 'street_official', 'community_official'],
  },
  volunteer: {
    name: { zh: '志愿者', en: 'Volunteer' },
    permissions: ['areas.read', 'volunteers.read'],
    grantableBy: ['district_official', 'street_official', 'community_official'],
  },
  resident: {
    name: { zh: '居民', en: 'Resident' },
    permissions: ['demands.create', 'owners.vote'],
    grantableBy: ['district_official', 'street_official', 'community_official'],
  },
  auditor: {
    name: { zh: '审计员', en: 'Auditor' },
    permissions: [...READS, 'audit.read'],
    grantableBy: [],
  },
};

export function permissionsOf(role: string): readonly Permission[] {
  return (ROLE_DEFINITIONS as Record<string, RoleDefinition | undefined>)[role]?.permissions ?? [];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isReadPermission(permission: Permission): boolean {
  return permission.endsWith('.read');
}
