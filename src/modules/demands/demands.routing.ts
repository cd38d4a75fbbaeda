import type { ResponsibleKind } from './demands.table';

// Who a demand goes to (派单). The catalogue names each category's default party; the place the
// demand is at says whether that party exists there. The Binzhou grid regulation art. 11 has the
// grid collect and pass on matters and the party responsible handle them (流转办理); the Beijing
// 接诉即办 regulation art. 13 has the work order go straight to the responsible unit (直派). When
// the place has no such party, the demand goes one level up to whoever answers for the place:
// a property company, owners' committee or co-building unit → the community; a grid → the
// community; a department → the street; a community → the street. A street has no fallback.

export interface PlaceRef {
  code: string;
  name: string;
}

export interface UnitRef {
  id: string;
  name: string;
}

/** What is known about a demand's place: the areas it lies in and the units serving it. */
export interface PlaceFacts {
  grid?: PlaceRef;
  compound?: PlaceRef;
  community?: PlaceRef;
  street?: PlaceRef;
  propertyCompany?: UnitRef;
  ownersCommittee?: UnitRef;
  department?: UnitRef;
  cobuildUnit?: UnitRef;
}

export interface ResponsibleChoice {
  kind: ResponsibleKind;
  /** An area code for grid/community/street; a handling unit or owners' committee id otherwise. */
  ref: string;
  name: string;
}

const FALLBACK: Record<ResponsibleKind, ResponsibleKind | null> = {
  grid: 'community',
  property_company: 'community',
  owners_committee: 'community',
  cobuild_unit: 'community',
  community: 'street',
  department: 'street',
  street: null,
};

function partyAt(kind: ResponsibleKind, facts: PlaceFacts): ResponsibleChoice | null {
  const area = (p: PlaceRef | undefined) => (p ? { kind, ref: p.code, name: p.name } : null);
  const unit = (u: UnitRef | undefined) => (u ? { kind, ref: u.id, name: u.name } : null);
  switch (kind) {
    case 'grid':
      return area(facts.grid);
    case 'community':
      return area(facts.community);
    case 'street':
      return area(facts.street);
    case 'property_company':
      return unit(facts.propertyCompany);
    case 'owners_committee':
      return unit(facts.ownersCommittee);
    case 'cobuild_unit':
      return unit(facts.cobuildUnit);
    case 'department':
      return unit(facts.department);
  }
}

/** The default party if the place has it, else the next one up (see the header); null if none. */
export function chooseResponsible(
  defaultParty: ResponsibleKind,
  facts: PlaceFacts,
): ResponsibleChoice | null {
  for (let kind: ResponsibleKind | null = defaultParty; kind !== null; kind = FALLBACK[kind]) {
    const found = partyAt(kind, facts);
    if (found) return found;
  }
  return null;
}
