// One chunk of the demo population: everything one grid holds — its residents, party members and
// their transfers, the grid branch with its groups, central households, posts and meetings, the
// community organisation when the grid is the first to need it, talents and roles on places —
// generated from the grid's places and written in one transaction: all of it or none.

import type { Insertable, Kysely } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert';
import type { Database } from '../../db/schema';
import { createRandom } from '../../lib/random';
import { buildChain, gridBranchId } from '../party/party.chain';
import { drawLife } from '../party/party.life';
import { type DemoMember, drawMembers } from '../party/party.members';
import { drawCommunityPosts, drawPosts } from '../party/party.posts';
import { drawBranchProfile } from '../party/party.profile';
import { drawTransfers } from '../party/party.transfers';
import { addDays, chunkIds, stampOf } from './people.ids';
import type { GridPlaces } from './people.places';
import { type DemoResident, generateResidents } from './people.residents';
import { drawRoles } from './people.roles';
import { type ResidentInsert, residentRows, type Sealer } from './people.seal';
import { drawTalents } from './people.talents';

type Row<T extends keyof Database> = Insertable<Database[T]>;

export interface GridChunk {
  residents: DemoResident[];
  partyMembers: Row<'partyMembers'>[];
  partyOrgs: Row<'partyOrgs'>[];
  partyOrgPosts: Row<'partyOrgPosts'>[];
  centralHouseholdLinks: Row<'centralHouseholdLinks'>[];
  orgLifeRecords: Row<'orgLifeRecords'>[];
  partyTransfers: Row<'partyTransfers'>[];
  talents: Row<'talents'>[];
  talentTags: Row<'talentTags'>[];
  placeRoles: Row<'placeRoles'>[];
}

export interface ChunkContext {
  seed: string;
  today: string;
  /** The community's party organisation, which the grid branch hangs below. */
  communityOrgId: string;
  /** Write that organisation too: it is not there yet. */
  withCommunity: boolean;
  takenIdNumbers?: ReadonlySet<string>;
}

/** Everything the grid holds, before its numbers are sealed. The same places, seed and day give the same chunk. */
export function generateGridChunk(places: GridPlaces, ctx: ChunkContext): GridChunk {
  const { seed, today } = ctx;
  const { grid } = places;
  const stamp = stampOf(today);
  const residents = generateResidents(places, ctx);
  const party = createRandom(`${seed}:party:${grid.code}`);
  const profile = drawBranchProfile(party, today);
  const members = drawMembers(party, residents, {
    today,
    youngBranch: profile.young,
    ids: chunkIds('partyMembers', grid.ordinal),
  });
  const communityId = ctx.communityOrgId;
  const chain = buildChain(party, { places, members, profile, communityOrgId: communityId, today, stamp });
  const posts = drawPosts(party, {
    ordinal: grid.ordinal,
    streetCode: places.streetCode,
    branchId: chain.branch.id,
    profile,
    members,
    groups: chain.groups,
    today,
    stamp,
  });
  const out: GridChunk = {
    residents,
    partyMembers: members.map((m) => memberRow(m, { branchId: gridBranchId(places), communityId, stamp })),
    partyOrgs: [chain.branch, ...chain.groups.map((g) => g.org), ...chain.centrals.map((c) => c.org)],
    partyOrgPosts: posts.posts,
    centralHouseholdLinks: chain.links,
    orgLifeRecords: drawLife(party, {
      ordinal: grid.ordinal,
      branch: { id: chain.branch.id, path: chain.branch.path },
      profile,
      hasCommittee: posts.hasCommittee,
      members,
      groups: chain.groups,
      today,
      stamp,
    }),
    partyTransfers: drawTransfers(party, {
      ordinal: grid.ordinal,
      branch: { id: chain.branch.id, path: chain.branch.path, establishedOn: profile.establishedOn },
      members,
      today,
      stamp,
    }),
    talents: [],
    talentTags: [],
    placeRoles: [],
  };
  const talent = createRandom(`${seed}:talents:${grid.code}`);
  const drawn = drawTalents(talent, { ordinal: grid.ordinal, residents, members, stamp });
  out.talents = drawn.talents;
  out.talentTags = drawn.tags;
  out.placeRoles = drawRoles(talent, { places, residents, members, centrals: chain.centrals, today, stamp });
  if (ctx.withCommunity) addCommunity(out, { places, members, communityId, seed, today, stamp });
  return out;
}

