// Which grids the pick-a-point map draws for the signed-in user. Officials and grid workers read
// the area boundaries (areas.read): the grids of their community (or street). A resident holds no
// areas.read; their own grid's boundary is public (grid regulation art. 6: /api/v1/public/grids),
// when their scope names a grid. Otherwise there is no map, and the place is their position or an
// address.

export type MapSource =
  | { kind: 'areas'; parent: string; level: 'street' | 'community' | 'grid' }
  | { kind: 'publicGrid'; grid: string }
  | { kind: 'none' };

export type SessionLike = {
  permissions: readonly string[];
  assignments: readonly { scopePath: string }[];
};

/** The area codes of a materialized path, city first: `3716/371602/371602001` → three codes. */
export function pathCodes(path: string): string[] {
  return path.split('/').filter((code) => code.length > 0);
}

/** Depths of the area tree: 1 city, 2 district, 3 street, 4 community, 5 grid, 6+ below. */
const STREET = 3;
const COMMUNITY = 4;
const GRID = 5;

export function mapSourceFor(session: SessionLike): MapSource {
  const scope = session.assignments[0]?.scopePath;
  if (!scope) return { kind: 'none' };
  const codes = pathCodes(scope);
  if (session.permissions.includes('areas.read')) {
    if (codes.length >= COMMUNITY)
      return { kind: 'areas', parent: codes[COMMUNITY - 1] as string, level: 'grid' };
    if (codes.length === STREET) return { kind: 'areas', parent: codes[STREET - 1] as string, level: 'grid' };
    if (codes.length === STREET - 1) return { kind: 'areas', parent: codes[1] as string, level: 'community' };
    return { kind: 'areas', parent: codes[0] as string, level: 'street' };
  }
  if (codes.length >= GRID) return { kind: 'publicGrid', grid: codes[GRID - 1] as string };
  return { kind: 'none' };
}
