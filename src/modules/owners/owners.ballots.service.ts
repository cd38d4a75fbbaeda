import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { type Actor, appendAudit, authorize, can } from '../iam/index';
import { codeHash, newCode, newPublicId } from './owners.ballots.codes';
import * as ballotRepo from './owners.ballots.repository';
import { ownersErrors } from './owners.errors';
import type { BallotChoice } from './owners.vote-tally';
import { ownersVotesErrors } from './owners.votes.errors';
import * as repo from './owners.votes.repository';
import type { ballotAccessSchema, issuedCodeSchema, receiptSchema } from './owners.votes.schemas';
import { getScopedVote } from './owners.votes.service';
import { toPublicVoteHead } from './owners.votes.views';

// Voting codes and online ballots. When a vote opens, officials with owners.write download one
// code per elector, once (only hashes are kept), and hand them out on paper or by message (Binzhou
// residential property regulation art. 13 allows electronic means; the issue is recorded). An
// owner opens /m/votes/:id, types the code and votes: the code is the credential, bound to one
// elector of one vote, and casts one ballot. Every ballot gets a receipt code shown once.

type Db = Kysely<Database>;
type IssuedCode = z.infer<typeof issuedCodeSchema>;
type Receipt = z.infer<typeof receiptSchema>;

/** The actor the audit log records for an owner voting with a code: the code, not a person. */
const votingCodeActor = (client?: { requestId: string | null; ip: string | null }): Actor => ({
  kind: 'system',
  id: 'voting-code',
  label: 'owner with a voting code',
  assignments: [],
  requestId: client?.requestId ?? null,
  ip: client?.ip ?? null,
});

const actorId = (actor: Actor) => (actor.kind === 'system' ? 'system' : actor.id);

async function lockWritableVote(trx: Transaction<Database>, actor: Actor, id: string) {
  authorize(actor, 'owners.write');
  const vote = await repo.lockVoteById(trx, id);
  if (!vote || !can(actor, 'owners.write', vote.path)) throw ownersVotesErrors.voteNotFound();
  if (vote.status !== 'open') throw ownersVotesErrors.voteNotOpen(vote.status);
  return vote;
}

/**
 * Issues one voting code per elector of an open vote and returns them: the only time the codes
 * exist outside the voters' hands. A second download is refused; a lost code is reissued alone.
 */
export async function issueCodes(opts: {
  db: Db;
  actor: Actor;
  id: string;
}): Promise<{ voteId: string; codes: IssuedCode[] }> {
  const { db, actor, id } = opts;
  return db.transaction().execute(async (trx) => {
    const vote = await lockWritableVote(trx, actor, id);
    if (await ballotRepo.hasCodes(trx, id)) throw ownersVotesErrors.codesAlreadyIssued();
    const electors = await repo.listElectors(trx, id);
    const now = new Date().toISOString();
    const codes = electors.map((e) => ({
      voterKey: e.voterKey,
      label: e.label,
      area: e.area,
      code: newCode(),
    }));
    await ballotRepo.insertCodes(
      trx,
      codes.map((c) => ({
        voteId: id,
        voterKey: c.voterKey,
        codeHash: codeHash('vote', id, c.code)!,
        issuedAt: now,
        issuedBy: actorId(actor),
        usedAt: null,
      })),
    );
    await appendAudit(trx, {
      actor,
      action: 'owners.vote.codes_issue',
      targetType: 'owner_vote',
      targetId: id,
      scopePath: vote.path,
      summary: { codes: codes.length },
    });
    return { voteId: id, codes };
  });
}

/** A new code for one elector who lost theirs; the old code stops working. Refused once they voted. */
export async function reissueCode(opts: {
  db: Db;
  actor: Actor;
  id: string;
  voterKey: string;
}): Promise<IssuedCode> {
  const { db, actor, id, voterKey } = opts;
  return db.transaction().execute(async (trx) => {
    const vote = await lockWritableVote(trx, actor, id);
    const elector = await repo.findElector(trx, id, voterKey);
    if (!elector) throw ownersVotesErrors.electorNotFound();
    if (await repo.findBallotOfVoter(trx, id, voterKey)) throw ownersErrors.duplicateBallot(voterKey);
    const code = newCode();
    const row = {
      voteId: id,
      voterKey,
      codeHash: codeHash('vote', id, code)!,
      issuedAt: new Date().toISOString(),
      issuedBy: actorId(actor),
    };
    if (!(await ballotRepo.replaceCode(trx, row)))
      await ballotRepo.insertCodes(trx, [{ ...row, usedAt: null }]);
    await appendAudit(trx, {
      actor,
      action: 'owners.vote.code_reissue',
      targetType: 'owner_vote',
      targetId: id,
      scopePath: vote.path,
      summary: { label: elector.label },
    });
    return { voterKey, label: elector.label, area: elector.area, code };
  });
}

