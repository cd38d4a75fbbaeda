import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { addMember } from '../party/party.fixtures';
import type { OwnerRow } from './owners.table';

// Test factories for registers, committees and votes, written straight into the tables. The
// compounds are buildSmallCity's (areas.fixtures.ts): one per grid, four households each.

type Db = Kysely<Database>;

export const CITY = {
  streetA: '3716/371602/371602001',
  streetB: '3716/371602/371602002',
  compoundA1: '37160200100100101',
  compoundA2: '37160200100100201',
  compoundB1: '37160200200100101',
  /** The h-th household (1-based) of a compound's one building. */
  household: (compound: string, h: number) => `${compound}0010101${String(h).padStart(2, '0')}`,
} as const;

export async function pathOf(db: Db, code: string): Promise<string> {
  return (await db.selectFrom('areas').select('path').where('code', '=', code).executeTakeFirstOrThrow())
    .path;
}

export async function addOwner(
  db: Db,
  opts: { compound: string; name: string; kind?: OwnerRow['kind']; residentId?: string | null },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('owners')
    .values({
      id,
      compoundCode: opts.compound,
      path: await pathOf(db, opts.compound),
      name: opts.name,
      kind: opts.kind ?? 'person',
      residentId: opts.residentId ?? null,
      idNumberEnc: null,
      idNumberHash: null,
      idNumberMasked: null,
      phoneEnc: null,
      phoneHash: null,
      phoneMasked: null,
      createdAt: new Date().toISOString(),
    })
    .execute();
  return id;
}

export async function addUnit(
  db: Db,
  opts: {
    compound: string;
    label: string;
    area?: string;
    deliveredOn?: string | null;
    ownerIds?: string[];
    developerUnsold?: boolean;
  },
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('ownerUnits')
    .values({
      id,
      compoundCode: opts.compound,
      householdCode: null,
      path: await pathOf(db, opts.compound),
      label: opts.label,
      useKind: 'residence',
      registeredArea: opts.area ?? '100',
      surveyedArea: null,
      contractArea: null,
      deliveredOn: opts.deliveredOn === undefined ? '2024-01-01' : opts.deliveredOn,
      developerUnsold: opts.developerUnsold ? 1 : 0,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  for (const ownerId of opts.ownerIds ?? [])
    await db.insertInto('unitOwnerships').values({ unitId: id, ownerId, share: null }).execute();
  return id;
}

/**
 * A register of `delivered` units each with its own owner, plus `undelivered` units of the
 * developer; owners named 业主1, 业主2 … Returns the owners' ids in order.
 */
export async function buildRegister(
  db: Db,
  opts: { compound: string; delivered: number; undelivered?: number; deliveredOn?: string },
): Promise<string[]> {
  const owners: string[] = [];
  for (let i = 1; i <= opts.delivered; i++) {
    const owner = await addOwner(db, { compound: opts.compound, name: `业主${i}` });
    owners.push(owner);
    await addUnit(db, {
      compound: opts.compound,
      label: `${i}号`,
      ownerIds: [owner],
      deliveredOn: opts.deliveredOn ?? '2024-01-01',
    });
  }
  for (let i = 1; i <= (opts.undelivered ?? 0); i++)
    await addUnit(db, {
      compound: opts.compound,
      label: `未售${i}号`,
      deliveredOn: null,
      developerUnsold: true,
    });
  return owners;
}

/** Makes an owner a party member: a resident in the compound's first household with an active membership. */
export async function makePartyMember(db: Db, opts: { ownerId: string; compound: string }): Promise<string> {
  const memberId = await addMember(db, { householdCode: CITY.household(opts.compound, 1), name: '党员业主' });
  const { residentId } = await db
    .selectFrom('partyMembers')
    .select('residentId')
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  await db.updateTable('owners').set({ residentId }).where('id', '=', opts.ownerId).execute();
  return memberId;
}

/**
 * An owners'-meeting vote row as the votes module leaves it once closed (its `result` holds the
 * tally). A test-only path: the formation's vote step reads this row.
 */
export async function addClosedVote(
  db: Db,
  opts: { compound: string; passed: boolean; item?: number; status?: 'closed' | 'open' },
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('ownerVotes')
    .values({
      id,
      compoundCode: opts.compound,
      path: await pathOf(db, opts.compound),
      item: opts.item ?? 3,
      title: '选举第一届业主委员会',
      description: null,
      status: opts.status ?? 'closed',
      opensAt: now,
      closesAt: now,
      totalArea: '1000',
      totalHeadcount: 10,
      result: JSON.stringify({ tally: { passed: opts.passed }, closedAt: now }),
      createdBy: 'test',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

/** Street B's register, committee in term and formation under way, for the scope matrix. */
export async function buildStreetBOwners(db: Db) {
  const compound = CITY.compoundB1;
  const path = await pathOf(db, compound);
  const [ownerId] = await buildRegister(db, { compound, delivered: 5 });
  const unitId = (
    await db
      .selectFrom('unitOwnerships')
      .select('unitId')
      .where('ownerId', '=', ownerId!)
      .executeTakeFirstOrThrow()
  ).unitId;
  const now = new Date().toISOString();
  const committeeId = newId();
  await db
    .insertInto('ownerCommittees')
    .values({
      id: committeeId,
      compoundCode: compound,
      path,
      formationId: null,
      electedOn: '2024-01-01',
      termStart: '2024-01-01',
      termEnd: '2028-12-31',
      filedOn: null,
      filingAuthority: null,
      status: 'in_term',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  const formationId = newId();
  await db
    .insertInto('committeeFormations')
    .values({
      id: formationId,
      compoundCode: compound,
      path,
      kind: 'reelection',
      status: 'in_progress',
      currentStep: 'preparatory_group',
      startedOn: '2024-01-01',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { compound, ownerId: ownerId!, unitId, committeeId, formationId };
}
