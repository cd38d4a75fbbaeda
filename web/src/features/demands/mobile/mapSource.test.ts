import { describe, expect, it } from 'vitest';
import { mapSourceFor, pathCodes, usesPublicGrids } from './mapSource';

const reader = (scopePath: string) => ({
  permissions: ['areas.read', 'demands.handle'],
  assignments: [{ scopePath }],
});
const resident = (scopePath: string) => ({ permissions: ['demands.create'], assignments: [{ scopePath }] });
const COMPOUND = '3716/371602/371602001/371602001001/371602001001001/371602001001001001';

describe('pathCodes', () => {
  it('splits a path into codes', () => {
    expect(pathCodes('3716/371602/371602001')).toEqual(['3716', '371602', '371602001']);
    expect(pathCodes('')).toEqual([]);
  });
});

describe('mapSourceFor an area reader (unchanged by position or choice)', () => {
  it.each([
    [
      'a grid worker: the grids of their community',
      reader('3716/371602/371602001/371602001001/371602001001001'),
      { kind: 'areas', parent: '371602001001', level: 'grid' },
    ],
    [
      'a community official: the grids of the community',
      reader('3716/371602/371602001/371602001001'),
      { kind: 'areas', parent: '371602001001', level: 'grid' },
    ],
    [
      'a street official: the grids of the street',
      reader('3716/371602/371602001'),
      { kind: 'areas', parent: '371602001', level: 'grid' },
    ],
    [
      'a district official: the communities of the district',
      reader('3716/371602'),
      { kind: 'areas', parent: '371602', level: 'community' },
    ],
    ['a city official: the streets', reader('3716'), { kind: 'areas', parent: '3716', level: 'street' }],
  ] as const)('%s', (_name, session, source) => {
    expect(mapSourceFor(session)).toEqual(source);
    expect(mapSourceFor(session, { position: [117.97, 37.38], areaCode: '371602002001' })).toEqual(source);
  });
});

describe('mapSourceFor one who may file but not read areas: the public grid map', () => {
  it.each([
    [
      'a city-wide resident with nothing chosen: choose a street and community',
      resident('3716'),
      {},
      { kind: 'choose' },
    ],
    [
      'a city-wide resident who chose a community: its grids',
      resident('3716'),
      { areaCode: '371602001001' },
      { kind: 'under', areaCode: '371602001001' },
    ],
    [
      'a located resident: the grids around, rounded to about 100 m',
      resident('3716'),
      { position: [117.971234, 37.384567] },
      { kind: 'near', point: [117.971, 37.385] },
    ],
    [
      'position first, over a chosen community',
      resident('3716'),
      { position: [117.9714, 37.3836], areaCode: '371602001001' },
      { kind: 'near', point: [117.971, 37.384] },
    ],
    [
      'a resident of a compound: the grids of their community',
      resident(COMPOUND),
      {},
      { kind: 'under', areaCode: '371602001001' },
    ],
    [
      'a resident known by street: the grids of the street',
      resident('3716/371602/371602001'),
      { areaCode: null, position: null },
      { kind: 'under', areaCode: '371602001' },
    ],
    [
      'a resident of a compound who chose another community: that one',
      resident(COMPOUND),
      { areaCode: '371602002001' },
      { kind: 'under', areaCode: '371602002001' },
    ],
    [
      'a reader of demands without areas.read (auditor-like): the public map too',
      { permissions: ['demands.read'], assignments: [{ scopePath: '3716' }] },
      {},
      { kind: 'choose' },
    ],
  ] as const)('%s', (_name, session, choice, source) => {
    expect(mapSourceFor(session, choice)).toEqual(source);
  });
});

describe('no map', () => {
  it('for a user without an assignment', () => {
    expect(mapSourceFor({ permissions: ['areas.read'], assignments: [] })).toEqual({ kind: 'none' });
  });
  it('for one who may neither read areas nor file or read demands', () => {
    const session = { permissions: ['owners.vote'], assignments: [{ scopePath: '3716' }] };
    expect(mapSourceFor(session, { areaCode: '371602001001' })).toEqual({ kind: 'none' });
    expect(usesPublicGrids(session)).toBe(false);
  });
});

describe('usesPublicGrids', () => {
  it.each([
    [['demands.create'], true],
    [['demands.read'], true],
    [['areas.read', 'demands.create'], false],
    [[], false],
  ] as const)('%j → %s', (permissions, expected) => {
    expect(usesPublicGrids({ permissions, assignments: [{ scopePath: '3716' }] })).toBe(expected);
  });
});