/** The roll of an opened vote: who may vote, with what area, and who has voted (never how). */
export async function listElectors(opts: { db: Db; actor: Actor; id: string }) {
  const vote = await getScopedVote(opts.db, opts.actor, opts.id, 'owners.read');
  const [electors, ballots, codes, pending] = await Promise.all([
    repo.listElectors(opts.db, vote.id),
    repo.ballotsForTally(opts.db, vote.id),
    ballotRepo.listCodes(opts.db, vote.id),
    ballotRepo.pendingEntries(opts.db, vote.id),
  ]);
  const channelOf = new Map(ballots.map((b) => [b.voterKey, b.channel]));
  const issued = new Set(codes.map((c) => c.voterKey));
  const waiting = new Set(pending.map((p) => p.voterKey));
  return {
    items: electors.map((e) => ({
      voterKey: e.voterKey,
      label: e.label,
      area: e.area,
      codeIssued: issued.has(e.voterKey),
      voted: channelOf.has(e.voterKey),
      channel: channelOf.get(e.voterKey) ?? null,
      pendingPaperEntry: waiting.has(e.voterKey),
    })),
  };
}

/** A public vote by id; a draft is not public yet. */
async function findPublicVote(db: Db | Transaction<Database>, id: string, lock = false) {
  const vote = lock ? await repo.lockVoteById(db as Transaction<Database>, id) : await repo.findVote(db, id);
  if (!vote || vote.status === 'draft') throw ownersVotesErrors.voteNotFound();
  return vote;
}

async function electorOfCode(db: Db | Transaction<Database>, voteId: string, code: string) {
  const hash = codeHash('vote', voteId, code);
  const row = hash ? await ballotRepo.findCodeByHash(db, voteId, hash) : undefined;
  if (!row || !hash) throw ownersVotesErrors.invalidCode();
  if (row.usedAt) throw ownersVotesErrors.codeUsed();
  const elector = await repo.findElector(db, voteId, row.voterKey);
  if (!elector) throw ownersVotesErrors.invalidCode();
  return { hash, elector };
}

/** The owner's ballot page after typing the code: the matter, and who they vote as. No sign-in. */
export async function accessBallot(opts: {
  db: Db;
  id: string;
  code: string;
}): Promise<z.infer<typeof ballotAccessSchema>> {
  const vote = await findPublicVote(opts.db, opts.id);
  const { elector } = await electorOfCode(opts.db, vote.id, opts.code);
  if (vote.status !== 'open') throw ownersVotesErrors.voteNotOpen(vote.status);
  const names = await repo.compoundNames(opts.db, [vote.compoundCode]);
  return {
    vote: toPublicVoteHead(vote, names.get(vote.compoundCode) ?? null),
    elector: { label: elector.label, area: elector.area },
  };
}

/** Writes one immutable ballot and returns its receipt; the receipt code exists only in the answer. */
export async function writeBallot(
  trx: Transaction<Database>,
  ballot: {
    voteId: string;
    voterKey: string;
    choice: BallotChoice;
    area: string;
    channel: 'online' | 'paper';
    enteredBy?: string | null;
    confirmedBy?: string | null;
  },
): Promise<Receipt & { ballotId: string }> {
  const receiptCode = newCode();
  const row = {
    id: newId(),
    voteId: ballot.voteId,
    voterKey: ballot.voterKey,
    choice: ballot.choice,
    area: ballot.area,
    channel: ballot.channel,
    castBy: null,
    enteredBy: ballot.enteredBy ?? null,
    confirmedBy: ballot.confirmedBy ?? null,
    receiptHash: codeHash('receipt', ballot.voteId, receiptCode)!,
    publicId: newPublicId(),
    castAt: new Date().toISOString(),
  };
  if (await repo.findBallotOfVoter(trx, ballot.voteId, ballot.voterKey))
    throw ownersErrors.duplicateBallot(ballot.voterKey);
  try {
    await repo.insertBallot(trx, row);
  } catch (err) {
    // Two ballots of one voter at the same instant: the unique constraint decides.
    if (repo.isUniqueViolation(err)) throw ownersErrors.duplicateBallot(ballot.voterKey);
    throw err;
  }
  return {
    ballotId: row.id,
    receiptCode,
    publicId: row.publicId,
    choice: row.choice,
    area: row.area,
    castAt: row.castAt,
  };
}

/** Casts the owner's ballot with their voting code; the code is used up with it. No sign-in. */
export async function castOnlineBallot(opts: {
  db: Db;
  id: string;
  code: string;
  choice: BallotChoice;
  /** The request, for the audit log. */
  client?: { requestId: string | null; ip: string | null };
}): Promise<Receipt> {
  return opts.db.transaction().execute(async (trx) => {
    const vote = await findPublicVote(trx, opts.id, true);
    const { hash, elector } = await electorOfCode(trx, vote.id, opts.code);
    if (vote.status !== 'open') throw ownersVotesErrors.voteNotOpen(vote.status);
    if (vote.closesAt && Date.now() >= Date.parse(vote.closesAt)) throw ownersVotesErrors.votingPeriodOver();
    const receipt = await writeBallot(trx, {
      voteId: vote.id,
      voterKey: elector.voterKey,
      choice: opts.choice,
      area: elector.area,
      channel: 'online',
    });
    if (!(await ballotRepo.useCode(trx, vote.id, hash, receipt.castAt))) throw ownersVotesErrors.codeUsed();
    await appendAudit(trx, {
      actor: votingCodeActor(opts.client),
      action: 'owners.ballot.cast',
      targetType: 'ballot',
      targetId: receipt.ballotId,
      scopePath: vote.path,
      summary: { voteId: vote.id, channel: 'online' },
    });
    const { ballotId: _, ...shown } = receipt;
    return shown;
  });
}
