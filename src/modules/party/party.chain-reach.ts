// Households reached by the four-level chain (CAPABILITIES §1.1: "every household reachable
// through it"). This file is the rule; party.reach.repository.ts computes the same rule in one SQL
// pass for a whole area, and party.reach.int.test.ts checks the two agree.
//
// A household is reached when
//   (a) a central household (党员中心户) whose chain is intact links it (联系户), or is itself
//       bound to that household — a central household reaches its own home; or
//   (b) its building has an intact building party group (楼栋党小组): the group organises the
//       whole building, so a building with a working group reaches every household in it even
//       before each household has been assigned to a central household.
// A chain is intact when the organisation and every organisation up its parent chain to the
// community organisation are active, each of the kind just above the one below it and bound to a
// place containing the place below. A dissolved grid branch therefore cuts off every building
// group and central household beneath it; so does a grid moved to another community until its
// branch is put under that community's organisation.

import { parentKindOf, pathContains } from './party.chain-rules';
import type { PartyOrgKind } from './party.table';

export interface ChainOrg {
  id: string;
  kind: PartyOrgKind;
  parentId: string | null;
  status: 'active' | 'dissolved';
  areaCode: string;
  /** The area path of the place the organisation is bound to. */
  path: string;
}

export interface HouseholdPlace {
  code: string;
  path: string;
}

export type ReachedBy = 'central_household' | 'building_group';

/** The organisation and all above it are active, each the kind above the one below and containing its place, up to a community organisation. */
export function isChainIntact(org: ChainOrg, byId: ReadonlyMap<string, ChainOrg>): boolean {
  let current: ChainOrg | undefined = org;
  for (let steps = 0; current && steps < 4; steps++) {
    if (current.status !== 'active') return false;
    const above = parentKindOf(current.kind);
    if (above === null) return current.parentId === null;
    const parent: ChainOrg | undefined = current.parentId ? byId.get(current.parentId) : undefined;
    if (!parent || parent.kind !== above || !pathContains(parent.path, current.path)) return false;
    current = parent;
  }
  return false;
}

/** Prepares the rule for many households: which are reached, and through which arm. */
export function buildReachIndex(opts: {
  orgs: readonly ChainOrg[];
  links: readonly { orgId: string; householdCode: string }[];
}): (household: HouseholdPlace) => ReachedBy | null {
  const byId = new Map(opts.orgs.map((o) => [o.id, o]));
  const intact = new Set(opts.orgs.filter((o) => isChainIntact(o, byId)).map((o) => o.id));
  const byCentral = new Set<string>();
  for (const o of opts.orgs)
    if (o.kind === 'central_household' && intact.has(o.id)) byCentral.add(o.areaCode);
  for (const l of opts.links) {
    const org = byId.get(l.orgId);
    if (org?.kind === 'central_household' && intact.has(org.id)) byCentral.add(l.householdCode);
  }
  const groupPaths = opts.orgs
    .filter((o) => o.kind === 'building_group' && intact.has(o.id))
    .map((o) => `${o.path}/`);
  return (household) => {
    if (byCentral.has(household.code)) return 'central_household';
    if (groupPaths.some((p) => household.path.startsWith(p))) return 'building_group';
    return null;
  };
}

/** Reached households among `households`, by the rule above. */
export function countReached(opts: {
  households: readonly HouseholdPlace[];
  orgs: readonly ChainOrg[];
  links: readonly { orgId: string; householdCode: string }[];
}): { households: number; reached: number } {
  const reachOf = buildReachIndex(opts);
  return {
    households: opts.households.length,
    reached: opts.households.filter((h) => reachOf(h) !== null).length,
  };
}
