import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { chinaToday } from '../areas/index';
import { type Actor, appendAudit, authorize, can, listScopes } from '../iam/index';
import * as ballotRepo from './owners.ballots.repository';
import type { OwnerVoteRow } from './owners.table';
import { type OwnersMatterItem, tallyOwnersVote } from './owners.vote-tally';
import { areaText, freezeElectorate } from './owners.votes.electorate';
import { ownersVotesErrors } from './owners.votes.errors';
import * as repo from './owners.votes.repository';
import type {
  closeVoteBodySchema,
  createVoteBodySchema,
  updateVoteBodySchema,
  voteListQuerySchema,
} from './owners.votes.schemas';
import { areaOf, tallyView } from './owners.votes.turnout';
import { type StoredResult, toVoteView, type VoteView } from './owners.votes.views';

// Owners' meeting votes on one matter of Civil Code art. 278(1): draft → open (the electorate is
// frozen from the register, SPC interpretation arts. 8–9) → closed (tallied under art. 278(2),
// final) or cancelled (only before any ballot). Officials and committee members with
// owners.write over the compound run them; owners.read sees them.

type Db = Kysely<Database>;
type Q = Db | Transaction<Database>;

const actorId = (actor: Actor) => (actor.kind === 'system' ? 'system' : actor.id);

/** The vote if the actor holds `permission` over its compound; 404 otherwise (403 without it anywhere). */
export async function getScopedVote(
  db: Q,
  actor: Actor,
  id: string,
  permission: 'owners.read' | 'owners.write',
): Promise<OwnerVoteRow> {
  authorize(actor, permission);
  const row = await repo.findVote(db, id);
  if (!row || !can(actor, permission, row.path)) throw ownersVotesErrors.voteNotFound();
  return row;
}

async function lockScopedVote(trx: Transaction<Database>, actor: Actor, id: string): Promise<OwnerVoteRow> {
  authorize(actor, 'owners.write');
  const row = await repo.lockVoteById(trx, id);
  if (!row || !can(actor, 'owners.write', row.path)) throw ownersVotesErrors.voteNotFound();
  return row;
}

