import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { toPercentString } from '../../lib/rational';
import { fieldProblem } from '../../server/errors';
import type { Actor } from '../iam/index';
import {
  committeeSizeProblems,
  partyShare,
  preparatoryGroupProblems,
  reelectionWatch,
} from './owners.committee-rules';
import * as committees from './owners.committees.repository';
import { ownersErrors } from './owners.errors';
import * as repo from './owners.formations.repository';
import type { stepBodySchema } from './owners.formations.schemas';
import { foundCommittee } from './owners.founding.service';
import * as register from './owners.register.repository';
import { loadRegisterFigures } from './owners.register.service';
import * as reports from './owners.reports.repository';
import type { FormationRow } from './owners.table';

// What each step of a formation checks and writes, inside the transaction that records the step.
// Each returns the `details` the step row keeps. Rules cite 山东省物业管理条例 (Shandong regulation).

type Trx = Transaction<Database>;
type StepBody = z.infer<typeof stepBodySchema>;

export interface StepContext {
  trx: Trx;
  actor: Actor;
  formation: FormationRow;
  compound: reports.PlaceRow;
  on: string;
  people: repo.PersonRow[];
  steps: repo.StepRow[];
}

const detailsOf = (steps: repo.StepRow[], step: string): Record<string, unknown> =>
  JSON.parse(steps.find((s) => s.step === step)?.details ?? '{}');

/** Art. 20 for a first committee (checked on the step's day); art. 33 for a re-election. */
export async function triggerDetails(
  ctx: Omit<StepContext, 'people' | 'steps'>,
): Promise<Record<string, unknown>> {
  const { trx, formation, compound, on } = ctx;
  if (formation.kind === 'reelection') {
    const latest = (await committees.committeesOf(trx, [compound.code])).find(
      (c) => c.status !== 'dissolved',
    );
    const watch = latest ? reelectionWatch(latest.termEnd, on) : null;
    return {
      rule: 'shandong_art_33',
      committeeId: latest?.id ?? null,
      termEnd: latest?.termEnd ?? null,
      ...watch,
    };
  }
  const figures = (await loadRegisterFigures(trx, [compound.code], on)).get(compound.code)!;
  if (!figures.trigger) throw ownersErrors.registerEmpty();
  if (!figures.trigger.triggered) throw ownersErrors.triggerNotMet();
  return {
    rule: 'shandong_art_20',
    conditions: figures.trigger.conditions,
    deliveredAreaPercent: toPercentString(figures.trigger.deliveredAreaRatio),
    deliveredUnitsPercent: toPercentString(figures.trigger.deliveredUnitsRatio),
    triggeredSince: figures.triggeredSince,
  };
}

async function ownersOfCompound(ctx: StepContext, ids: string[]) {
  const owners = await register.findOwners(ctx.trx, ids);
  return new Map(owners.filter((o) => o.compoundCode === ctx.compound.code).map((o) => [o.id, o]));
}

/** Ids that sort in the order people were listed (UUIDv7 orders by its millisecond first). */
const orderedId = (index: number) => newId(Date.now() + index);

const bad = (field: string, reason: string, zh: string, en: string) =>
  ownersErrors.invalidStep([fieldProblem(field, reason, { zh, en })]);

export async function recordStep(ctx: StepContext, body: StepBody): Promise<Record<string, unknown>> {
  switch (body.step) {
    case 'preparatory_group':
      return preparatoryGroup(ctx, body);
    case 'nomination':
      return nomination(ctx, body);
    case 'joint_review':
      return jointReview(ctx, body);
    case 'vote':
      return vote(ctx, body);
    case 'filing':
      return filing(ctx, body);
  }
}

