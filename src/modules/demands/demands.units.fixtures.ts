import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';

// Test helper: a handling unit of street B (buildSmallCity) serving its first compound, for tests
// that check a street-A official can neither see nor change it (the route-scope matrix).

const STREET_B_PATH = '3716/371602/371602002';
const COMPOUND_B1 = '37160200200100101';
const COMPOUND_B1_PATH = `${STREET_B_PATH}/371602002001/371602002001001/${COMPOUND_B1}`;

export async function buildStreetBUnit(db: Kysely<Database>): Promise<{ id: string; name: string }> {
  const now = new Date().toISOString();
  const unit = { id: newId(), name: '市西街道测试物业' };
  await db
    .insertInto('handlingUnits')
    .values({
      ...unit,
      kind: 'property_company',
      path: STREET_B_PATH,
      contactPhone: '0543-3169999',
      active: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('handlingUnitPlaces')
    .values({ unitId: unit.id, areaCode: COMPOUND_B1, path: COMPOUND_B1_PATH })
    .execute();
  return unit;
}
