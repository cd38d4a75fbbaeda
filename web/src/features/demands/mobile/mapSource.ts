import type { Position } from './pickPointMap';

// Which grids the pick-a-point map draws for the signed-in user. Officials and grid workers read
// the area boundaries (areas.read): the grids of their community (or street). Anyone else who may
// file or read demands, a resident above all, gets the public grid map of the filing page
// (/api/v1/demands/places/grids; grids are publicised, grid regulation art. 6): the grids around
// their position when known, else those of the community (or street) they chose or their scope
// names, else they choose a street and a community first.

export type MapSource =
  | { kind: 'areas'; parent: string; level: 'street' | 'community' | 'grid' }
  | { kind: 'near'; point: Position }
  | { kind: 'under'; areaCode: string }
  | { kind: 'choose' }
  | { kind: 'none' };

export type SessionLike = {
  permissions: readonly string[];
  assignments: readonly { scopePath: string }[];
};

/** What the user told the page: their position (located) and a street or community they chose. */
export type MapChoice = { position?: readonly [number, number] | null; areaCode?: string | null };

/** The area codes of a materialized path, city first: `3716/371602/371602001` → three codes. */
export function pathCodes(path: string): string[] {
  return path.split('/').filter((code) => code.length > 0);
}

/** Depths of the area tree: 1 city, 2 district, 3 street, 4 community, 5 grid, 6+ below. */
const STREET = 3;
const COMMUNITY = 4;

/** About 100 m: a position moved by a few metres asks the same question (one cache entry). */
const NEAR_DECIMALS = 3;

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Whether the user sees the public grid map (may file or read demands, no areas.read). */
export function usesPublicGrids(session: SessionLike): boolean {
  return (
    !session.permissions.includes('areas.read') &&
    (session.permissions.includes('demands.create') || session.permissions.includes('demands.read'))
  );
}

export function mapSourceFor(session: SessionLike, choice: MapChoice = {}): MapSource {
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
  if (!usesPublicGrids(session)) return { kind: 'none' };
  if (choice.position)
    return {
      kind: 'near',
      point: [roundTo(choice.position[0], NEAR_DECIMALS), roundTo(choice.position[1], NEAR_DECIMALS)],
    };
  if (choice.areaCode) return { kind: 'under', areaCode: choice.areaCode };
  if (codes.length >= COMMUNITY) return { kind: 'under', areaCode: codes[COMMUNITY - 1] as string };
  if (codes.length === STREET) return { kind: 'under', areaCode: codes[STREET - 1] as string };
  return { kind: 'choose' };
}
