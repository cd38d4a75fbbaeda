import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReachIndex, type ChainOrg, countReached, isChainIntact } from './party.chain-reach';

const G = '3716/1/2/c1/g1';
const B1 = `${G}/k1/b1`;
const B2 = `${G}/k1/b2`;
const hh = (b: string, n: number) => ({
  code: `${b.split('/').pop()}-h${n}`,
  path: `${b}/u1/${b.split('/').pop()}-h${n}`,
});

function chain(status: Partial<Record<'c' | 'g' | 'b' | 'h', 'active' | 'dissolved'>> = {}): ChainOrg[] {
  return [
    {
      id: 'c',
      kind: 'community_committee',
      parentId: null,
      status: status.c ?? 'active',
      areaCode: 'c1',
      path: '3716/1/2/c1',
    },
    { id: 'g', kind: 'grid_branch', parentId: 'c', status: status.g ?? 'active', areaCode: 'g1', path: G },
    {
      id: 'b',
      kind: 'building_group',
      parentId: 'g',
      status: status.b ?? 'active',
      areaCode: 'b1',
      path: B1,
    },
    {
      id: 'h',
      kind: 'central_household',
      parentId: 'b',
      status: status.h ?? 'active',
      areaCode: hh(B1, 1).code,
      path: hh(B1, 1).path,
    },
  ];
}

describe('an intact chain', () => {
  it.each([
    ['every level active', {}, true],
    ['the central household dissolved', { h: 'dissolved' }, false],
    ['its building group dissolved', { b: 'dissolved' }, false],
    ['its grid branch dissolved', { g: 'dissolved' }, false],
    ['the community organisation dissolved', { c: 'dissolved' }, false],
  ] as const)('a central household with %s is intact: %s', (_n, status, expected) => {
    const orgs = chain(status);
    expect(isChainIntact(orgs[3]!, new Map(orgs.map((o) => [o.id, o])))).toBe(expected);
  });

  it('is broken when a level is missing or of the wrong kind', () => {
    const orgs = chain();
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const skipping: ChainOrg = { ...orgs[2]!, id: 'x', parentId: 'c' };
    expect(isChainIntact(skipping, byId)).toBe(false);
    const orphan: ChainOrg = { ...orgs[1]!, id: 'y', parentId: 'nowhere' };
    expect(isChainIntact(orphan, byId)).toBe(false);
  });

  it('is broken when a branch’s grid has moved out of its parent’s community', () => {
    const orgs = chain();
    const moved = orgs.map((o) => (o.id === 'c' ? { ...o, path: '3716/1/2/c2' } : o));
    const byId = new Map(moved.map((o) => [o.id, o]));
    expect(isChainIntact(moved[3]!, byId)).toBe(false);
  });
});

describe('which households the chain reaches', () => {
  const households = [hh(B1, 1), hh(B1, 2), hh(B2, 1), hh(B2, 2), hh(B2, 3)];
  const linkB2 = [{ orgId: 'h', householdCode: hh(B2, 1).code }];

  it.each([
    ['an intact chain with one link into the next building', {}, linkB2, 3],
    ['no links: the building group still reaches its own building', {}, [], 2],
    ['the building group dissolved: nothing below it is intact either', { b: 'dissolved' }, linkB2, 0],
    ['the grid branch dissolved: the whole grid falls out', { g: 'dissolved' }, linkB2, 0],
    ['the central household dissolved: only the building group reaches', { h: 'dissolved' }, linkB2, 2],
  ] as const)('%s → %i reached', (_n, status, links, reached) => {
    expect(countReached({ households, orgs: chain(status), links })).toEqual({ households: 5, reached });
  });

  it('tells which arm reaches a household, the central household first', () => {
    const reachOf = buildReachIndex({ orgs: chain(), links: linkB2 });
    expect(reachOf(hh(B1, 1))).toBe('central_household');
    expect(reachOf(hh(B1, 2))).toBe('building_group');
    expect(reachOf(hh(B2, 1))).toBe('central_household');
    expect(reachOf(hh(B2, 2))).toBeNull();
  });

  it('does not count a building whose code merely starts like the group’s building', () => {
    const lookalike = { code: 'b10-h1', path: `${G}/k1/b10/u1/b10-h1` };
    expect(buildReachIndex({ orgs: chain(), links: [] })(lookalike)).toBeNull();
  });

  it('dissolving any organisation never reaches more households', () => {
    fc.assert(
      fc.property(
        fc.subarray(['c', 'g', 'b', 'h'] as const),
        fc.subarray(households),
        (dissolved, linked) => {
          const links = linked.map((h) => ({ orgId: 'h', householdCode: h.code }));
          const before = countReached({ households, orgs: chain(), links }).reached;
          const status = Object.fromEntries(dissolved.map((k) => [k, 'dissolved' as const]));
          expect(countReached({ households, orgs: chain(status), links }).reached).toBeLessThanOrEqual(
            before,
          );
        },
      ),
    );
  });
});
