// Where an organisation of the four-level chain may sit (CAPABILITIES §1.1: 社区党组织 → 网格党支部 →
// 楼栋党小组 → 党员中心户, bound to the area tree). Pure: the service reads the rows, this decides.

import type { Bilingual } from '../../server/errors';
import { ORG_KIND_AREA_LEVEL, PARTY_ORG_KINDS, type PartyOrgKind } from './party.table';

export const KIND_NAMES: Record<PartyOrgKind, Bilingual> = {
  community_committee: { zh: '社区党组织', en: 'community party organisation' },
  grid_branch: { zh: '网格党支部', en: 'grid party branch' },
  building_group: { zh: '楼栋党小组', en: 'building party group' },
  central_household: { zh: '党员中心户', en: 'party-member central household' },
};

const LEVEL_NAMES: Record<string, string> = {
  community: '社区',
  grid: '网格',
  building: '楼栋',
  household: '住户',
};

/** The kind one step up the chain; null for the community organisation at the top. */
export function parentKindOf(kind: PartyOrgKind): PartyOrgKind | null {
  return PARTY_ORG_KINDS[PARTY_ORG_KINDS.indexOf(kind) - 1] ?? null;
}

/** The kind one step down the chain; null for the central household at the bottom. */
export function childKindOf(kind: PartyOrgKind): PartyOrgKind | null {
  return PARTY_ORG_KINDS[PARTY_ORG_KINDS.indexOf(kind) + 1] ?? null;
}

export function levelName(level: string): string {
  return LEVEL_NAMES[level] ?? level;
}

/** `child` lies strictly below `parent` in the area tree (a path prefix up to a '/'). */
export function pathContains(parent: string, child: string): boolean {
  return child.startsWith(`${parent}/`);
}

export interface PlacementProblem {
  reason:
    | 'parent_required'
    | 'parent_not_allowed'
    | 'parent_wrong_kind'
    | 'parent_dissolved'
    | 'parent_outside';
  message: Bilingual;
}

/**
 * Why an organisation of `kind` on the place at `areaPath` may not hang below `parent`, or null
 * when it may: the community organisation has no parent here; every other kind needs an active
 * parent of the kind just above it whose place contains its own place.
 */
export function placementProblem(opts: {
  kind: PartyOrgKind;
  areaPath: string;
  parent: { kind: PartyOrgKind; path: string; status: 'active' | 'dissolved' } | null;
}): PlacementProblem | null {
  const { kind, areaPath, parent } = opts;
  const above = parentKindOf(kind);
  if (above === null) {
    return parent
      ? {
          reason: 'parent_not_allowed',
          message: {
            zh: '社区党组织是链条的第一级，不设上级组织',
            en: 'A community party organisation heads the chain and takes no parent',
          },
        }
      : null;
  }
  if (!parent)
    return {
      reason: 'parent_required',
      message: {
        zh: `${KIND_NAMES[kind].zh}须隶属于一个${KIND_NAMES[above].zh}`,
        en: `A ${KIND_NAMES[kind].en} must sit below a ${KIND_NAMES[above].en}`,
      },
    };
  if (parent.kind !== above)
    return {
      reason: 'parent_wrong_kind',
      message: {
        zh: `${KIND_NAMES[kind].zh}的上级应为${KIND_NAMES[above].zh}，所选为${KIND_NAMES[parent.kind].zh}`,
        en: `The parent of a ${KIND_NAMES[kind].en} must be a ${KIND_NAMES[above].en}, not a ${KIND_NAMES[parent.kind].en}`,
      },
    };
  if (parent.status !== 'active')
    return {
      reason: 'parent_dissolved',
      message: { zh: '所选上级组织已撤销', en: 'The chosen parent organisation is dissolved' },
    };
  if (!pathContains(parent.path, areaPath))
    return {
      reason: 'parent_outside',
      message: {
        zh: `所选${KIND_NAMES[parent.kind].zh}的区域不包含该${levelName(ORG_KIND_AREA_LEVEL[kind])}`,
        en: `The chosen ${KIND_NAMES[parent.kind].en}'s place does not contain this ${ORG_KIND_AREA_LEVEL[kind]}`,
      },
    };
  return null;
}
