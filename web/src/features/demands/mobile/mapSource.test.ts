import { describe, expect, it } from 'vitest';
import { mapSourceFor, pathCodes } from './mapSource';

const reader = (scopePath: string) => ({
  permissions: ['areas.read', 'demands.handle'],
  assignments: [{ scopePath }],
});
const resident = (scopePath: string) => ({ permissions: ['demands.create'], assignments: [{ scopePath }] });

describe('pathCodes', () => {
  it('splits a path into codes', () => {
    expect(pathCodes('3716/371602/371602001')).toEqual(['3716', '371602', '371602001']);
    expect(pathCodes('')).toEqual([]);
  });
});

describe('mapSourceFor', () => {
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
    [
      'a resident of a compound: their grid’s public boundary',
      resident('3716/371602/371602001/371602001001/371602001001001/371602001001001001'),
      { kind: 'publicGrid', grid: '371602001001001' },
    ],
    [
      'a resident known only by community: no map',
      resident('3716/371602/371602001/371602001001'),
      { kind: 'none' },
    ],
  ] as const)('%s', (_name, session, source) => {
    expect(mapSourceFor(session)).toEqual(source);
  });

  it('draws nothing for a user without an assignment', () => {
    expect(mapSourceFor({ permissions: ['areas.read'], assignments: [] })).toEqual({ kind: 'none' });
  });
});
