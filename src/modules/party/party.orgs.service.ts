import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { chinaToday } from '../areas/index';
import { type Actor, appendAudit, listScopes } from '../iam/index';
import { areaNamesOf, getScopedOrg, getScopedPlace, getWritableOrg } from './party.access';
import { isChainIntact } from './party.chain-reach';
import { placementProblem } from './party.chain-rules';
import { partyErrors } from './party.errors';
import { evaluationOfBranch } from './party.operation.service';
import * as reports from './party.reports.repository';
import * as repo from './party.repository';
import type {
  createOrgBodySchema,
  dissolveOrgBodySchema,
  PartyOrgTreeNode,
  updateOrgBodySchema,
} from './party.schemas';
import { ORG_KIND_AREA_LEVEL, PARTY_ORG_KINDS, type PartyOrgKind, type PartyOrgRow } from './party.table';
import {
  placeText,
  toAreaRef,
  toLifeRecordView,
  toMemberView,
  toOrgSummary,
  toPostView,
} from './party.views';

// The four-level chain itself (CAPABILITIES §1.1): organisations bound to places of the matching
// level, each below the kind above it whose place contains its own.

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** More than this in one tree is not for reading: ask for a smaller place or fewer levels. */
const TREE_LIMIT = 20_000;

/** Organisations in a place (or the caller's scope), nested parent → child, `levels` kinds deep. */
export async function getOrgTree(opts: {
  db: Db;
  actor: Actor;
  query: { root?: string | undefined; levels: number; includeDissolved: boolean };
}) {
  const { db, actor, query } = opts;
  const scopes = query.root
    ? [(await getScopedPlace(db, actor, query.root)).path]
    : listScopes(actor, 'party.read');
  const kinds = PARTY_ORG_KINDS.slice(0, query.levels);
  const found = await repo.listOrgsIn(db, {
    scopes,
    kinds,
    includeDissolved: query.includeDissolved,
    limit: TREE_LIMIT + 1,
  });
  const rows = found.slice(0, TREE_LIMIT);
  const names = await areaNamesOf(db, rows);
  const nodes = new Map<string, PartyOrgTreeNode>(
    rows.map((r) => [r.id, { ...toOrgSummary(r, names), children: [] }]),
  );
  const roots: PartyOrgTreeNode[] = [];
  // Rows come by path, so a parent is always met before its children.
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, truncated: found.length > TREE_LIMIT };
}

/** The chain above an organisation, from the community organisation down to its parent. */
async function ancestorsOf(db: Db, org: PartyOrgRow): Promise<PartyOrgRow[]> {
  const chain: PartyOrgRow[] = [];
  let parentId = org.parentId;
  for (let i = 0; parentId && i < PARTY_ORG_KINDS.length; i++) {
    const parent = await repo.findOrgById(db, parentId);
    if (!parent) break;
    chain.unshift(parent);
    parentId = parent.parentId;
  }
  return chain;
}

export async function getOrgDetail(opts: { db: Db; actor: Actor; id: string }) {
  const { db } = opts;
  const org = await getScopedOrg(db, opts.actor, opts.id);
  const today = chinaToday();
  const [ancestors, children, posts, members, links, life, place] = await Promise.all([
    ancestorsOf(db, org),
    repo.listChildren(db, org.id),
    repo.listPostsOfOrg(db, org.id),
    reports.membersOfOrg(db, org.id),
    repo.listLinksOfOrg(db, org.id),
    repo.listLifeRecords(db, { orgId: org.id, limit: 10 }),
    reports.findPlace(db, org.areaCode),
  ]);
  const postMembers = await reports.findMembers(db, [...new Set(posts.map((p) => p.memberId))]);
  const households = await reports.findPlaces(
    db,
    links.map((l) => l.householdCode),
  );
  const placeNames = await reports.findPlaces(db, [
    ...new Set(households.flatMap((h) => h.path.split('/').slice(5, -1))),
  ]);
  const names = await areaNamesOf(db, [org, ...ancestors, ...children]);
  const byId = new Map([...ancestors, org].map((o) => [o.id, o]));
  const placeNameMap = new Map(placeNames.map((p) => [p.code, p.name]));
  return {
    ...toOrgSummary(org, names),
    area: place ? toAreaRef(place) : null,
    ancestors: ancestors.map((a) => toOrgSummary(a, names)),
    children: children.map((c) => toOrgSummary(c, names)),
    posts: posts.map((p) => toPostView(p, new Map(postMembers.map((m) => [m.id, m.name])), today)),
    members: members.map(toMemberView),
    households: households
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((h) => ({ code: h.code, name: h.name, path: h.path, place: placeText(h.path, placeNameMap) })),
    recentLifeRecords: life.map(toLifeRecordView),
    checklist: await evaluationOfBranch(db, org),
    chainIntact: isChainIntact(org, byId),
  };
}

