import { z } from 'zod';
import { AppError } from '../../server/errors';
import { requireActor } from '../../server/plugins/auth';
import { byAddressAnd, type RateLimitRule, rateLimitRules } from '../../server/plugins/rate-limit';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import {
  confirmPaperEntry,
  discardPaperEntry,
  enterPaperBallot,
  listPaperEntries,
} from './owners.ballots.paper.service';
import { accessBallot, castOnlineBallot } from './owners.ballots.service';
import { checkReceipt } from './owners.receipts.service';
import { getPublicVote } from './owners.votes.results';
import * as s from './owners.votes.schemas';

/**
 * Wrong voting and receipt codes, per address and vote. Only refused codes count: owners at a
 * meeting in the community hall share one address and each types a right code, while a guesser's
 * tries are nearly all wrong.
 */
const wrongCodes: RateLimitRule = {
  bucket: 'vote-codes',
  limit: 'codeAttemptsPerMinute',
  key: byAddressAnd('id'),
  countOnly: (error) =>
    error instanceof AppError &&
    (error.code === 'owners.invalid_code' || error.code === 'owners.receipt_not_found'),
};

/**
 * Ballots: paper entry and confirmation by two officers, and the owners' public routes — the
 * ballot page (the voting code is the credential, so no sign-in and no CSRF token: the session
 * cookie plays no part), receipt checks and the published result.
 */
export async function ownersBallotRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['owners'];
  const base = '/api/v1/owners/votes/:id/paper-entries';

  app.get(base, {
    schema: {
      tags,
      summary: 'Paper ballots awaiting a second officer (their choice withheld) 待确认纸质表决票',
      params: s.voteParamsSchema,
      response: { 200: s.paperEntryListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listPaperEntries({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.post(base, {
    schema: {
      tags,
      summary: 'Key in a paper ballot; it counts once another officer confirms it 录入纸质表决票',
      params: s.voteParamsSchema,
      body: s.paperEntryBodySchema,
      response: { 201: s.paperEntryViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await enterPaperBallot({
          db,
          actor: requireActor(request),
          id: request.params.id,
          input: request.body,
        }),
      ),
  });

  app.post(`${base}/:entryId/confirm`, {
    schema: {
      tags,
      summary: 'A second officer confirms a paper ballot with the choice read from the paper 复核确认',
      params: s.paperEntryParamsSchema,
      body: s.confirmEntryBodySchema,
      response: { 200: s.confirmedEntrySchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      confirmPaperEntry({
        db,
        actor: requireActor(request),
        id: request.params.id,
        entryId: request.params.entryId,
        choice: request.body.choice,
      }),
  });

  app.post(`${base}/:entryId/discard`, {
    schema: {
      tags,
      summary: 'Discard a paper entry that waits for confirmation 作废录入',
      params: s.paperEntryParamsSchema,
      body: z.strictObject({}),
      response: { 200: s.paperEntryViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      discardPaperEntry({
        db,
        actor: requireActor(request),
        id: request.params.id,
        entryId: request.params.entryId,
      }),
  });

  const publicTags = ['public'];

  app.get('/api/v1/public/votes/:id', {
    config: { rateLimit: rateLimitRules.publicRead },
    schema: {
      tags: publicTags,
      summary:
        'A vote’s public page; after close the anonymised ballots and the tally, to recompute 表决结果公示',
      params: s.voteParamsSchema,
      response: { 200: s.publicVoteSchema, ...problemResponses(400, 404, 429) },
    },
    handler: async (request) => getPublicVote({ db, id: request.params.id }),
  });

  app.post('/api/v1/public/votes/:id/access', {
    config: { csrf: false, rateLimit: wrongCodes },
    schema: {
      tags: publicTags,
      summary: 'Check a voting code: the matter and whom the code votes for 验证表决码',
      params: s.voteParamsSchema,
      body: s.codeBodySchema,
      response: { 200: s.ballotAccessSchema, ...problemResponses(400, 403, 404, 409, 429) },
    },
    handler: async (request) => accessBallot({ db, id: request.params.id, code: request.body.code }),
  });

  app.post('/api/v1/public/votes/:id/ballots', {
    config: { csrf: false, rateLimit: wrongCodes },
    schema: {
      tags: publicTags,
      summary: 'Cast the ballot of a voting code; answers the receipt code, once 投票',
      params: s.voteParamsSchema,
      body: s.castBallotBodySchema,
      response: { 201: s.receiptSchema, ...problemResponses(400, 403, 404, 409, 429) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await castOnlineBallot({
          db,
          id: request.params.id,
          code: request.body.code,
          choice: request.body.choice,
          client: { requestId: request.id, ip: request.ip ?? null },
        }),
      ),
  });

  app.get('/api/v1/public/votes/:id/receipts/:code', {
    config: { rateLimit: [rateLimitRules.publicRead, wrongCodes] },
    schema: {
      tags: publicTags,
      summary: 'Check a receipt: the ballot was counted, with its public id and choice 回执查询',
      params: s.receiptParamsSchema,
      response: { 200: s.receiptCheckSchema, ...problemResponses(400, 404, 429) },
    },
    handler: async (request) => checkReceipt({ db, voteId: request.params.id, code: request.params.code }),
  });
}
