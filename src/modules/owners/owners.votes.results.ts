import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import type { Actor } from '../iam/index';
import * as ballotRepo from './owners.ballots.repository';
import { areaText } from './owners.votes.electorate';
import { ownersVotesErrors } from './owners.votes.errors';
import * as repo from './owners.votes.repository';
import type { publicVoteSchema, voteTallySchema } from './owners.votes.schemas';
import { getScopedVote } from './owners.votes.service';
import { areaOf, countTurnout, ratioView } from './owners.votes.turnout';
import { parseResult, toPublicVoteHead } from './owners.votes.views';

// The results of a vote: the officials' tally and live turnout, and the public page.

type Db = Kysely<Database>;

/**
 * The public page of a vote: its matter while open; after closing, every ballot without its voter
 * (public id, area, choice) and the totals, so that anyone can recompute the tally from them with
 * the rules of Civil Code art. 278(2). Areas are published because the tally weighs by them.
 */
export async function getPublicVote(opts: { db: Db; id: string }): Promise<z.infer<typeof publicVoteSchema>> {
  const vote = await repo.findVote(opts.db, opts.id);
  if (!vote || vote.status === 'draft') throw ownersVotesErrors.voteNotFound();
  const names = await repo.compoundNames(opts.db, [vote.compoundCode]);
  const stored = parseResult(vote);
  const ballots = stored ? await repo.ballotsForTally(opts.db, vote.id) : null;
  return {
    ...toPublicVoteHead(vote, names.get(vote.compoundCode) ?? null),
    electorate:
      vote.totalArea !== null && vote.totalHeadcount !== null
        ? { totalArea: vote.totalArea, totalHeadcount: vote.totalHeadcount }
        : null,
    ballots: ballots?.map((b) => ({ publicId: b.publicId, area: b.area, choice: b.choice })) ?? null,
    tally: stored?.tally ?? null,
    closedAt: stored?.closedAt ?? null,
  };
}

/**
 * The four ratios of art. 278(2) once closed (the stored, final tally); while open only the
 * participation so far — how people voted stays sealed until the vote closes, so that no interim
 * result can steer the owners still to vote.
 */
export async function getVoteTally(opts: {
  db: Db;
  actor: Actor;
  id: string;
}): Promise<z.infer<typeof voteTallySchema>> {
  const vote = await getScopedVote(opts.db, opts.actor, opts.id, 'owners.read');
  const electorate =
    vote.totalArea !== null && vote.totalHeadcount !== null
      ? { totalArea: vote.totalArea, totalHeadcount: vote.totalHeadcount }
      : null;
  const stored = parseResult(vote);
  const base = {
    voteId: vote.id,
    status: vote.status,
    final: stored !== null,
    electorate,
    tally: stored?.tally ?? null,
    closedAt: stored?.closedAt ?? null,
    closedEarlyReason: stored?.closedEarlyReason ?? null,
    computedAt: new Date().toISOString(),
  };
  if (!electorate) return { ...base, turnout: null, pendingPaperEntries: 0 };
  const [ballots, pending] = await Promise.all([
    repo.ballotsForTally(opts.db, vote.id),
    ballotRepo.pendingEntries(opts.db, vote.id),
  ]);
  const turnout = countTurnout({
    totalArea: areaOf(electorate.totalArea),
    totalHeadcount: electorate.totalHeadcount,
    areas: ballots.map((b) => b.area),
  });
  return {
    ...base,
    pendingPaperEntries: pending.length,
    turnout: {
      area: areaText(turnout.area),
      headcount: turnout.headcount,
      areaRatio: ratioView(turnout.areaRatio),
      headcountRatio: ratioView(turnout.headcountRatio),
      quorumReached: turnout.quorumReached,
      byChannel: {
        online: ballots.filter((b) => b.channel === 'online').length,
        paper: ballots.filter((b) => b.channel === 'paper').length,
      },
    },
  };
}
