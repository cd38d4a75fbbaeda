// What the owners' demo generator works on and what it makes: one grid's compounds as the area
// tree has them, the residents living there (their numbers already sealed by the people load), and
// the rows of the owners' tables.

import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { FORMATION_STEPS } from '../../modules/owners/owners.table';

export type Row<T extends keyof Database> = Insertable<Database[T]>;

export interface HouseholdSpot {
  code: string;
  path: string;
  name: string;
  floor: number;
  room: number;
}

export interface BuildingSpot {
  code: string;
  path: string;
  name: string;
  floors: number;
  households: HouseholdSpot[];
}

export interface CompoundSpot {
  code: string;
  path: string;
  name: string;
  /** 小区 or 散居楼院 (an old work-unit courtyard). */
  kind: string | null;
  buildings: BuildingSpot[];
}

/** A person's sealed numbers, as the residents and owners tables hold them: never plaintext. */
export interface SealedColumns {
  idNumberEnc: string | null;
  idNumberHash: string | null;
  idNumberMasked: string | null;
  phoneEnc: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
}

export interface ResidentFacts extends SealedColumns {
  id: string;
  householdCode: string;
  name: string;
  birthDate: string | null;
  relationToHead: string;
  residenceType: string;
  /** Their party_members row, when they are a member. */
  partyMemberId: string | null;
}

export type FormationStep = (typeof FORMATION_STEPS)[number];

export interface Approver {
  id: string;
  name: string;
}

/** Who approves a step of a formation in the compound at `path`; null when no account may. */
export type ApproverFor = (step: FormationStep, path: string) => Approver | null;

/** Seals an ID number and a phone the way the people module does (checked, encrypted, blind-indexed, masked). */
export type SealPerson = (person: { idNumber: string; phone: string }, today: string) => SealedColumns;

export interface GridOwnersInput {
  seed: string;
  today: string;
  grid: { code: string; ordinal: number };
  /** How many grids the tree has: the lanes of the numbers landlords get. */
  lanes: number;
  /** The street office compounds file their committees with, e.g. 市中街道. */
  streetName: string;
  compounds: CompoundSpot[];
  /** The grid's residents, every one with a household. */
  residents: ResidentFacts[];
  approverFor: ApproverFor;
  seal: SealPerson;
}

export interface OwnersRows {
  ownerUnits: Row<'ownerUnits'>[];
  owners: Row<'owners'>[];
  unitOwnerships: Row<'unitOwnerships'>[];
  committeeFormations: Row<'committeeFormations'>[];
  ownerCommittees: Row<'ownerCommittees'>[];
  committeeMembers: Row<'committeeMembers'>[];
  formationSteps: Row<'formationSteps'>[];
  formationPeople: Row<'formationPeople'>[];
  committeeDisclosures: Row<'committeeDisclosures'>[];
}

export const OWNERS_TABLES = [
  'ownerUnits',
  'owners',
  'unitOwnerships',
  'committeeFormations',
  'ownerCommittees',
  'committeeMembers',
  'formationSteps',
  'formationPeople',
  'committeeDisclosures',
] as const satisfies readonly (keyof OwnersRows)[];

export function emptyRows(): OwnersRows {
  return Object.fromEntries(OWNERS_TABLES.map((t) => [t, []])) as unknown as OwnersRows;
}

/** What the generator decided for one compound: for tests and the load's summary. */
export interface CompoundOutcome {
  compoundCode: string;
  /** Shandong art. 20: the first owners' meeting is due. */
  triggered: boolean;
  committee: 'none' | 'in_term' | 'term_ended';
  /** Owners as SPC interpretation art. 9 counts them, from who the generator made hold what. */
  headcount: number;
  partyOnCommittee: number;
  formation: { kind: 'first' | 'reelection'; status: string; step: FormationStep } | null;
}
