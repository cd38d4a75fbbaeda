import { idNumberCheckCharacter } from '../../lib/id-number';
import type { Session, TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';

// Test factories for the people module, on buildSmallCity's 滨城区: street A 市中街道 371602001 and
// street B 市西街道 371602002, two grids each, one compound, building and unit per grid.

export const STREET_A = '3716/371602/371602001';
export const STREET_B = '3716/371602/371602002';
export const GRID_A1 = `${STREET_A}/371602001001/371602001001001`;

/** A valid GB 11643 number: region, birth date, a sequence (odd = male), ISO 7064 check character. */
export function testIdNumber(seq: number, birth = '19850315', region = '371602'): string {
  const first17 = `${region}${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

export const testPhone = (seq: number) => `139${String(seq).padStart(8, '0')}`;

/** Code of a place in the small city: street 'A' | 'B', grid 1 | 2. */
export function placeCode(street: 'A' | 'B', grid: 1 | 2, level: 'grid' | 'compound' | 'building' | 'unit') {
  const g = `37160200${street === 'A' ? 1 : 2}00100${grid}`;
  const codes = { grid: g, compound: `${g}01`, building: `${g}01001`, unit: `${g}0100101` };
  return codes[level];
}

export const householdCode = (street: 'A' | 'B', grid: 1 | 2, n: number) =>
  `${placeCode(street, grid, 'unit')}01${String(n).padStart(2, '0')}`;

export function residentBody(opts: { household: string; seq: number; name?: string; relation?: string }) {
  return {
    householdCode: opts.household,
    name: opts.name ?? `居民${opts.seq}`,
    idNumber: testIdNumber(opts.seq),
    phone: testPhone(opts.seq),
    relationToHead: opts.relation ?? 'head',
    residenceType: 'registered',
  };
}

export interface PeopleCity {
  admin: Session;
  streetA: Session;
  streetB: Session;
  gridA1: Session;
  auditor: Session;
  volunteer: Session;
}

/** The small city with one user per role that matters to residents' personal data. */
export async function buildPeopleCity(t: TestApp): Promise<PeopleCity> {
  await buildSmallCity(t.db.kysely, { householdsPerCompound: 4 });
  const users: [string, string, string][] = [
    ['admin1', 'city_admin', '3716'],
    ['streeta', 'street_official', STREET_A],
    ['streetb', 'street_official', STREET_B],
    ['grida1', 'grid_worker', GRID_A1],
    ['auditor1', 'auditor', '3716'],
    ['volunteera', 'volunteer', STREET_A],
  ];
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  const [admin, streetA, streetB, gridA1, auditor, volunteer] = await Promise.all(
    users.map(([u]) => t.login(u)),
  );
  return { admin, streetA, streetB, gridA1, auditor, volunteer } as PeopleCity;
}
