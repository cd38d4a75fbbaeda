import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { codeHash } from './owners.ballots.codes';
import { ownersVotesErrors } from './owners.votes.errors';
import * as repo from './owners.votes.repository';
import type { receiptCheckSchema } from './owners.votes.schemas';

// Receipts: each ballot's receipt code, shown once to the voter, proves the ballot was counted.
//
// Decision: the answer includes the choice. A receipt proves inclusion, and a voter who can see
// that the ballot recorded under their code says what they chose can also detect a ballot entered
// wrongly from paper. Only the voter holds the code (only its hash is stored), so nobody else
// learns the choice. The cost: a voter can show a third party how they voted — owners' meeting
// votes are not secret ballots in law (the committee keeps the ballots for owners to inspect),
// so the platform accepts it. The ballot's public id lets the voter find it in the published list.

type Db = Kysely<Database>;

/** Whether a receipt code names a ballot counted in this vote. No sign-in. */
export async function checkReceipt(opts: {
  db: Db;
  voteId: string;
  code: string;
}): Promise<z.infer<typeof receiptCheckSchema>> {
  const vote = await repo.findVote(opts.db, opts.voteId);
  const hash = codeHash('receipt', opts.voteId, opts.code);
  const ballot = vote && hash ? await repo.findBallotByReceipt(opts.db, vote.id, hash) : undefined;
  if (!vote || !ballot) throw ownersVotesErrors.receiptNotFound();
  return {
    counted: true,
    voteId: vote.id,
    voteStatus: vote.status,
    publicId: ballot.publicId,
    choice: ballot.choice,
    area: ballot.area,
    channel: ballot.channel,
    castAt: ballot.castAt,
  };
}
