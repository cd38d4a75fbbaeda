import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';

// Street B's demand records for the route-scope matrix (src/server/scope-matrix.int.test.ts): a
// dispatched demand in 市西1号小区 with a photo, a department of street B summoned by whistle.
// Written as rows so the matrix does not depend on the intake and handling services it checks.

const STREET_B = '3716/371602/371602002';
const GRID_B = `${STREET_B}/371602002001/371602002001001`;
const COMPOUND_B = `${GRID_B}/37160200200100101`;

export interface StreetBDemand {
  demandId: string;
  unitId: string;
  whistleId: string;
  sha256: string;
  categoryCode: string;
  compoundCode: string;
}

export async function buildStreetBDemand(db: Kysely<Database>): Promise<StreetBDemand> {
  const now = new Date().toISOString();
  const category = await db
    .selectFrom('demandCategories')
    .select(['code', 'currentVersion'])
    .where('parentCode', 'is not', null)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  const unitId = newId();
  await db
    .insertInto('handlingUnits')
    .values({
      id: unitId,
      kind: 'department',
      name: '市西街道城管中队',
      path: STREET_B,
      contactPhone: null,
      active: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  const sha256 = 'b'.repeat(64);
  await db
    .insertInto('storedFiles')
    .values({ sha256, mime: 'image/png', size: 1, createdBy: 'system', createdAt: now })
    .execute();
  const demandId = newId();
  await db
    .insertInto('demands')
    .values({
      id: demandId,
      number: '2099010100001',
      status: 'dispatched',
      categoryCode: category.code,
      categoryVersion: category.currentVersion,
      channel: 'hotline',
      origin: 'resident',
      description: '市西1号小区路灯不亮',
      address: null,
      lng: 12,
      lat: 5,
      path: COMPOUND_B,
      gridCode: '371602002001001',
      compoundCode: '37160200200100101',
      attributes: '{}',
      reporterUserId: null,
      reporterNameEnc: null,
      reporterNameMasked: '王*',
      reporterPhoneEnc: null,
      reporterPhoneHash: null,
      reporterPhoneMasked: '138****0000',
      anonymous: 0,
      callbackValid: 1,
      createdBy: 'system',
      responsibleKind: 'grid',
      responsibleRef: '371602002001001',
      responsibleName: '第1网格',
      handlerUserId: null,
      receivedAt: now,
      registeredAt: now,
      dispatchedAt: now,
      firstContactDueAt: now,
      firstContactedAt: null,
      dueAt: now,
      repliedAt: null,
      verifiedAt: null,
      closedAt: null,
      ratedAt: null,
      resolved: null,
      rating: null,
      ratingComment: null,
      reworkCount: 0,
      extensionCount: 0,
      mergedIntoId: null,
      open311Token: null,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('demandEvents')
    .values({
      id: newId(),
      demandId,
      seq: 1,
      action: 'receive',
      fromStatus: null,
      toStatus: 'received',
      actorId: null,
      actorLabel: 'system',
      note: null,
      data: '{}',
      at: now,
    })
    .execute();
  await db
    .insertInto('demandAttachments')
    .values({ id: newId(), demandId, eventId: null, sha256, createdAt: now })
    .execute();
  const whistleId = newId();
  await db
    .insertInto('demandWhistles')
    .values({
      id: whistleId,
      demandId,
      path: COMPOUND_B,
      unitId,
      unitName: '市西街道城管中队',
      summonedBy: 'system',
      summonedAt: now,
      reportDueAt: now,
      reportedAt: null,
      reportedBy: null,
      note: null,
    })
    .execute();
  return {
    demandId,
    unitId,
    whistleId,
    sha256,
    categoryCode: category.code,
    compoundCode: '37160200200100101',
  };
}