function memberRow(
  m: DemoMember,
  opts: { branchId: string; communityId: string; stamp: string },
): Row<'partyMembers'> {
  return {
    id: m.id,
    residentId: m.resident.id,
    path: m.resident.path,
    membership: m.membership,
    category: m.category,
    joinedOn: m.joinedOn,
    probationEndsOn: m.probationEndsOn,
    orgId: m.relation === 'branch' ? opts.branchId : m.relation === 'community' ? opts.communityId : null,
    relationElsewhere: m.relationElsewhere,
    status: 'active',
    createdAt: opts.stamp,
    updatedAt: opts.stamp,
  };
}

/** The community organisation (社区党委) and its officers, put first so that the grid branch can hang below it. */
function addCommunity(
  out: GridChunk,
  opts: {
    places: GridPlaces;
    members: DemoMember[];
    communityId: string;
    seed: string;
    today: string;
    stamp: string;
  },
): void {
  const { community } = opts.places;
  const random = createRandom(`${opts.seed}:community:${community.code}`);
  const establishedOn = addDays('2001-01-01', random.int(0, 6500));
  out.partyOrgs.unshift({
    id: opts.communityId,
    kind: 'community_committee',
    name: `${community.name}党委`,
    areaCode: community.code,
    path: community.path,
    parentId: null,
    meetingPlace: `${community.name}党群服务中心`,
    establishedOn,
    status: 'active',
    createdAt: opts.stamp,
    updatedAt: opts.stamp,
  });
  out.partyOrgPosts.unshift(
    ...drawCommunityPosts(random, {
      ordinal: opts.places.grid.ordinal,
      orgId: opts.communityId,
      members: opts.members,
      establishedOn,
      today: opts.today,
      stamp: opts.stamp,
    }),
  );
}

/** The chunk with its residents' numbers sealed: rows ready to write. */
export interface SealedGridChunk extends Omit<GridChunk, 'residents'> {
  residents: ResidentInsert[];
  /**
   * The residents' ID numbers by blind index, kept in memory only: when an insert fails, which of
   * them someone registered by hand meanwhile (people.load.ts gives those residents other numbers).
   */
  idNumberHashes: Map<string, string>;
}

/** Seals the chunk's numbers; the slow part, so it runs outside any transaction. */
export async function sealGridChunk(
  chunk: GridChunk,
  opts: { seal: Sealer; today: string },
): Promise<SealedGridChunk> {
  const sealed = await opts.seal(
    chunk.residents.map((r) => ({ idNumber: r.idNumber, phone: r.phone })),
    opts.today,
  );
  const idNumberHashes = new Map(chunk.residents.map((r, i) => [sealed[i]!.idHash, r.idNumberValue]));
  return { ...chunk, residents: residentRows(chunk.residents, sealed, stampOf(opts.today)), idNumberHashes };
}

/** Rows a chunk wrote, for the progress log. */
export interface ChunkCounts {
  residents: number;
  partyMembers: number;
  partyOrgs: number;
  talents: number;
  placeRoles: number;
}

/** Writes the chunk's rows inside the caller's transaction. */
export async function insertGridRows(trx: Kysely<Database>, chunk: SealedGridChunk): Promise<ChunkCounts> {
  // In the order foreign keys need: people before their memberships, organisations before their posts.
  await bulkInsert(trx, 'residents', chunk.residents);
  await bulkInsert(trx, 'partyMembers', chunk.partyMembers);
  await bulkInsert(trx, 'partyOrgs', chunk.partyOrgs);
  await bulkInsert(trx, 'partyOrgPosts', chunk.partyOrgPosts);
  await bulkInsert(trx, 'centralHouseholdLinks', chunk.centralHouseholdLinks);
  await bulkInsert(trx, 'orgLifeRecords', chunk.orgLifeRecords);
  await bulkInsert(trx, 'partyTransfers', chunk.partyTransfers);
  await bulkInsert(trx, 'talents', chunk.talents);
  await bulkInsert(trx, 'talentTags', chunk.talentTags);
  await bulkInsert(trx, 'placeRoles', chunk.placeRoles);
  return {
    residents: chunk.residents.length,
    partyMembers: chunk.partyMembers.length,
    partyOrgs: chunk.partyOrgs.length,
    talents: chunk.talents.length,
    placeRoles: chunk.placeRoles.length,
  };
}

/** Writes the chunk in one transaction: every row of the grid, or none. */
export function insertGridChunk(db: Kysely<Database>, chunk: SealedGridChunk): Promise<ChunkCounts> {
  return db.transaction().execute((trx) => insertGridRows(trx, chunk));
}