/** Checks the level of the place and the parent of the chain rule; returns the parent row. */
async function checkPlacement(
  db: Db | Trx,
  input: { kind: PartyOrgKind; place: reports.PlaceRow; parentId: string | null | undefined },
  actor: Actor,
) {
  const { kind, place } = input;
  const expected = ORG_KIND_AREA_LEVEL[kind];
  if (place.level !== expected) throw partyErrors.wrongAreaLevel(kind, expected, place.level);
  const parent = input.parentId ? await getScopedOrg(db, actor, input.parentId) : null;
  const problem = placementProblem({ kind, areaPath: place.path, parent });
  if (problem) throw partyErrors.wrongParent(problem.reason, problem.message);
  return parent;
}

export async function createOrg(opts: { db: Db; actor: Actor; input: z.infer<typeof createOrgBodySchema> }) {
  const { db, actor, input } = opts;
  const place = await getScopedPlace(db, actor, input.areaCode, 'party.write');
  const now = new Date().toISOString();
  const row: PartyOrgRow = {
    id: newId(),
    kind: input.kind,
    name: input.name,
    areaCode: place.code,
    path: place.path,
    parentId: input.parentId ?? null,
    meetingPlace: input.meetingPlace ?? null,
    establishedOn: input.establishedOn ?? null,
    status: 'active',
    dissolvedOn: null,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction().execute(async (trx) => {
    await checkPlacement(trx, { kind: input.kind, place, parentId: input.parentId }, actor);
    const existing = await repo.findActiveOrgOnArea(trx, place.code, input.kind);
    if (existing) throw partyErrors.duplicateOrg(existing.id);
    await repo.insertOrg(trx, row);
    await appendAudit(trx, {
      actor,
      action: 'party.org.create',
      targetType: 'party_org',
      targetId: row.id,
      scopePath: row.path,
      summary: { kind: row.kind, name: row.name, areaCode: row.areaCode, parentId: row.parentId },
    });
  });
  return getOrgDetail({ db, actor, id: row.id });
}

export async function updateOrg(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof updateOrgBodySchema>;
}) {
  const { db, actor, id, input } = opts;
  await db.transaction().execute(async (trx) => {
    const org = await getWritableOrg(trx, actor, id);
    if (input.parentId !== undefined && input.parentId !== org.parentId) {
      const place = await reports.findPlace(trx, org.areaCode);
      if (!place) throw partyErrors.areaNotFound();
      await checkPlacement(trx, { kind: org.kind, place, parentId: input.parentId }, actor);
    }
    const patch = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
      ...(input.meetingPlace !== undefined ? { meetingPlace: input.meetingPlace } : {}),
      ...(input.establishedOn !== undefined ? { establishedOn: input.establishedOn } : {}),
    };
    await repo.updateOrg(trx, id, { ...patch, updatedAt: new Date().toISOString() });
    await appendAudit(trx, {
      actor,
      action: 'party.org.update',
      targetType: 'party_org',
      targetId: id,
      scopePath: org.path,
      summary: {
        before: Object.fromEntries(Object.keys(patch).map((k) => [k, org[k as keyof PartyOrgRow]])),
        after: patch,
      },
    });
  });
  return getOrgDetail({ db, actor, id });
}

/**
 * Dissolves an organisation that has no active organisation below it (a branch cannot be
 * dissolved from under its groups); its open posts end on the day.
 */
export async function dissolveOrg(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof dissolveOrgBodySchema>;
}) {
  const { db, actor, id, input } = opts;
  const on = input.on ?? chinaToday();
  if (on > chinaToday()) throw partyErrors.futureDate('on');
  await db.transaction().execute(async (trx) => {
    const org = await getWritableOrg(trx, actor, id);
    const children = await repo.countActiveChildren(trx, id);
    if (children > 0) throw partyErrors.hasActiveChildren(children);
    const endedPosts = await repo.endOpenPosts(trx, id, on);
    await repo.updateOrg(trx, id, {
      status: 'dissolved',
      dissolvedOn: on,
      updatedAt: new Date().toISOString(),
    });
    await appendAudit(trx, {
      actor,
      action: 'party.org.dissolve',
      targetType: 'party_org',
      targetId: id,
      scopePath: org.path,
      summary: { on, endedPosts, note: input.note ?? null },
    });
  });
  return getOrgDetail({ db, actor, id });
}
