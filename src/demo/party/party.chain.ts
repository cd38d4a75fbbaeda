// The four-level chain in one grid (CAPABILITIES §1.1): the grid branch under the community
// organisation, a building party group in each building with enough members, and party-member
// central households (党员中心户) in those buildings, each looking after 8–15 neighbouring households
// (联系户) — in its own building first, then in a neighbouring building that has no group of its own.

import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { Random } from '../../lib/random';
import { addDays, chunkIds } from '../people/people.ids';
import type { BuildingPlace, GridPlaces, HouseholdPlace } from '../people/people.places';
import type { DemoMember } from './party.members';
import type { BranchProfile } from './party.profile';
import { meetingPlace } from './party.texts';

type OrgRow = Insertable<Database['partyOrgs']>;
type LinkRow = Insertable<Database['centralHouseholdLinks']>;

export interface BuildingGroup {
  org: OrgRow;
  building: BuildingPlace;
  buildingIndex: number;
  members: DemoMember[];
}

export interface CentralHousehold {
  org: OrgRow;
  member: DemoMember;
  household: HouseholdPlace;
}

export interface GridChain {
  branch: OrgRow;
  groups: BuildingGroup[];
  centrals: CentralHousehold[];
  links: LinkRow[];
}

/** The branch's id: fixed by the grid alone, so that a resumed load can tell which grids are done. */
export function gridBranchId(places: Pick<GridPlaces, 'grid'>): string {
  return chunkIds('partyOrgs', places.grid.ordinal, 1)(`branch:${places.grid.code}`);
}

/** Ids of the grid's other organisations, after the community's (0) and the branch's (1). */
export function gridOrgIds(places: GridPlaces): (key: string) => string {
  return chunkIds('partyOrgs', places.grid.ordinal, 2);
}

function org(
  fields: Pick<
    OrgRow,
    'id' | 'kind' | 'name' | 'areaCode' | 'path' | 'parentId' | 'meetingPlace' | 'establishedOn'
  >,
  stamp: string,
): OrgRow {
  return { ...fields, status: 'active', createdAt: stamp, updatedAt: stamp };
}

