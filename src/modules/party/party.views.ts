import { rational, toPercentString } from '../../lib/rational';
import { inPostOn } from './party.entity-operation';
import type { MemberRow, PlaceRow } from './party.reports.repository';
import type { ChecklistItemRow, OrgLifeRecordRow, PartyOrgRow, PartyTransferRow } from './party.table';
import { actionsFrom } from './party.transfer-machine';

// Rows mapped to responses on purpose: a response carries only the columns chosen for it
// (never a member's ID number or phone, which live encrypted in the people module).

export function toOrgSummary(row: PartyOrgRow, areaNames: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    areaCode: row.areaCode,
    areaName: areaNames.get(row.areaCode) ?? null,
    path: row.path,
    parentId: row.parentId,
    status: row.status,
    meetingPlace: row.meetingPlace,
    establishedOn: row.establishedOn,
    updatedAt: row.updatedAt,
  };
}

export type OrgSummaryView = ReturnType<typeof toOrgSummary>;

export function toAreaRef(place: PlaceRow) {
  return { code: place.code, name: place.name, level: place.level, path: place.path };
}

export function toPostView(
  row: {
    id: string;
    orgId: string;
    memberId: string;
    post: 'secretary' | 'deputy_secretary' | 'committee_member' | 'group_leader' | 'member';
    since: string;
    until: string | null;
    background: string | null;
  },
  memberNames: ReadonlyMap<string, string>,
  today: string,
) {
  return {
    id: row.id,
    orgId: row.orgId,
    memberId: row.memberId,
    memberName: memberNames.get(row.memberId) ?? null,
    post: row.post,
    since: row.since,
    until: row.until,
    background: row.background,
    inPost: inPostOn(row, today),
  };
}

export function toMemberView(row: MemberRow) {
  return {
    id: row.id,
    name: row.name,
    membership: row.membership,
    category: row.category,
    orgId: row.orgId,
    relationElsewhere: row.relationElsewhere,
    householdCode: row.householdCode,
    path: row.path,
  };
}

export function toLifeRecordView(row: OrgLifeRecordRow) {
  return {
    id: row.id,
    orgId: row.orgId,
    kind: row.kind,
    heldOn: row.heldOn,
    topic: row.topic,
    attendees: Number(row.attendees),
    note: row.note,
    createdAt: row.createdAt,
  };
}

export function toChecklistItemView(row: ChecklistItemRow) {
  let params: Record<string, unknown> = {};
  try {
    params = JSON.parse(row.params);
  } catch {
    // A damaged row shows without parameters; parseCriterion leaves it out of evaluation.
  }
  return {
    id: row.id,
    rule: row.rule,
    params,
    labelZh: row.labelZh,
    labelEn: row.labelEn,
    active: row.active === 1,
    sortOrder: Number(row.sortOrder),
    updatedAt: row.updatedAt,
  };
}

/** The exact fraction and a percentage with one decimal (half-up) for display; null for 0/0. */
export function toRate(numerator: number, denominator: number) {
  return {
    numerator,
    denominator,
    percent: denominator === 0 ? null : toPercentString(rational(numerator, denominator), 1),
  };
}

/** "某某小区 / 3号楼 / 2单元" from the names of a household's compound, building and unit. */
export function placeText(path: string, names: ReadonlyMap<string, string>): string {
  const codes = path.split('/').slice(5, -1);
  return codes.map((c) => names.get(c) ?? c).join(' / ');
}

export function toTransferView(
  row: PartyTransferRow,
  names: {
    members: ReadonlyMap<string, string>;
    orgs: ReadonlyMap<string, string>;
    users: ReadonlyMap<string, string>;
  },
) {
  const who = (id: string | null) => (id ? (names.users.get(id) ?? id) : null);
  return {
    id: row.id,
    memberId: row.memberId,
    memberName: names.members.get(row.memberId) ?? null,
    fromOrgText: row.fromOrgText,
    toOrgId: row.toOrgId,
    toOrgName: names.orgs.get(row.toOrgId) ?? null,
    path: row.path,
    status: row.status,
    reason: row.reason,
    requestedOn: row.requestedOn,
    requestedBy: who(row.requestedBy),
    decidedOn: row.decidedOn,
    decidedBy: who(row.decidedBy),
    completedOn: row.completedOn,
    actions: actionsFrom(row.status),
    updatedAt: row.updatedAt,
  };
}
