import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { PartyMemberRow } from '../people/people.table';
import type { PartyOrgKind, PartyOrgRow } from './party.table';

// Test factories. The people module owns residents and party_members; tests insert those rows
// directly here, with only the columns the party module reads.

type Db = Kysely<Database>;

/** Codes of buildSmallCity (areas.fixtures.ts): street A 市中 and street B 市西, one building per grid. */
export const SMALL_CITY = {
  communityA: '371602001001',
  gridA1: '371602001001001',
  gridA2: '371602001001002',
  buildingA1: '37160200100100101001',
  buildingA2: '37160200100100201001',
  communityB: '371602002001',
  gridB1: '371602002001001',
  buildingB1: '37160200200100101001',
  /** The h-th household (1-based) of the one building in a grid. */
  household: (gridCode: string, h: number) => `${gridCode}010010101${String(h).padStart(2, '0')}`,
} as const;

async function pathOf(db: Db, code: string): Promise<string> {
  const row = await db.selectFrom('areas').select('path').where('code', '=', code).executeTakeFirstOrThrow();
  return row.path;
}

export async function addOrg(
  db: Db,
  opts: {
    kind: PartyOrgKind;
    areaCode: string;
    parentId?: string | null;
    status?: 'active' | 'dissolved';
    meetingPlace?: string | null;
    name?: string;
  },
): Promise<PartyOrgRow> {
  const now = new Date().toISOString();
  const row: PartyOrgRow = {
    id: newId(),
    kind: opts.kind,
    name: opts.name ?? `${opts.kind} ${opts.areaCode}`,
    areaCode: opts.areaCode,
    path: await pathOf(db, opts.areaCode),
    parentId: opts.parentId ?? null,
    meetingPlace: opts.meetingPlace ?? null,
    establishedOn: null,
    status: opts.status ?? 'active',
    dissolvedOn: null,
    createdAt: now,
    updatedAt: now,
  };
  await db.insertInto('partyOrgs').values(row).execute();
  return row;
}

/** An intact chain in one grid: community organisation → grid branch → building group → central household. */
export async function buildChain(
  db: Db,
  opts: {
    community: string;
    grid: string;
    building: string;
    centralHousehold: string;
    meetingPlace?: string;
  },
) {
  const community = await addOrg(db, { kind: 'community_committee', areaCode: opts.community });
  const branch = await addOrg(db, {
    kind: 'grid_branch',
    areaCode: opts.grid,
    parentId: community.id,
    meetingPlace: opts.meetingPlace ?? null,
  });
  const group = await addOrg(db, { kind: 'building_group', areaCode: opts.building, parentId: branch.id });
  const central = await addOrg(db, {
    kind: 'central_household',
    areaCode: opts.centralHousehold,
    parentId: group.id,
  });
  return { community, branch, group, central };
}

export async function linkHousehold(db: Db, orgId: string, householdCode: string): Promise<void> {
  await db
    .insertInto('centralHouseholdLinks')
    .values({ orgId, householdCode, path: await pathOf(db, householdCode) })
    .execute();
}

