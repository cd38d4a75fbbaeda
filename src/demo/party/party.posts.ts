// Who holds the posts of a grid's organisations. Secretaries of grid branches are drawn, as the
// report says, from party-member community workers (党员社区工作者), retired cadres (退休干部) and,
// where villages became neighbourhoods, former village secretaries (原村书记); a few from members
// still at work. A branch whose secretary left keeps the ended post on record.

import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { Random } from '../../lib/random';
import { addDays, chunkIds } from '../people/people.ids';
import type { BuildingGroup } from './party.chain';
import type { DemoMember } from './party.members';
import type { BranchProfile } from './party.profile';

type PostRow = Insertable<Database['partyOrgPosts']>;

const COMMUNITY_POSTS = 5;
type Background =
  | 'community_worker'
  | 'retired_cadre'
  | 'former_village_secretary'
  | 'in_service_member'
  | 'other';

/** Streets that were villages not long ago (村改居) have more former village secretaries. */
function drawBackground(random: Random, streetCode: string): Background {
  const core = Number(streetCode.slice(6, 9)) <= 4;
  const x = random.next();
  if (x < 0.44) return 'community_worker';
  if (x < 0.72) return 'retired_cadre';
  if (x < (core ? 0.75 : 0.88)) return 'former_village_secretary';
  if (x < 0.96) return 'in_service_member';
  return 'other';
}

function fits(background: Background, m: DemoMember): boolean {
  const r = m.resident;
  switch (background) {
    case 'retired_cadre':
      return m.category === 'retired' && (r.retiredCadre || r.age >= 58);
    case 'former_village_secretary':
      return r.age >= 50 && r.residenceType !== 'floating';
    case 'community_worker':
      return m.category === 'in_service' && r.age >= 26 && r.age <= 56;
    case 'in_service_member':
      return m.category === 'in_service' || m.category === 'new_employment';
    default:
      return true;
  }
}

export interface PostDraw {
  posts: PostRow[];
  /** The secretary in post today, if any. */
  secretary: DemoMember | null;
  hasCommittee: boolean;
}

export function drawPosts(
  random: Random,
  opts: {
    ordinal: number;
    streetCode: string;
    branchId: string;
    profile: BranchProfile;
    members: readonly DemoMember[];
    groups: readonly BuildingGroup[];
    today: string;
    stamp: string;
  },
): PostDraw {
  const { profile, today, stamp } = opts;
  // The first positions are the community's posts, written by the community's first grid.
  const ids = chunkIds('partyOrgPosts', opts.ordinal, COMMUNITY_POSTS);
  const posts: PostRow[] = [];
  const formal = opts.members.filter((m) => m.membership === 'formal');
  // A branch's officers hold their relation in it; a young branch borrows them from the community.
  const eligible = formal.filter(
    (m) => m.relation === 'branch' || (profile.young && m.relation === 'community'),
  );
  const taken = new Set<string>();
  const add = (
    orgId: string,
    member: DemoMember,
    post: PostRow['post'],
    since: string,
    extra: Partial<PostRow> = {},
  ) => {
    taken.add(member.id);
    posts.push({
      id: ids(`${orgId}:${post}:${member.id}`),
      orgId,
      memberId: member.id,
      post,
      since,
      until: null,
      background: null,
      createdAt: stamp,
      ...extra,
    });
  };
  const pick = (pool: readonly DemoMember[], want?: (m: DemoMember) => boolean) => {
    const free = pool.filter((m) => !taken.has(m.id));
    const preferred = want ? free.filter(want) : free;
    const from = preferred.length > 0 ? preferred : free;
    return from.length > 0 ? random.pick(from) : null;
  };
  const sinceAfter = (date: string, spanDays: number) => {
    const latest = addDays(today, -20);
    const d = addDays(date, random.int(0, spanDays));
    return d > latest ? (date > latest ? date : latest) : d;
  };

  let secretary: DemoMember | null = null;
  if (profile.secretary !== 'never') {
    const background = drawBackground(random, opts.streetCode);
    const member = pick(eligible, (m) => fits(background, m));
    if (member) {
      const since = sinceAfter(profile.establishedOn, 900);
      if (profile.secretary === 'in_post') {
        add(opts.branchId, member, 'secretary', since, { background });
        secretary = member;
      } else {
        // The secretary moved away or stepped down; nobody has been appointed since.
        const until = addDays(today, -random.int(20, 300));
        add(opts.branchId, member, 'secretary', since < until ? since : addDays(until, -200), {
          background,
          until,
        });
      }
    }
  }
  if (random.next() < 0.45) {
    const deputy = pick(eligible);
    if (deputy) add(opts.branchId, deputy, 'deputy_secretary', sinceAfter(profile.establishedOn, 900));
  }
  let hasCommittee = false;
  if (random.next() < 0.55) {
    for (let i = random.int(1, 3); i > 0; i--) {
      const member = pick(eligible);
      if (!member) break;
      add(opts.branchId, member, 'committee_member', sinceAfter(profile.establishedOn, 900));
      hasCommittee = true;
    }
  }
  // Each building group has a leader living in the building, an older formal member by preference.
  for (const group of opts.groups) {
    const leader = pick(
      group.members.filter((m) => m.membership === 'formal'),
      (m) => m.resident.age >= 45,
    );
    if (leader) add(group.org.id, leader, 'group_leader', sinceAfter(group.org.establishedOn ?? today, 300));
  }
  return { posts, secretary, hasCommittee };
}

/** The community organisation's secretary, deputy and committee, from members living in its first grid. */
export function drawCommunityPosts(
  random: Random,
  opts: {
    ordinal: number;
    orgId: string;
    members: readonly DemoMember[];
    establishedOn: string;
    today: string;
    stamp: string;
  },
): PostRow[] {
  const ids = chunkIds('partyOrgPosts', opts.ordinal);
  // Officers of the community organisation hold their relation there, or at least in the grid below it.
  const candidates = random.shuffle(
    opts.members.filter(
      (m) => m.membership === 'formal' && m.relation !== 'elsewhere' && m.resident.age < 65,
    ),
  );
  const pool = [
    ...candidates.filter((m) => m.relation === 'community'),
    ...candidates.filter((m) => m.relation !== 'community'),
  ];
  const roles: [PostRow['post'], string | null][] = [
    ['secretary', 'community_worker'],
    ['deputy_secretary', null],
    ['committee_member', null],
    ['committee_member', null],
    ['committee_member', null],
  ];
  return roles.slice(0, pool.length).map(([post, background], i) => ({
    id: ids(`${opts.orgId}:${post}:${i}`),
    orgId: opts.orgId,
    memberId: pool[i]!.id,
    post,
    since: addDays(opts.today, -random.int(200, 1800)),
    until: null,
    background,
    createdAt: opts.stamp,
  }));
}
