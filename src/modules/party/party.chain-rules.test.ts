import { describe, expect, it } from 'vitest';
import { childKindOf, parentKindOf, placementProblem } from './party.chain-rules';

const COMMUNITY = '3716/371602/371602001/371602001001';
const GRID = `${COMMUNITY}/371602001001001`;
const OTHER_GRID = `${COMMUNITY}/371602001001002`;
const BUILDING = `${GRID}/37160200100100101/37160200100100101001`;
const HOUSEHOLD = `${BUILDING}/3716020010010010100101/37160200100100101001010101`;

describe('the four-level chain, top to bottom', () => {
  it('names the kind above and below each kind', () => {
    expect(parentKindOf('community_committee')).toBeNull();
    expect(parentKindOf('grid_branch')).toBe('community_committee');
    expect(parentKindOf('central_household')).toBe('building_group');
    expect(childKindOf('building_group')).toBe('central_household');
    expect(childKindOf('central_household')).toBeNull();
  });
});

describe('where an organisation may hang', () => {
  const active = 'active' as const;
  it.each([
    ['a community organisation without a parent', 'community_committee', COMMUNITY, null, null],
    [
      'a community organisation given a parent',
      'community_committee',
      COMMUNITY,
      { kind: 'community_committee', path: '3716/371602/371602001', status: active },
      'parent_not_allowed',
    ],
    ['a grid branch without a parent', 'grid_branch', GRID, null, 'parent_required'],
    [
      'a grid branch below the community organisation of its community',
      'grid_branch',
      GRID,
      { kind: 'community_committee', path: COMMUNITY, status: active },
      null,
    ],
    [
      'a building group directly below a community organisation (skipping the branch)',
      'building_group',
      BUILDING,
      { kind: 'community_committee', path: COMMUNITY, status: active },
      'parent_wrong_kind',
    ],
    [
      'a building group below the branch of another grid',
      'building_group',
      BUILDING,
      { kind: 'grid_branch', path: OTHER_GRID, status: active },
      'parent_outside',
    ],
    [
      'a building group below a dissolved branch',
      'building_group',
      BUILDING,
      { kind: 'grid_branch', path: GRID, status: 'dissolved' as const },
      'parent_dissolved',
    ],
    [
      'a central household below the building group of its building',
      'central_household',
      HOUSEHOLD,
      { kind: 'building_group', path: BUILDING, status: active },
      null,
    ],
    [
      'a grid branch whose parent sits on a place sharing only a prefix of characters',
      'grid_branch',
      '3716/371602/371602001/3716020010011/37160200100110001',
      { kind: 'community_committee', path: '3716/371602/371602001/371602001001', status: active },
      'parent_outside',
    ],
  ] as const)('%s → %s', (_name, kind, areaPath, parent, expected) => {
    expect(placementProblem({ kind, areaPath, parent })?.reason ?? null).toBe(expected);
  });

  it('says in both languages why', () => {
    const problem = placementProblem({ kind: 'grid_branch', areaPath: GRID, parent: null });
    expect(problem?.message.zh).toContain('网格党支部');
    expect(problem?.message.en).toContain('grid party branch');
  });
});