/** A resident of a household who is a party member (formal, relation in `orgId` unless given otherwise). */
export async function addMember(
  db: Db,
  opts: {
    householdCode: string;
    name?: string;
    membership?: PartyMemberRow['membership'];
    category?: PartyMemberRow['category'];
    orgId?: string | null;
    relationElsewhere?: string | null;
    status?: PartyMemberRow['status'];
  },
): Promise<string> {
  const now = new Date().toISOString();
  const path = await pathOf(db, opts.householdCode);
  const residentId = newId();
  await db
    .insertInto('residents')
    .values({
      id: residentId,
      householdCode: opts.householdCode,
      path,
      name: opts.name ?? '测试党员',
      gender: 'female',
      birthDate: null,
      ethnicity: null,
      idNumberEnc: null,
      idNumberHash: null,
      idNumberMasked: null,
      phoneEnc: null,
      phoneHash: null,
      phoneMasked: null,
      relationToHead: 'head',
      residenceType: 'registered',
      status: 'active',
      note: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  const id = newId();
  await db
    .insertInto('partyMembers')
    .values({
      id,
      residentId,
      path,
      membership: opts.membership ?? 'formal',
      category: opts.category ?? 'in_service',
      joinedOn: '2010-07-01',
      probationEndsOn: null,
      orgId: opts.orgId ?? null,
      relationElsewhere: opts.relationElsewhere ?? null,
      status: opts.status ?? 'active',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

export async function addPost(
  db: Db,
  opts: {
    orgId: string;
    memberId: string;
    post?: 'secretary' | 'member';
    since: string;
    until?: string | null;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('partyOrgPosts')
    .values({
      id,
      orgId: opts.orgId,
      memberId: opts.memberId,
      post: opts.post ?? 'secretary',
      since: opts.since,
      until: opts.until ?? null,
      background: 'community_worker',
      createdAt: new Date().toISOString(),
    })
    .execute();
  return id;
}

export async function addLifeRecord(
  db: Db,
  opts: { orgId: string; heldOn: string; kind?: 'branch_meeting' | 'theme_party_day' | 'group_meeting' },
): Promise<void> {
  await db
    .insertInto('orgLifeRecords')
    .values({
      id: newId(),
      orgId: opts.orgId,
      path: (
        await db.selectFrom('partyOrgs').select('path').where('id', '=', opts.orgId).executeTakeFirstOrThrow()
      ).path,
      kind: opts.kind ?? 'branch_meeting',
      heldOn: opts.heldOn,
      topic: '学习党章',
      attendees: 5,
      note: null,
      createdBy: null,
      createdAt: new Date().toISOString(),
    })
    .execute();
}

/** A second building in a compound of buildSmallCity, with one unit of `households` households. */
export async function addBuilding(
  db: Db,
  opts: { compoundCode: string; serial: number; households: number },
): Promise<{ building: string; households: string[] }> {
  const compound = await db
    .selectFrom('areas')
    .selectAll()
    .where('code', '=', opts.compoundCode)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const place = (
    code: string,
    parent: { code: string; path: string; depth: number },
    level: 'building' | 'unit' | 'household',
    name: string,
  ) => ({
    ...compound,
    id: newId(),
    code,
    parentCode: parent.code,
    path: `${parent.path}/${code}`,
    level,
    name,
    depth: parent.depth + 1,
    boundary: null,
    minLng: null,
    minLat: null,
    maxLng: null,
    maxLat: null,
    attrs: '{}',
    createdAt: now,
    updatedAt: now,
  });
  const building = place(
    `${compound.code}${String(opts.serial).padStart(3, '0')}`,
    compound,
    'building',
    `${opts.serial}号楼`,
  );
  const unit = place(`${building.code}01`, building, 'unit', '1单元');
  const households = Array.from({ length: opts.households }, (_, i) =>
    place(
      `${unit.code}01${String(i + 1).padStart(2, '0')}`,
      unit,
      'household',
      `01${String(i + 1).padStart(2, '0')}室`,
    ),
  );
  await db
    .insertInto('areas')
    .values([building, unit, ...households])
    .execute();
  return { building: building.code, households: households.map((h) => h.code) };
}

/**
 * Party records of street B (市西) for the scope matrix: the whole chain on grid B1, a floating
 * member with a transfer requested into the branch, a post and a life record.
 */
export async function buildStreetBParty(db: Db) {
  const chain = await buildChain(db, {
    community: SMALL_CITY.communityB,
    grid: SMALL_CITY.gridB1,
    building: SMALL_CITY.buildingB1,
    centralHousehold: SMALL_CITY.household(SMALL_CITY.gridB1, 1),
  });
  await linkHousehold(db, chain.central.id, SMALL_CITY.household(SMALL_CITY.gridB1, 2));
  const memberId = await addMember(db, {
    householdCode: SMALL_CITY.household(SMALL_CITY.gridB1, 3),
    relationElsewhere: '外地党支部',
  });
  const postId = await addPost(db, { orgId: chain.branch.id, memberId, post: 'member', since: '2025-01-01' });
  await addLifeRecord(db, { orgId: chain.branch.id, heldOn: '2025-06-01' });
  const transferId = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('partyTransfers')
    .values({
      id: transferId,
      memberId,
      path: chain.branch.path,
      fromOrgText: '外地党支部',
      toOrgId: chain.branch.id,
      status: 'requested',
      reason: null,
      requestedOn: '2025-06-01',
      decidedOn: null,
      completedOn: null,
      requestedBy: null,
      decidedBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { ...chain, memberId, postId, transferId };
}
