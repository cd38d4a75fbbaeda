import { toDecimalString } from '../../lib/rational';
import { filingState, partyShare, reelectionWatch, termState } from './owners.committee-rules';
import { unitArea } from './owners.register-figures';
import type { CommitteeMembersTable, CommitteeRow, OwnerRow, OwnerUnitRow } from './owners.table';

// Rows mapped to responses on purpose: an owner's ciphertexts and blind indexes (`*_enc`,
// `*_hash`) never reach a caller, and numbers appear only masked.

export function toOwnerView(row: OwnerRow, units: number) {
  return {
    id: row.id,
    compoundCode: row.compoundCode,
    name: row.name,
    kind: row.kind,
    idNumberMasked: row.idNumberMasked,
    phoneMasked: row.phoneMasked,
    residentLinked: row.residentId !== null,
    units,
    createdAt: row.createdAt,
  };
}

export function toUnitView(
  row: OwnerUnitRow,
  owners: { ownerId: string; name: string; kind: OwnerRow['kind']; share: string | null }[],
) {
  return {
    id: row.id,
    compoundCode: row.compoundCode,
    householdCode: row.householdCode,
    label: row.label,
    useKind: row.useKind,
    registeredArea: row.registeredArea,
    surveyedArea: row.surveyedArea,
    contractArea: row.contractArea,
    area: toDecimalString(unitArea(row), 4),
    deliveredOn: row.deliveredOn,
    developerUnsold: row.developerUnsold === 1,
    owners,
    updatedAt: row.updatedAt,
  };
}

type MemberRow = Pick<
  CommitteeMembersTable,
  'id' | 'name' | 'post' | 'ownerId' | 'partyMemberId' | 'since' | 'until'
>;

/** Current members first by post (chair, vice-chairs, members), as on the notice board. */
export function orderMembers<T extends Pick<MemberRow, 'post' | 'name'>>(members: T[]): T[] {
  const rank = { chair: 0, vice_chair: 1, member: 2 } as const;
  return [...members].sort((a, b) => rank[a.post] - rank[b.post] || a.name.localeCompare(b.name, 'zh-CN'));
}

/** A committee with its term, filing state (art. 31), re-election watch (art. 33) and party share. */
export function toCommitteeView(row: CommitteeRow, members: MemberRow[], today: string) {
  const current = members.filter((m) => m.until === null || m.until > today);
  const share = partyShare({
    members: current.length,
    partyMembers: current.filter((m) => m.partyMemberId !== null).length,
  });
  const filing = filingState({ electedOn: row.electedOn, filedOn: row.filedOn, today });
  const term = termState(row, today);
  const live = row.status === 'in_term' && term !== 'ended';
  const watch =
    row.status === 'dissolved' ? { watch: null, daysLeft: 0 } : reelectionWatch(row.termEnd, today);
  const warnings: ('party_share_below_target' | 'filing_late' | 'filing_overdue' | 'reelection_due')[] = [];
  if (live && !share.meetsTarget) warnings.push('party_share_below_target');
  if (filing.state === 'late') warnings.push('filing_late');
  if (filing.state === 'overdue') warnings.push('filing_overdue');
  if (live && watch.watch === 'due') warnings.push('reelection_due');
  return {
    id: row.id,
    compoundCode: row.compoundCode,
    path: row.path,
    formationId: row.formationId,
    electedOn: row.electedOn,
    termStart: row.termStart,
    termEnd: row.termEnd,
    termState: row.status === 'in_term' ? term : ('ended' as const),
    daysLeft: watch.daysLeft,
    reelection: watch.watch,
    status: row.status,
    filedOn: row.filedOn,
    filingAuthority: row.filingAuthority,
    filing,
    members: orderMembers(members).map((m) => ({
      id: m.id,
      name: m.name,
      post: m.post,
      ownerId: m.ownerId,
      partyMember: m.partyMemberId !== null,
      since: m.since,
      until: m.until,
    })),
    partyShare: { ...share, target: '60%' as const },
    warnings,
  };
}

export type CommitteeView = ReturnType<typeof toCommitteeView>;
