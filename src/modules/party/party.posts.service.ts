import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { commonErrors } from '../../server/errors';
import { chinaToday } from '../areas/index';
import { type Actor, appendAudit, can } from '../iam/index';
import { getWritableOrg } from './party.access';
import { pathContains } from './party.chain-rules';
import { partyErrors } from './party.errors';
import * as reports from './party.reports.repository';
import * as repo from './party.repository';
import type { addPostBodySchema, updatePostBodySchema } from './party.schemas';
import { toPostView } from './party.views';

// Who holds office in an organisation (secretary, deputy, committee members …, with where a
// secretary was drawn from — CAPABILITIES §1.4), and which households a central household
// looks after (联系户, §1.1).

type Db = Kysely<Database>;

async function getPostMember(db: Db, actor: Actor, memberId: string) {
  const member = await reports.findMember(db, memberId);
  if (!member || !can(actor, 'party.read', member.path)) throw partyErrors.memberNotFound();
  if (member.status !== 'active') throw partyErrors.memberInactive();
  return member;
}

export async function addPost(opts: {
  db: Db;
  actor: Actor;
  orgId: string;
  input: z.infer<typeof addPostBodySchema>;
}) {
  const { db, actor, input } = opts;
  if (input.until && input.until <= input.since) throw partyErrors.invalidPeriod('until');
  const member = await getPostMember(db, actor, input.memberId);
  const row = {
    id: newId(),
    orgId: opts.orgId,
    memberId: member.id,
    post: input.post,
    since: input.since,
    until: input.until ?? null,
    background: input.background ?? null,
    createdAt: new Date().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    const org = await getWritableOrg(trx, actor, opts.orgId);
    await repo.insertPost(trx, row);
    await appendAudit(trx, {
      actor,
      action: 'party.post.add',
      targetType: 'party_org',
      targetId: org.id,
      scopePath: org.path,
      summary: { postId: row.id, memberId: row.memberId, post: row.post, since: row.since, until: row.until },
    });
  });
  return toPostView(row, new Map([[member.id, member.name]]), chinaToday());
}

/** Ends a post (`until`: the first day out of post) or corrects the secretary's background. */
export async function updatePost(opts: {
  db: Db;
  actor: Actor;
  orgId: string;
  postId: string;
  input: z.infer<typeof updatePostBodySchema>;
}) {
  const { db, actor, input } = opts;
  const updated = await db.transaction().execute(async (trx) => {
    const org = await getWritableOrg(trx, actor, opts.orgId);
    const post = await repo.findPost(trx, org.id, opts.postId);
    if (!post) throw partyErrors.postNotFound();
    const until = input.until === undefined ? post.until : input.until;
    if (until && until <= post.since) throw partyErrors.invalidPeriod('until');
    const patch = {
      ...(input.until !== undefined ? { until: input.until } : {}),
      ...(input.background !== undefined ? { background: input.background } : {}),
    };
    await repo.updatePost(trx, post.id, patch);
    await appendAudit(trx, {
      actor,
      action: 'party.post.update',
      targetType: 'party_org',
      targetId: org.id,
      scopePath: org.path,
      summary: { postId: post.id, before: { until: post.until, background: post.background }, after: patch },
    });
    return { ...post, ...patch };
  });
  const member = await reports.findMember(db, updated.memberId);
  return toPostView(updated, new Map(member ? [[member.id, member.name]] : []), chinaToday());
}

/** The grid a central household sits in: links reach only households of that grid. */
async function gridPathOf(db: Db | Transaction<Database>, path: string): Promise<string> {
  const ancestors = await reports.findPlaces(db, path.split('/'));
  const grid = ancestors.find((a) => a.level === 'grid');
  if (!grid) throw partyErrors.areaNotFound();
  return grid.path;
}

export async function linkHouseholds(opts: {
  db: Db;
  actor: Actor;
  orgId: string;
  input: { householdCodes: string[] };
}) {
  const { db, actor } = opts;
  return db.transaction().execute(async (trx) => {
    const org = await getWritableOrg(trx, actor, opts.orgId);
    if (org.kind !== 'central_household') throw partyErrors.wrongKind('central_household', org.kind);
    const gridPath = await gridPathOf(trx, org.path);
    const codes = [...new Set(opts.input.householdCodes)];
    const places = new Map((await reports.findPlaces(trx, codes)).map((p) => [p.code, p]));
    const rows = codes.map((code) => {
      const place = places.get(code);
      if (place?.status !== 'active' || place.level !== 'household' || !can(actor, 'party.write', place.path))
        throw partyErrors.householdOutsideGrid(code);
      if (!pathContains(gridPath, place.path)) throw partyErrors.householdOutsideGrid(code);
      return { orgId: org.id, householdCode: code, path: place.path };
    });
    const added = await repo.insertLinks(trx, rows);
    await appendAudit(trx, {
      actor,
      action: 'party.household.link',
      targetType: 'party_org',
      targetId: org.id,
      scopePath: org.path,
      summary: { householdCodes: codes, added },
    });
    return { added };
  });
}

export async function unlinkHousehold(opts: { db: Db; actor: Actor; orgId: string; householdCode: string }) {
  const { db, actor } = opts;
  await db.transaction().execute(async (trx) => {
    const org = await getWritableOrg(trx, actor, opts.orgId);
    const removed = await repo.deleteLink(trx, org.id, opts.householdCode);
    if (removed === 0) throw commonErrors.notFound({ zh: '联系户', en: 'Linked household' });
    await appendAudit(trx, {
      actor,
      action: 'party.household.unlink',
      targetType: 'party_org',
      targetId: org.id,
      scopePath: org.path,
      summary: { householdCode: opts.householdCode },
    });
  });
}