export function buildChain(
  random: Random,
  opts: {
    places: GridPlaces;
    members: readonly DemoMember[];
    profile: BranchProfile;
    communityOrgId: string;
    today: string;
    stamp: string;
  },
): GridChain {
  const { places, profile, stamp, today } = opts;
  const ids = gridOrgIds(places);
  const firstCompound = places.buildings[0]?.compoundName ?? '';
  const branch = org(
    {
      id: gridBranchId(places),
      kind: 'grid_branch',
      name: `${places.community.name}${places.grid.name}党支部`,
      areaCode: places.grid.code,
      path: places.grid.path,
      parentId: opts.communityOrgId,
      meetingPlace: profile.hasMeetingPlace
        ? meetingPlace(random, {
            gridName: places.grid.name,
            compoundName: firstCompound,
            communityName: places.community.name,
          })
        : null,
      establishedOn: profile.establishedOn,
    },
    stamp,
  );
  const byBuilding = new Map<string, DemoMember[]>();
  for (const m of opts.members) {
    const code = places.buildings[m.resident.buildingIndex]!.code;
    const list = byBuilding.get(code);
    if (list) list.push(m);
    else byBuilding.set(code, [m]);
  }
  const groups: BuildingGroup[] = [];
  const centrals: CentralHousehold[] = [];
  const links: LinkRow[] = [];
  const linked = new Set<string>();
  const groupShare = profile.young ? 0.5 : 0.95;
  places.buildings.forEach((building, buildingIndex) => {
    const here = byBuilding.get(building.code) ?? [];
    // A group needs members living in the building; a lone member leads one with the help of
    // members next door more often than not.
    const share = here.length >= 2 ? groupShare : here.length === 1 ? groupShare * 0.6 : 0;
    if (random.next() >= share) return;
    const established = laterOf(
      profile.establishedOn,
      addDays(profile.establishedOn, random.int(0, 700)),
      today,
    );
    const group: BuildingGroup = {
      org: org(
        {
          id: ids(`group:${building.code}`),
          kind: 'building_group',
          name: `${building.compoundName}${building.name}党小组`,
          areaCode: building.code,
          path: building.path,
          parentId: branch.id,
          meetingPlace: null,
          establishedOn: established,
        },
        stamp,
      ),
      building,
      buildingIndex,
      members: here,
    };
    groups.push(group);
    // About one central household per 28 households, in homes of formal members, older members first.
    const homes = new Map<string, DemoMember>();
    for (const m of [...here].sort((a, b) => b.resident.age - a.resident.age))
      if (m.membership === 'formal' && !homes.has(m.resident.householdCode))
        homes.set(m.resident.householdCode, m);
    const wanted = Math.max(1, Math.round(building.households.length / 28));
    const chosen = random.shuffle([...homes.values()]).slice(0, wanted);
    for (const member of chosen) {
      const household = member.resident.household;
      const central: CentralHousehold = {
        org: org(
          {
            id: ids(`central:${household.code}`),
            kind: 'central_household',
            name: `${member.resident.name}党员中心户`,
            areaCode: household.code,
            path: household.path,
            parentId: group.org.id,
            meetingPlace: null,
            establishedOn: laterOf(established, addDays(established, random.int(0, 400)), today),
          },
          stamp,
        ),
        member,
        household,
      };
      centrals.push(central);
      linked.add(household.code);
    }
  });
  // Each central household's neighbours: the nearest doors in its own building not yet looked after.
  const capacity = new Map<string, number>();
  for (const c of centrals) {
    const building = places.buildings[c.member.resident.buildingIndex]!;
    const want = random.int(8, 15);
    const taken = nearest(building.households, c.household, linked, want);
    for (const h of taken) links.push({ orgId: c.org.id, householdCode: h.code, path: h.path });
    capacity.set(c.org.id, want - taken.length + random.int(3, 12));
  }
  // A building without a group is looked after, in part, from a group building next door.
  const grouped = new Set(groups.map((g) => g.buildingIndex));
  places.buildings.forEach((building, b) => {
    if (grouped.has(b)) return;
    const neighbour = centrals.find(
      (c) =>
        Math.abs(c.member.resident.buildingIndex - b) <= 2 &&
        places.buildings[c.member.resident.buildingIndex]!.compoundName === building.compoundName &&
        (capacity.get(c.org.id) ?? 0) > 0,
    );
    if (!neighbour) return;
    const room = capacity.get(neighbour.org.id)!;
    const taken = nearest(building.households, building.households[0]!, linked, room);
    for (const h of taken) links.push({ orgId: neighbour.org.id, householdCode: h.code, path: h.path });
    capacity.set(neighbour.org.id, room - taken.length);
  });
  return { branch, groups, centrals, links };
}

/** Up to `count` households nearest `from` in door order, skipping (and then marking) those already looked after. */
function nearest(
  households: readonly HouseholdPlace[],
  from: HouseholdPlace,
  taken: Set<string>,
  count: number,
): HouseholdPlace[] {
  const at = Math.max(0, households.indexOf(from));
  const out: HouseholdPlace[] = [];
  for (let d = 1; out.length < count && d <= households.length; d++) {
    for (const i of [at - d, at + d]) {
      const h = households[i];
      if (h && !taken.has(h.code) && out.length < count) {
        taken.add(h.code);
        out.push(h);
      }
    }
  }
  // `from` itself, when it is a neighbour's door rather than a central household's own home.
  if (!taken.has(from.code) && out.length < count) {
    taken.add(from.code);
    out.unshift(from);
  }
  return out;
}

/** `date`, but not before `earliest` nor after `latest`. */
function laterOf(earliest: string, date: string, latest: string): string {
  if (date < earliest) return earliest;
  return date > latest ? latest : date;
}
