import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { type Actor, appendAudit, authorize, can } from '../iam/index';
import * as ballotRepo from './owners.ballots.repository';
import { writeBallot } from './owners.ballots.service';
import { ownersErrors } from './owners.errors';
import type { BallotChoice } from './owners.vote-tally';
import { ownersVotesErrors } from './owners.votes.errors';
import * as repo from './owners.votes.repository';
import type { confirmedEntrySchema, paperEntryViewSchema } from './owners.votes.schemas';
import { getScopedVote } from './owners.votes.service';
import type { PaperEntryRow } from './owners.votes.table';

// Paper ballots (书面征求意见, Binzhou residential property regulation art. 13) entered by two
// officers: one keys the ballot in, a different one reads the paper again and confirms it. The
// entry waits in paper_ballot_entries; the immutable ballot is written only at confirmation, and
// both officers are recorded on it (entered_by, confirmed_by).

type Db = Kysely<Database>;
type EntryView = z.infer<typeof paperEntryViewSchema>;

const actorId = (actor: Actor) => (actor.kind === 'system' ? 'system' : actor.id);

async function entryViews(db: Db, rows: PaperEntryRow[]): Promise<EntryView[]> {
  if (rows.length === 0) return [];
  const voteId = rows[0]!.voteId;
  const [electors, names] = await Promise.all([
    repo.listElectors(db, voteId),
    repo.userNames(db, [...new Set(rows.map((r) => r.enteredBy))]),
  ]);
  const byKey = new Map(electors.map((e) => [e.voterKey, e]));
  // The entered choice is left out on purpose: the confirming officer must read the paper.
  return rows.map((r) => ({
    id: r.id,
    voterKey: r.voterKey,
    label: byKey.get(r.voterKey)?.label ?? '',
    area: byKey.get(r.voterKey)?.area ?? '0',
    status: r.status,
    enteredBy: r.enteredBy,
    enteredByName: names.get(r.enteredBy) ?? null,
    enteredAt: r.enteredAt,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
  }));
}

/** Paper ballots of a vote waiting for a second officer. */
export async function listPaperEntries(opts: { db: Db; actor: Actor; id: string }) {
  const vote = await getScopedVote(opts.db, opts.actor, opts.id, 'owners.read');
  return { items: await entryViews(opts.db, await ballotRepo.pendingEntries(opts.db, vote.id)) };
}

/** The first officer keys in a paper ballot; it counts only once a second officer confirms it. */
export async function enterPaperBallot(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: { voterKey: string; choice: BallotChoice };
}): Promise<EntryView> {
  const { db, actor, id, input } = opts;
  authorize(actor, 'owners.write');
  const entryId = newId();
  await db.transaction().execute(async (trx) => {
    const vote = await repo.lockVoteById(trx, id);
    if (!vote || !can(actor, 'owners.write', vote.path)) throw ownersVotesErrors.voteNotFound();
    if (vote.status !== 'open') throw ownersVotesErrors.voteNotOpen(vote.status);
    const elector = await repo.findElector(trx, id, input.voterKey);
    if (!elector) throw ownersVotesErrors.electorNotFound();
    if (await repo.findBallotOfVoter(trx, id, input.voterKey))
      throw ownersErrors.duplicateBallot(input.voterKey);
    try {
      await ballotRepo.insertEntry(trx, {
        id: entryId,
        voteId: id,
        voterKey: input.voterKey,
        choice: input.choice,
        status: 'pending',
        enteredBy: actorId(actor),
        enteredAt: new Date().toISOString(),
        decidedBy: null,
        decidedAt: null,
        ballotId: null,
      });
    } catch (err) {
      if (repo.isUniqueViolation(err)) throw ownersVotesErrors.entryPending();
      throw err;
    }
    await appendAudit(trx, {
      actor,
      action: 'owners.paper_ballot.enter',
      targetType: 'paper_ballot_entry',
      targetId: entryId,
      scopePath: vote.path,
      summary: { voteId: id, label: elector.label },
    });
  });
  const row = await ballotRepo.findEntry(db, id, entryId);
  return (await entryViews(db, [row!]))[0]!;
}

