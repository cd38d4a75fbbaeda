import { describe, expect, it } from 'vitest';
import { ORG_KIND_AREA_LEVEL, PARTY_ORG_KINDS } from '../../modules/party/index';
import { PLACE_ROLES } from '../../modules/people/index';
import { type GridChunk, generateGridChunk } from './people.chunk';
import { communityOrgId } from './people.ids';
import type { GridPlaces } from './people.places';

const TODAY = '2026-11-27';
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A grid of `buildings` walk-ups of `perBuilding` households, as the area tree would hold it. */
function gridPlaces(ordinal: number, opts: { buildings?: number; perBuilding?: number } = {}): GridPlaces {
  const community = { code: '371602001001', name: '黄河社区', path: '3716/371602/371602001/371602001001' };
  const code = `${community.code}${pad(ordinal + 1, 3)}`;
  const path = `${community.path}/${code}`;
  const compound = `${code}01`;
  return {
    grid: {
      code,
      name: `第${ordinal + 1}网格`,
      path,
      communityCode: community.code,
      ordinal,
      communityOrdinal: 0,
    },
    community,
    lanes: 40,
    countyCode: '371602',
    streetCode: '371602001',
    buildings: Array.from({ length: opts.buildings ?? 8 }, (_, b) => {
      const building = `${compound}${pad(b + 1, 3)}`;
      const unit = `${building}01`;
      const buildingPath = `${path}/${compound}/${building}`;
      return {
        code: building,
        path: buildingPath,
        name: `${b + 1}号楼`,
        compoundName: '锦绣花园',
        households: Array.from({ length: opts.perBuilding ?? 36 }, (_, h) => {
          const door = `${pad(Math.floor(h / 2) + 1, 2)}${pad((h % 2) + 1, 2)}`;
          return {
            code: `${unit}${door}`,
            path: `${buildingPath}/${unit}/${unit}${door}`,
            name: door,
            floor: 1,
          };
        }),
      };
    }),
  };
}

function chunkOf(ordinal: number, seed = 'binzhou', withCommunity = ordinal === 0): GridChunk {
  const places = gridPlaces(ordinal);
  return generateGridChunk(places, {
    seed,
    today: TODAY,
    communityOrgId: communityOrgId(0, places.community.code),
    withCommunity,
  });
}

const chunks = Array.from({ length: 12 }, (_, g) => chunkOf(g));

describe('a generated grid', () => {
  it('is the same for the same grid, seed and day, and another for another seed', () => {
    expect(chunkOf(3)).toEqual(chunks[3]);
    expect(chunkOf(3, 'another').residents.map((r) => r.name)).not.toEqual(
      chunks[3]!.residents.map((r) => r.name),
    );
  });

  it('gives every household residents and every resident an ID number no other resident has', () => {
    const numbers = new Set<string>();
    for (const [g, chunk] of chunks.entries()) {
      const housed = new Set(chunk.residents.map((r) => r.householdCode));
      expect(housed.size).toBe(8 * 36);
      const grid = `${gridPlaces(g).grid.path}/`;
      expect(chunk.residents.every((r) => r.path.startsWith(grid))).toBe(true);
      for (const r of chunk.residents) numbers.add(r.idNumberValue);
    }
    expect(numbers.size).toBe(chunks.reduce((n, c) => n + c.residents.length, 0));
  });

  it('makes party members of about one adult in fifteen, all of them adults living in the grid', () => {
    let adults = 0;
    let members = 0;
    for (const chunk of chunks) {
      const byId = new Map(chunk.residents.map((r) => [r.id, r]));
      adults += chunk.residents.filter((r) => r.age >= 18).length;
      members += chunk.partyMembers.length;
      for (const m of chunk.partyMembers) {
        const resident = byId.get(m.residentId)!;
        expect(resident.age).toBeGreaterThanOrEqual(18);
        expect(m.path).toBe(resident.path);
        if (m.membership === 'formal') expect(m.joinedOn! <= TODAY).toBe(true);
      }
    }
    expect(members / adults).toBeGreaterThan(0.05);
    expect(members / adults).toBeLessThan(0.085);
  });

  it('hangs each organisation below one of the kind above it, on a place containing its own', () => {
    for (const chunk of chunks) {
      const orgs = new Map(chunk.partyOrgs.map((o) => [o.id, o]));
      for (const org of chunk.partyOrgs) {
        const above = PARTY_ORG_KINDS[PARTY_ORG_KINDS.indexOf(org.kind) - 1];
        expect(org.areaCode).toBe(org.path.split('/').at(-1));
        expect(org.path.split('/')).toHaveLength(
          { community: 4, grid: 5, building: 7, household: 9 }[ORG_KIND_AREA_LEVEL[org.kind]],
        );
        if (!above) continue;
        if (org.kind === 'grid_branch') {
          expect(org.parentId).toBe(communityOrgId(0, '371602001001'));
          continue;
        }
        const parent = orgs.get(org.parentId!)!;
        expect(parent.kind).toBe(above);
        expect(org.path.startsWith(`${parent.path}/`)).toBe(true);
      }
      const linked = chunk.centralHouseholdLinks.map((l) => l.householdCode);
      expect(new Set(linked).size).toBe(linked.length);
    }
  });

  it('dates meetings and transfer steps in order and never after today', () => {
    for (const chunk of chunks) {
      const orgs = new Set(chunk.partyOrgs.map((o) => o.id));
      for (const r of chunk.orgLifeRecords) {
        expect(orgs.has(r.orgId)).toBe(true);
        expect(r.heldOn <= TODAY).toBe(true);
      }
      for (const t of chunk.partyTransfers) {
        const decidedOn = t.decidedOn ?? null;
        const completedOn = t.completedOn ?? null;
        expect(decidedOn === null || decidedOn >= t.requestedOn).toBe(true);
        expect(completedOn === null || (decidedOn !== null && completedOn >= decidedOn)).toBe(true);
        expect([t.requestedOn, decidedOn, completedOn].every((d) => d === null || d <= TODAY)).toBe(true);
        expect(t.status === 'refused').toBe(t.reason !== null);
      }
    }
  });

  it('gives roles on places only to people living there, and central households to members at home', () => {
    for (const chunk of chunks) {
      const residents = new Map(chunk.residents.map((r) => [r.id, r]));
      const members = new Set(chunk.partyMembers.map((m) => m.residentId));
      for (const role of chunk.placeRoles) {
        expect(PLACE_ROLES).toContain(role.role);
        const holder = residents.get(role.residentId)!;
        expect(holder.path === role.path || holder.path.startsWith(`${role.path}/`)).toBe(true);
        if (role.role === 'party_central_household') {
          expect(members.has(holder.id)).toBe(true);
          expect(holder.householdCode).toBe(role.areaCode);
        }
      }
    }
  });
});
