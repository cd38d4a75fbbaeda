import type { Selectable } from 'kysely';

/** 住宅 / 商铺 / 车位车库 / 其他 */
export const UNIT_USE_KINDS = ['residence', 'shop', 'parking', 'other'] as const;
/** A natural person, a company, or the developer (建设单位) holding unsold units. */
export const OWNER_KINDS = ['person', 'organisation', 'developer'] as const;
/** in_term 任期内 / term_ended 任期届满 / dissolved 已解散 */
export const COMMITTEE_STATUSES = ['in_term', 'term_ended', 'dissolved'] as const;
export const COMMITTEE_POSTS = ['chair', 'vice_chair', 'member'] as const;
export const FORMATION_KINDS = ['first', 'reelection'] as const;
export const FORMATION_STATUSES = ['in_progress', 'completed', 'abandoned'] as const;
/**
 * The operation guide's steps, in order: first-meeting trigger (Shandong art. 20) → preparatory
 * group (art. 21) → nomination → joint review by community, street and departments → owners'
 * meeting vote → filing (备案, within 30 days).
 */
export const FORMATION_STEPS = [
  'trigger',
  'preparatory_group',
  'nomination',
  'joint_review',
  'vote',
  'filing',
] as const;
export const FORMATION_PERSON_ROLES = ['preparatory_member', 'candidate'] as const;
export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const VOTE_STATUSES = ['draft', 'open', 'closed', 'cancelled'] as const;
export const BALLOT_CHOICES = ['for', 'against', 'abstain'] as const;
export const BALLOT_CHANNELS = ['online', 'paper'] as const;
export const DISCLOSURE_KINDS = [
  'decision',
  'meeting_result',
  'financial_report',
  'fund_use',
  'work_report',
  'notice',
] as const;

export interface OwnerUnitsTable {
  id: string;
  compoundCode: string;
  householdCode: string | null;
  path: string;
  label: string;
  useKind: (typeof UNIT_USE_KINDS)[number];
  /** Square metres as a decimal string; SPC interpretation art. 8 orders register, survey, contract. */
  registeredArea: string | null;
  surveyedArea: string | null;
  contractArea: string | null;
  deliveredOn: string | null;
  developerUnsold: number;
  createdAt: string;
  updatedAt: string;
}

export interface OwnersTable {
  id: string;
  compoundCode: string;
  path: string;
  name: string;
  kind: (typeof OWNER_KINDS)[number];
  residentId: string | null;
  idNumberEnc: string | null;
  idNumberHash: string | null;
  idNumberMasked: string | null;
  phoneEnc: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  createdAt: string;
}

export interface UnitOwnershipsTable {
  unitId: string;
  ownerId: string;
  share: string | null;
}

export interface OwnerCommitteesTable {
  id: string;
  compoundCode: string;
  path: string;
  formationId: string | null;
  electedOn: string;
  termStart: string;
  termEnd: string;
  filedOn: string | null;
  filingAuthority: string | null;
  status: (typeof COMMITTEE_STATUSES)[number];
  createdAt: string;
  updatedAt: string;
}

export interface CommitteeMembersTable {
  id: string;
  committeeId: string;
  ownerId: string | null;
  name: string;
  post: (typeof COMMITTEE_POSTS)[number];
  /** Set when the member is a party member (party_members.id): the report's 60% target. */
  partyMemberId: string | null;
  since: string;
  until: string | null;
  createdAt: string;
}

export interface CommitteeFormationsTable {
  id: string;
  compoundCode: string;
  path: string;
  kind: (typeof FORMATION_KINDS)[number];
  status: (typeof FORMATION_STATUSES)[number];
  currentStep: (typeof FORMATION_STEPS)[number];
  startedOn: string;
  createdAt: string;
  updatedAt: string;
}

export interface FormationStepsTable {
  id: string;
  formationId: string;
  step: (typeof FORMATION_STEPS)[number];
  completedOn: string;
  /** User id of whoever approved the step, and their name as it stood then. */
  approvedBy: string;
  approverName: string;
  /** JSON array of { title, reference } for the documents the step rests on. */
  documents: string;
  /** JSON: what the step decided (trigger condition, vote id, filing number …). */
  details: string;
  note: string | null;
  createdAt: string;
}

export interface FormationPeopleTable {
  id: string;
  formationId: string;
  role: (typeof FORMATION_PERSON_ROLES)[number];
  name: string;
  ownerId: string | null;
  isOwner: number;
  partyMemberId: string | null;
  reviewStatus: (typeof REVIEW_STATUSES)[number] | null;
  reviewNote: string | null;
  createdAt: string;
}

export interface OwnerVotesTable {
  id: string;
  compoundCode: string;
  path: string;
  /** Civil Code art. 278 item (1)–(9). */
  item: number;
  title: string;
  description: string | null;
  status: (typeof VOTE_STATUSES)[number];
  opensAt: string | null;
  closesAt: string | null;
  /** The electorate frozen at opening: total exclusive area (decimal string) and headcount. */
  totalArea: string | null;
  totalHeadcount: number | null;
  /** JSON of the tally at close; always recomputable from the ballots. */
  result: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface VoteElectorsTable {
  voteId: string;
  voterKey: string;
  area: string;
  /** JSON array of owner ids this voter stands for (co-owners, the developer's units). */
  ownerIds: string;
  label: string;
}

export interface BallotsTable {
  id: string;
  voteId: string;
  voterKey: string;
  choice: (typeof BALLOT_CHOICES)[number];
  area: string;
  channel: (typeof BALLOT_CHANNELS)[number];
  /** The owner's user id for an online ballot. */
  castBy: string | null;
  /** The two officers who entered and confirmed a paper ballot. */
  enteredBy: string | null;
  confirmedBy: string | null;
  /** SHA-256 of the receipt code handed to the voter; the code itself is never stored. */
  receiptHash: string;
  /** The ballot's id in the published anonymised list. */
  publicId: string;
  castAt: string;
}

export interface CommitteeDisclosuresTable {
  id: string;
  compoundCode: string;
  path: string;
  committeeId: string | null;
  kind: (typeof DISCLOSURE_KINDS)[number];
  title: string;
  body: string;
  period: string | null;
  voteId: string | null;
  publishedOn: string;
  createdBy: string | null;
  createdAt: string;
}

export interface OwnersTables {
  ownerUnits: OwnerUnitsTable;
  owners: OwnersTable;
  unitOwnerships: UnitOwnershipsTable;
  ownerCommittees: OwnerCommitteesTable;
  committeeMembers: CommitteeMembersTable;
  committeeFormations: CommitteeFormationsTable;
  formationSteps: FormationStepsTable;
  formationPeople: FormationPeopleTable;
  ownerVotes: OwnerVotesTable;
  voteElectors: VoteElectorsTable;
  ballots: BallotsTable;
  committeeDisclosures: CommitteeDisclosuresTable;
}

export type OwnerUnitRow = Selectable<OwnerUnitsTable>;
export type OwnerRow = Selectable<OwnersTable>;
export type CommitteeRow = Selectable<OwnerCommitteesTable>;
export type FormationRow = Selectable<CommitteeFormationsTable>;
export type OwnerVoteRow = Selectable<OwnerVotesTable>;
export type BallotRow = Selectable<BallotsTable>;