async function preparatoryGroup(ctx: StepContext, body: Extract<StepBody, { step: 'preparatory_group' }>) {
  const owners = await ownersOfCompound(
    ctx,
    body.members.flatMap((m) => (m.ownerId ? [m.ownerId] : [])),
  );
  if (body.members.some((m) => m.ownerId && !owners.has(m.ownerId)))
    throw bad(
      'members',
      'not_an_owner',
      '所选业主不在本小区名册中',
      "an owner is not on this compound's register",
    );
  const ownerCount = body.members.filter((m) => m.ownerId).length;
  const problems = preparatoryGroupProblems({ members: body.members.length, owners: ownerCount });
  if (problems.length > 0)
    throw ownersErrors.invalidStep(
      problems.map((p) =>
        fieldProblem('members', p, {
          zh: '筹备组由七人以上单数组成，其中业主所占比例不得低于二分之一（山东省物业管理条例第二十一条）',
          en: 'A preparatory group has seven or more members, an odd number, at least half of them owners (Shandong art. 21)',
        }),
      ),
    );
  const now = new Date().toISOString();
  const rows = body.members.map((m, i) => ({
    id: orderedId(i),
    formationId: ctx.formation.id,
    role: 'preparatory_member' as const,
    name: m.ownerId ? owners.get(m.ownerId)!.name : m.name,
    ownerId: m.ownerId ?? null,
    isOwner: m.ownerId ? 1 : 0,
    partyMemberId: null,
    reviewStatus: null,
    reviewNote: null,
    createdAt: now,
  }));
  await repo.insertPeople(ctx.trx, rows);
  return {
    rule: 'shandong_art_21',
    members: rows.length,
    owners: ownerCount,
    affiliations: Object.fromEntries(rows.map((r, i) => [r.id, body.members[i]!.affiliation])),
  };
}

async function nomination(ctx: StepContext, body: Extract<StepBody, { step: 'nomination' }>) {
  const ids = body.candidates.map((c) => c.ownerId);
  if (new Set(ids).size !== ids.length)
    throw bad('candidates', 'duplicate', '候选人重复', 'a candidate is listed twice');
  const owners = await ownersOfCompound(ctx, ids);
  // Art. 30: 业主委员会成员应当由物业服务区域内的业主担任 (natural persons on the register).
  if (ids.some((id) => owners.get(id)?.kind !== 'person'))
    throw bad(
      'candidates',
      'not_an_owner',
      '候选人须是本小区的业主（自然人）',
      'candidates are natural-person owners of the compound',
    );
  if (ids.length < 5)
    throw bad(
      'candidates',
      'fewer_than_five',
      '候选人不足五人，无法组成业主委员会',
      'fewer than five candidates cannot form a committee',
    );
  const party = await reports.partyMembershipsOf(
    ctx.trx,
    [...owners.values()].flatMap((o) => (o.residentId ? [o.residentId] : [])),
  );
  const now = new Date().toISOString();
  const rows = ids.map((id, i) => {
    const owner = owners.get(id)!;
    return {
      id: orderedId(i),
      formationId: ctx.formation.id,
      role: 'candidate' as const,
      name: owner.name,
      ownerId: id,
      isOwner: 1,
      partyMemberId: (owner.residentId && party.get(owner.residentId)) || null,
      reviewStatus: 'pending' as const,
      reviewNote: null,
      createdAt: now,
    };
  });
  await repo.insertPeople(ctx.trx, rows);
  const partyMembers = rows.filter((r) => r.partyMemberId).length;
  return {
    candidates: rows.length,
    partyMembers,
    partyShare: partyShare({ members: rows.length, partyMembers }),
  };
}

