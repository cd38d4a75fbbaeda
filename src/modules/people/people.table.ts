import type { Selectable } from 'kysely';

export const GENDERS = ['male', 'female'] as const;
/** 与户主关系 */
export const RELATIONS_TO_HEAD = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'in_law',
  'other',
] as const;
/** 户籍人口 registered / 常住非户籍 resident_non_registered / 流动人口 floating */
export const RESIDENCE_TYPES = ['registered', 'resident_non_registered', 'floating'] as const;
export const RESIDENT_STATUSES = ['active', 'moved_out', 'deceased'] as const;
/** 楼栋长 / 党员中心户 / 兼职网格员 */
export const PLACE_ROLES = ['building_head', 'party_central_household', 'part_time_grid_worker'] as const;
/** 正式党员 / 预备党员 */
export const PARTY_MEMBERSHIPS = ['formal', 'probationary'] as const;
/** 在职 / 离退休 / 流动 / 新业态新就业群体 */
export const PARTY_CATEGORIES = ['in_service', 'retired', 'floating', 'new_employment'] as const;
export const TALENT_CATEGORIES = [
  'floating_party_member',
  'retired_party_member',
  'retired_cadre',
  'enthusiastic_resident',
] as const;
export const TALENT_SKILLS = [
  'law',
  'medicine',
  'education',
  'mediation',
  'trades',
  'finance',
  'it',
  'culture',
  'elderly_care',
  'psychology',
] as const;
export const TALENT_WILLINGNESS = ['willing', 'conditional', 'unwilling'] as const;
export const TALENT_AVAILABILITY = ['weekdays', 'weekends', 'evenings', 'anytime', 'on_call'] as const;

export interface ResidentsTable {
  id: string;
  /** The household (area node) the resident lives in; null for a floating resident not yet housed. */
  householdCode: string | null;
  /** Area path of the household (or of the grid for one not yet housed): the scope of the record. */
  path: string;
  name: string;
  gender: (typeof GENDERS)[number];
  birthDate: string | null;
  ethnicity: string | null;
  /** AES-256-GCM ciphertext; never a plaintext number. */
  idNumberEnc: string | null;
  /** Keyed hash (blind index) for exact search. */
  idNumberHash: string | null;
  idNumberMasked: string | null;
  phoneEnc: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  relationToHead: (typeof RELATIONS_TO_HEAD)[number];
  residenceType: (typeof RESIDENCE_TYPES)[number];
  status: (typeof RESIDENT_STATUSES)[number];
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ResidentMovesTable {
  id: string;
  residentId: string;
  fromHouseholdCode: string | null;
  toHouseholdCode: string | null;
  fromPath: string | null;
  toPath: string | null;
  movedOn: string;
  reason: string | null;
  actorId: string | null;
  createdAt: string;
}

export interface PlaceRolesTable {
  id: string;
  residentId: string;
  role: (typeof PLACE_ROLES)[number];
  areaCode: string;
  path: string;
  since: string;
  until: string | null;
  createdAt: string;
}

export interface PartyMembersTable {
  id: string;
  residentId: string;
  path: string;
  membership: (typeof PARTY_MEMBERSHIPS)[number];
  category: (typeof PARTY_CATEGORIES)[number];
  joinedOn: string | null;
  probationEndsOn: string | null;
  /** The party organisation holding the member's organisational relation, when it is one of ours. */
  orgId: string | null;
  /** Where the relation sits when it is elsewhere (a floating member's home branch, an employer). */
  relationElsewhere: string | null;
  status: 'active' | 'transferred_out' | 'deceased';
  createdAt: string;
  updatedAt: string;
}

export interface TalentsTable {
  id: string;
  residentId: string;
  path: string;
  willingness: (typeof TALENT_WILLINGNESS)[number];
  availability: (typeof TALENT_AVAILABILITY)[number];
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TalentTagsTable {
  talentId: string;
  kind: 'category' | 'skill';
  tag: string;
}

export interface PeopleTables {
  residents: ResidentsTable;
  residentMoves: ResidentMovesTable;
  placeRoles: PlaceRolesTable;
  partyMembers: PartyMembersTable;
  talents: TalentsTable;
  talentTags: TalentTagsTable;
}

export type ResidentRow = Selectable<ResidentsTable>;
export type PartyMemberRow = Selectable<PartyMembersTable>;
export type TalentRow = Selectable<TalentsTable>;
export type PlaceRoleRow = Selectable<PlaceRolesTable>;
