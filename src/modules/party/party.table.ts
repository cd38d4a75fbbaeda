import type { ColumnType, Selectable } from 'kysely';

/** 社区党组织 / 网格党支部 / 楼栋党小组 / 党员中心户 — the four-level chain, top to bottom. */
export const PARTY_ORG_KINDS = [
  'community_committee',
  'grid_branch',
  'building_group',
  'central_household',
] as const;
export type PartyOrgKind = (typeof PARTY_ORG_KINDS)[number];
/** The area level each kind binds to. */
export const ORG_KIND_AREA_LEVEL: Record<PartyOrgKind, 'community' | 'grid' | 'building' | 'household'> = {
  community_committee: 'community',
  grid_branch: 'grid',
  building_group: 'building',
  central_household: 'household',
};
export const ORG_POSTS = [
  'secretary',
  'deputy_secretary',
  'committee_member',
  'group_leader',
  'member',
] as const;
/** 三会一课 (branch meeting, committee meeting, group meeting, party lecture), 主题党日, 组织生活会, 民主评议 */
export const ORG_LIFE_KINDS = [
  'branch_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'theme_party_day',
  'org_life_meeting',
  'democratic_review',
] as const;
export const TRANSFER_STATUSES = ['requested', 'accepted', 'refused', 'completed'] as const;
/** Checklist rules the entity-operation evaluation knows how to compute from records. */
export const CHECKLIST_RULES = [
  'secretary_in_post',
  'min_members',
  'org_life_within_days',
  'meeting_place',
  'theme_party_day_within_days',
] as const;

export interface PartyOrgsTable {
  id: string;
  kind: PartyOrgKind;
  name: string;
  areaCode: string;
  path: string;
  parentId: string | null;
  meetingPlace: string | null;
  establishedOn: string | null;
  status: 'active' | 'dissolved';
  /** Added by migration 0005; optional on insert. */
  dissolvedOn: ColumnType<string | null, string | null | undefined, string | null>;
  createdAt: string;
  updatedAt: string;
}

export interface PartyOrgPostsTable {
  id: string;
  orgId: string;
  memberId: string;
  post: (typeof ORG_POSTS)[number];
  since: string;
  until: string | null;
  /** Where a secretary was drawn from: 党员社区工作者, 退休干部, 原村书记 … */
  background: string | null;
  createdAt: string;
}

export interface CentralHouseholdLinksTable {
  orgId: string;
  householdCode: string;
  path: string;
}

export interface OrgLifeRecordsTable {
  id: string;
  orgId: string;
  path: string;
  kind: (typeof ORG_LIFE_KINDS)[number];
  heldOn: string;
  topic: string;
  attendees: number;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface BranchChecklistItemsTable {
  id: string;
  rule: (typeof CHECKLIST_RULES)[number];
  labelZh: string;
  labelEn: string;
  /** JSON: e.g. { "minMembers": 3 } or { "days": 92 }. */
  params: string;
  active: number;
  sortOrder: number;
  updatedAt: string;
}

export interface PartyTransfersTable {
  id: string;
  memberId: string;
  path: string;
  fromOrgText: string;
  toOrgId: string;
  status: (typeof TRANSFER_STATUSES)[number];
  reason: string | null;
  requestedOn: string;
  decidedOn: string | null;
  completedOn: string | null;
  requestedBy: string | null;
  decidedBy: string | null;
  /** Added by migration 0005; optional on insert. */
  completedBy: ColumnType<string | null, string | null | undefined, string | null>;
  createdAt: string;
  updatedAt: string;
}

export interface PartyTables {
  partyOrgs: PartyOrgsTable;
  partyOrgPosts: PartyOrgPostsTable;
  centralHouseholdLinks: CentralHouseholdLinksTable;
  orgLifeRecords: OrgLifeRecordsTable;
  branchChecklistItems: BranchChecklistItemsTable;
  partyTransfers: PartyTransfersTable;
}

export type PartyOrgRow = Selectable<PartyOrgsTable>;
export type OrgLifeRecordRow = Selectable<OrgLifeRecordsTable>;
export type ChecklistItemRow = Selectable<BranchChecklistItemsTable>;
export type PartyTransferRow = Selectable<PartyTransfersTable>;
