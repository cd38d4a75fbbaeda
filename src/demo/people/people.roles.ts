// Roles residents hold on places (CAPABILITIES §2.6): a building head (楼栋长) in most buildings, one
// to three part-time grid workers (兼职网格员) in most grids, and the party-member central household
// (党员中心户) on the homes the party chain chose. Each holder lives in or below the place, as the
// people module requires of a role given by hand.

import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { Random } from '../../lib/random';
import type { CentralHousehold } from '../party/party.chain';
import type { DemoMember } from '../party/party.members';
import { addDays, chunkIds } from './people.ids';
import type { GridPlaces } from './people.places';
import type { DemoResident } from './people.residents';

type RoleRow = Insertable<Database['placeRoles']>;

/** A resident drawn with weights (party members and the retired more often), or null when none fits. */
function choose(
  random: Random,
  pool: readonly DemoResident[],
  weight: (r: DemoResident) => number,
  taken: Set<string>,
): DemoResident | null {
  let total = 0;
  const weights = pool.map((r) => (taken.has(r.id) ? 0 : weight(r)));
  for (const w of weights) total += w;
  if (total === 0) return null;
  let x = random.next() * total;
  for (let i = 0; i < pool.length; i++) {
    x -= weights[i]!;
    if (x < 0 && weights[i]! > 0) return pool[i]!;
  }
  return null;
}

export function drawRoles(
  random: Random,
  opts: {
    places: GridPlaces;
    residents: readonly DemoResident[];
    members: readonly DemoMember[];
    centrals: readonly CentralHousehold[];
    today: string;
    stamp: string;
  },
): RoleRow[] {
  const { places, today, stamp } = opts;
  const ids = chunkIds('placeRoles', places.grid.ordinal);
  const rows: RoleRow[] = [];
  const members = new Set(opts.members.map((m) => m.resident.id));
  const taken = new Set<string>();
  const role = (
    r: DemoResident,
    kind: RoleRow['role'],
    place: { code: string; path: string },
    since: string,
  ) => {
    taken.add(r.id);
    rows.push({
      id: ids(`${kind}:${place.code}:${r.id}`),
      residentId: r.id,
      role: kind,
      areaCode: place.code,
      path: place.path,
      since,
      until: null,
      createdAt: stamp,
    });
  };
  const byBuilding = new Map<number, DemoResident[]>();
  for (const r of opts.residents) {
    const list = byBuilding.get(r.buildingIndex);
    if (list) list.push(r);
    else byBuilding.set(r.buildingIndex, [r]);
  }
  places.buildings.forEach((building, b) => {
    if (random.next() >= 0.88) return;
    const head = choose(
      random,
      byBuilding.get(b) ?? [],
      (r) =>
        r.age < 35 || r.age > 75 || r.residenceType === 'floating'
          ? 0
          : (members.has(r.id) ? 3 : 1) * (r.age >= 55 ? 2 : 1),
      taken,
    );
    if (head) role(head, 'building_head', building, addDays(today, -random.int(60, 1800)));
  });
  if (random.next() < 0.82) {
    for (let n = random.int(1, 3); n > 0; n--) {
      const worker = choose(
        random,
        opts.residents,
        (r) => (r.age < 25 || r.age > 62 ? 0 : members.has(r.id) ? 2 : 1),
        taken,
      );
      if (worker) role(worker, 'part_time_grid_worker', places.grid, addDays(today, -random.int(30, 1500)));
    }
  }
  for (const c of opts.centrals)
    role(c.member.resident, 'party_central_household', c.household, c.org.establishedOn ?? today);
  return rows;
}