async function viewsOf(db: Q, actor: Actor, rows: OwnerVoteRow[]): Promise<VoteView[]> {
  const [names, figures] = await Promise.all([
    repo.compoundNames(db, [...new Set(rows.map((r) => r.compoundCode))]),
    repo.voteFigures(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((row) =>
    toVoteView(row, {
      compoundName: names.get(row.compoundCode) ?? null,
      figures: figures.get(row.id)!,
      actor,
    }),
  );
}

/** One vote as the console shows it. */
export async function getVote(opts: { db: Db; actor: Actor; id: string }): Promise<VoteView> {
  const row = await getScopedVote(opts.db, opts.actor, opts.id, 'owners.read');
  return (await viewsOf(opts.db, opts.actor, [row]))[0]!;
}

/** Votes of the caller's scope (or of one compound), newest first. */
export async function listVotes(opts: { db: Db; actor: Actor; query: z.infer<typeof voteListQuerySchema> }) {
  const { db, actor, query } = opts;
  const scopes = listScopes(actor, 'owners.read');
  const rows = await repo.listVotes(db, { scopes, ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: await viewsOf(db, actor, page),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

function checkPeriod(opensAt: string | null | undefined, closesAt: string | null | undefined, now: string) {
  if (!closesAt) return;
  if (Date.parse(closesAt) <= Date.parse(now)) throw ownersVotesErrors.invalidPeriod();
  if (opensAt && Date.parse(closesAt) <= Date.parse(opensAt)) throw ownersVotesErrors.invalidPeriod();
}

/** Drafts a vote on one matter of art. 278(1) for a compound in the actor's owners.write scope. */
export async function createVote(opts: {
  db: Db;
  actor: Actor;
  input: z.infer<typeof createVoteBodySchema>;
}): Promise<VoteView> {
  const { db, actor, input } = opts;
  authorize(actor, 'owners.write');
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const compound = await repo.findCompound(trx, input.compoundCode);
    if (
      compound?.level !== 'compound' ||
      compound.status !== 'active' ||
      !can(actor, 'owners.write', compound.path)
    )
      throw ownersVotesErrors.compoundNotFound();
    const now = new Date().toISOString();
    checkPeriod(input.opensAt, input.closesAt, now);
    await repo.insertVote(trx, {
      id,
      compoundCode: compound.code,
      path: compound.path,
      item: input.item,
      title: input.title,
      description: input.description ?? null,
      status: 'draft',
      opensAt: input.opensAt ?? null,
      closesAt: input.closesAt ?? null,
      totalArea: null,
      totalHeadcount: null,
      result: null,
      createdBy: actorId(actor),
      createdAt: now,
      updatedAt: now,
    });
    await appendAudit(trx, {
      actor,
      action: 'owners.vote.create',
      targetType: 'owner_vote',
      targetId: id,
      scopePath: compound.path,
      summary: { compoundCode: compound.code, item: input.item, title: input.title },
    });
  });
  return getVote({ db, actor, id });
}

/** Changes a draft: matter, title, description, planned times. */
export async function updateVote(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof updateVoteBodySchema>;
}): Promise<VoteView> {
  const { db, actor, id, input } = opts;
  await db.transaction().execute(async (trx) => {
    const vote = await lockScopedVote(trx, actor, id);
    if (vote.status !== 'draft') throw ownersVotesErrors.invalidTransition(vote.status, 'edited');
    const now = new Date().toISOString();
    checkPeriod(
      input.opensAt === undefined ? vote.opensAt : input.opensAt,
      input.closesAt === undefined ? vote.closesAt : input.closesAt,
      now,
    );
    await repo.updateVote(trx, id, { ...input, updatedAt: now });
    await appendAudit(trx, {
      actor,
      action: 'owners.vote.update',
      targetType: 'owner_vote',
      targetId: id,
      scopePath: vote.path,
      summary: { changed: Object.keys(input) },
    });
  });
  return getVote({ db, actor, id });
}

/**
 * Opens a draft: reads the compound's register, counts the voters under SPC interpretation art. 9
 * with each one's area under art. 8, and freezes them as the vote's electorate. Later changes to
 * the register do not change an open vote. Refused while the register is empty.
 */
export async function openVote(opts: { db: Db; actor: Actor; id: string }): Promise<VoteView> {
  const { db, actor, id } = opts;
  await db.transaction().execute(async (trx) => {
    const vote = await lockScopedVote(trx, actor, id);
    if (vote.status !== 'draft') throw ownersVotesErrors.invalidTransition(vote.status, 'opened');
    const now = new Date().toISOString();
    checkPeriod(null, vote.closesAt, now);
    const register = await repo.loadRegister(trx, vote.compoundCode);
    if (register.units.length === 0) throw ownersVotesErrors.emptyRegister();
    const electorate = freezeElectorate({ ...register, today: chinaToday() });
    await repo.insertElectors(
      trx,
      electorate.electors.map((e) => ({
        voteId: id,
        voterKey: e.voterKey,
        area: areaText(e.area),
        ownerIds: JSON.stringify(e.ownerIds),
        label: e.label,
      })),
    );
    const totalArea = areaText(electorate.totalArea);
    await repo.updateVote(trx, id, {
      status: 'open',
      opensAt: now,
      totalArea,
      totalHeadcount: electorate.totalHeadcount,
      updatedAt: now,
    });
    await appendAudit(trx, {
      actor,
      action: 'owners.vote.open',
      targetType: 'owner_vote',
      targetId: id,
      scopePath: vote.path,
      summary: { units: register.units.length, totalArea, totalHeadcount: electorate.totalHeadcount },
    });
  });
  return getVote({ db, actor, id });
}

/**
 * Closes an open vote and tallies it under Civil Code art. 278(2) with tallyOwnersVote. The result
 * is stored and final, and published to the compound as a committee disclosure (meeting_result).
 * Closing before the announced closing time needs a reason; waiting paper entries block closing.
 */
export async function closeVote(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof closeVoteBodySchema>;
}): Promise<VoteView> {
  const { db, actor, id, input } = opts;
  await db.transaction().execute(async (trx) => {
    const vote = await lockScopedVote(trx, actor, id);
    if (vote.status !== 'open') throw ownersVotesErrors.invalidTransition(vote.status, 'closed');
    const now = new Date().toISOString();
    const early = vote.closesAt !== null && Date.parse(now) < Date.parse(vote.closesAt);
    if (early && !input.reason) throw ownersVotesErrors.closeEarlyReasonRequired(vote.closesAt!);
    const pending = await ballotRepo.pendingEntries(trx, id);
    if (pending.length > 0) throw ownersVotesErrors.entriesPending(pending.length);
    const ballots = await repo.ballotsForTally(trx, id);
    const electorate = { totalArea: areaOf(vote.totalArea!), totalHeadcount: vote.totalHeadcount! };
    const tally = tallyOwnersVote({
      item: vote.item as OwnersMatterItem,
      electorate,
      ballots: ballots.map((b) => ({ voterId: b.voterKey, area: areaOf(b.area), choice: b.choice })),
    });
    const result: StoredResult = {
      tally: tallyView(tally, electorate),
      closedAt: now,
      closedBy: actorId(actor),
      closedEarlyReason: early ? (input.reason ?? null) : null,
    };
    await repo.updateVote(trx, id, {
      status: 'closed',
      closesAt: early || vote.closesAt === null ? now : vote.closesAt,
      result: JSON.stringify(result),
      updatedAt: now,
    });
    await repo.insertDisclosure(trx, {
      id: newId(),
      compoundCode: vote.compoundCode,
      path: vote.path,
      committeeId: await repo.currentCommitteeId(trx, vote.compoundCode),
      kind: 'meeting_result',
      title: `业主大会表决结果：${vote.title}（${tally.passed ? '通过' : '未通过'}）`,
      body: tally.explanation.zh,
      period: null,
      voteId: id,
      publishedOn: chinaToday(),
      createdBy: actorId(actor),
      createdAt: now,
    });
    await appendAudit(trx, {
      actor,
      action: 'owners.vote.close',
      targetType: 'owner_vote',
      targetId: id,
      scopePath: vote.path,
      summary: {
        passed: tally.passed,
        reasons: tally.reasons,
        ballots: ballots.length,
        closedEarlyReason: result.closedEarlyReason,
      },
    });
  });
  return getVote({ db, actor, id });
}

/** Cancels a draft, or an open vote in which nobody has voted yet. */
export async function cancelVote(opts: {
  db: Db;
  actor: Actor;
  id: string;
  reason?: string | undefined;
}): Promise<VoteView> {
  const { db, actor, id } = opts;
  await db.transaction().execute(async (trx) => {
    const vote = await lockScopedVote(trx, actor, id);
    if (vote.status !== 'draft' && vote.status !== 'open')
      throw ownersVotesErrors.invalidTransition(vote.status, 'cancelled');
    const figures = (await repo.voteFigures(trx, [id])).get(id)!;
    if (figures.ballots > 0 || figures.pending > 0) throw ownersVotesErrors.hasBallots();
    const now = new Date().toISOString();
    await repo.updateVote(trx, id, { status: 'cancelled', updatedAt: now });
    await appendAudit(trx, {
      actor,
      action: 'owners.vote.cancel',
      targetType: 'owner_vote',
      targetId: id,
      scopePath: vote.path,
      summary: { from: vote.status, reason: opts.reason ?? null },
    });
  });
  return getVote({ db, actor, id });
}