async function jointReview(ctx: StepContext, body: Extract<StepBody, { step: 'joint_review' }>) {
  const candidates = ctx.people.filter((p) => p.role === 'candidate');
  const reviewed = new Set(body.reviews.map((r) => r.candidateId));
  if (
    reviewed.size !== body.reviews.length ||
    candidates.some((c) => !reviewed.has(c.id)) ||
    reviewed.size !== candidates.length
  )
    throw bad(
      'reviews',
      'every_candidate_once',
      '须对每位候选人逐一给出联审意见',
      'review every candidate exactly once',
    );
  if (body.reviews.some((r) => r.decision === 'rejected' && !r.note))
    throw bad('reviews', 'reason_required', '不通过的须写明理由', 'a rejection needs its reason');
  const approved = body.reviews.filter((r) => r.decision === 'approved').length;
  if (approved < 5)
    throw bad(
      'reviews',
      'fewer_than_five',
      '通过联审的候选人不足五人',
      'fewer than five candidates passed the review',
    );
  for (const r of body.reviews)
    await repo.reviewPerson(ctx.trx, r.candidateId, { reviewStatus: r.decision, reviewNote: r.note ?? null });
  return { reviewers: body.reviewers, approved, rejected: body.reviews.length - approved };
}

async function vote(ctx: StepContext, body: Extract<StepBody, { step: 'vote' }>) {
  const row = await repo.findVote(ctx.trx, body.voteId);
  if (!row) throw ownersErrors.voteNotPassed('not_found');
  if (row.compoundCode !== ctx.compound.code) throw ownersErrors.voteNotPassed('wrong_compound');
  // Civil Code art. 278(1) item (3): 选举业主委员会或者更换业主委员会成员.
  if (row.item !== 3) throw ownersErrors.voteNotPassed('wrong_item');
  if (row.status !== 'closed') throw ownersErrors.voteNotPassed('not_closed');
  // The votes module stores the tally at close as { tally: { passed, … }, closedAt, … }.
  const result = row.result
    ? (JSON.parse(row.result) as { tally?: { passed?: unknown }; passed?: unknown })
    : {};
  if ((result.tally?.passed ?? result.passed) !== true) throw ownersErrors.voteNotPassed('not_passed');
  const approved = ctx.people.filter((p) => p.role === 'candidate' && p.reviewStatus === 'approved');
  const elected = body.elected ?? approved.map((p) => p.id);
  if (new Set(elected).size !== elected.length || elected.some((id) => !approved.some((p) => p.id === id)))
    throw bad(
      'elected',
      'not_approved',
      '当选人须是通过联审的候选人',
      'those elected are candidates who passed the review',
    );
  const problems = committeeSizeProblems(elected.length);
  if (problems.length > 0)
    throw ownersErrors.invalidStep(
      problems.map((p) =>
        fieldProblem('elected', p, {
          zh: '业主委员会由五人以上单数组成（山东省物业管理条例第三十条）',
          en: "An owners' committee has five or more members, an odd number (Shandong art. 30)",
        }),
      ),
    );
  return { voteId: row.id, voteTitle: row.title, elected, electedOn: ctx.on };
}

async function filing(ctx: StepContext, body: Extract<StepBody, { step: 'filing' }>) {
  const voted = detailsOf(ctx.steps, 'vote') as { elected?: string[]; electedOn?: string };
  const elected = ctx.people.filter((p) => voted.elected?.includes(p.id));
  const electedOn = voted.electedOn ?? ctx.on;
  const ids = new Set(elected.map((p) => p.id));
  if (!ids.has(body.chairId) || body.viceChairIds.some((id) => !ids.has(id) || id === body.chairId))
    throw bad(
      'chairId',
      'not_elected',
      '主任、副主任须从当选成员中推选',
      'the chair and vice-chairs are chosen among those elected',
    );
  const committeeId = await foundCommittee(ctx.trx, ctx.actor, {
    compound: ctx.compound,
    formationId: ctx.formation.id,
    electedOn,
    termStart: body.termStart ?? electedOn,
    termEnd: body.termEnd,
    filedOn: ctx.on,
    filingAuthority: body.authority,
    members: elected.map((p) => ({
      ownerId: p.ownerId!,
      post: p.id === body.chairId ? 'chair' : body.viceChairIds.includes(p.id) ? 'vice_chair' : 'member',
    })),
  });
  return {
    committeeId,
    authority: body.authority,
    electedOn,
    termStart: body.termStart ?? electedOn,
    termEnd: body.termEnd,
  };
}