/**
 * A second officer, not the one who entered it, reads the paper ballot again and confirms it with
 * the choice they read; a different choice is refused and the entry keeps waiting. On confirmation
 * the ballot is written and its receipt code returned once, for the voter.
 */
export async function confirmPaperEntry(opts: {
  db: Db;
  actor: Actor;
  id: string;
  entryId: string;
  choice: BallotChoice;
}): Promise<z.infer<typeof confirmedEntrySchema>> {
  const { db, actor, id, entryId } = opts;
  authorize(actor, 'owners.write');
  const receipt = await db.transaction().execute(async (trx) => {
    const vote = await repo.lockVoteById(trx, id);
    if (!vote || !can(actor, 'owners.write', vote.path)) throw ownersVotesErrors.voteNotFound();
    if (vote.status !== 'open') throw ownersVotesErrors.voteNotOpen(vote.status);
    const entry = await ballotRepo.findEntry(trx, id, entryId);
    if (entry?.status !== 'pending') throw ownersVotesErrors.entryNotFound();
    if (entry.enteredBy === actorId(actor)) throw ownersVotesErrors.sameOfficer();
    if (entry.choice !== opts.choice) throw ownersVotesErrors.entryMismatch();
    const elector = await repo.findElector(trx, id, entry.voterKey);
    if (!elector) throw ownersVotesErrors.electorNotFound();
    const written = await writeBallot(trx, {
      voteId: id,
      voterKey: entry.voterKey,
      choice: entry.choice,
      area: elector.area,
      channel: 'paper',
      enteredBy: entry.enteredBy,
      confirmedBy: actorId(actor),
    });
    const decided = await ballotRepo.decideEntry(trx, entryId, {
      status: 'confirmed',
      decidedBy: actorId(actor),
      decidedAt: written.castAt,
      ballotId: written.ballotId,
    });
    if (!decided) throw ownersVotesErrors.entryNotFound();
    await appendAudit(trx, {
      actor,
      action: 'owners.paper_ballot.confirm',
      targetType: 'ballot',
      targetId: written.ballotId,
      scopePath: vote.path,
      summary: { voteId: id, entryId, enteredBy: entry.enteredBy },
    });
    return written;
  });
  const row = await ballotRepo.findEntry(db, id, entryId);
  const { ballotId: _, ...shown } = receipt;
  return { entry: (await entryViews(db, [row!]))[0]!, receipt: shown };
}

/** Discards a waiting paper entry (keyed wrongly, or the ballot turned out invalid). */
export async function discardPaperEntry(opts: {
  db: Db;
  actor: Actor;
  id: string;
  entryId: string;
}): Promise<EntryView> {
  const { db, actor, id, entryId } = opts;
  authorize(actor, 'owners.write');
  await db.transaction().execute(async (trx) => {
    const vote = await repo.lockVoteById(trx, id);
    if (!vote || !can(actor, 'owners.write', vote.path)) throw ownersVotesErrors.voteNotFound();
    const entry = await ballotRepo.findEntry(trx, id, entryId);
    if (entry?.status !== 'pending') throw ownersVotesErrors.entryNotFound();
    await ballotRepo.decideEntry(trx, entryId, {
      status: 'discarded',
      decidedBy: actorId(actor),
      decidedAt: new Date().toISOString(),
    });
    await appendAudit(trx, {
      actor,
      action: 'owners.paper_ballot.discard',
      targetType: 'paper_ballot_entry',
      targetId: entryId,
      scopePath: vote.path,
      summary: { voteId: id },
    });
  });
  const row = await ballotRepo.findEntry(db, id, entryId);
  return (await entryViews(db, [row!]))[0]!;
}
