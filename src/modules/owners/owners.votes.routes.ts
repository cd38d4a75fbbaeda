import { z } from 'zod';
import { attachmentHeader, XLSX_TYPE } from '../../server/downloads';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { ownersBallotRoutes } from './owners.ballots.routes';
import { issueCodes, listElectors, reissueCode } from './owners.ballots.service';
import { getVoteTally } from './owners.votes.results';
import * as s from './owners.votes.schemas';
import {
  cancelVote,
  closeVote,
  createVote,
  getVote,
  listVotes,
  openVote,
  updateVote,
} from './owners.votes.service';
import { buildCodesWorkbook, codesFilename } from './owners.votes.workbook';

/** Owners' meeting votes in the console (Civil Code art. 278), and the owners' public ballot routes. */
export async function ownersVotesRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['owners'];
  const base = '/api/v1/owners/votes';

  app.get(base, {
    schema: {
      tags,
      summary: 'Owners’ meeting votes of the caller’s scope, newest first 业主大会表决',
      querystring: s.voteListQuerySchema,
      response: {
        200: z.object({ items: z.array(s.voteViewSchema), nextCursor: z.string().nullable() }),
        ...problemResponses(...AUTHED),
      },
    },
    handler: async (request) => listVotes({ db, actor: requireActor(request), query: request.query }),
  });

  app.post(base, {
    schema: {
      tags,
      summary: 'Draft a vote on one matter of Civil Code art. 278(1) for a compound 新建表决',
      body: s.createVoteBodySchema,
      response: { 201: s.voteViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createVote({ db, actor: requireActor(request), input: request.body })),
  });

  app.get(`${base}/:id`, {
    schema: {
      tags,
      summary: 'One vote 表决详情',
      params: s.voteParamsSchema,
      response: { 200: s.voteViewSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getVote({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.patch(`${base}/:id`, {
    schema: {
      tags,
      summary: 'Change a draft vote 修改草稿',
      params: s.voteParamsSchema,
      body: s.updateVoteBodySchema,
      response: { 200: s.voteViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      updateVote({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.post(`${base}/:id/open`, {
    schema: {
      tags,
      summary:
        'Open a draft: freeze the electorate from the register (SPC interpretation arts. 8–9) 开始表决',
      params: s.voteParamsSchema,
      response: { 200: s.voteViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) => openVote({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.post(`${base}/:id/close`, {
    schema: {
      tags,
      summary: 'Close an open vote and tally it under art. 278(2); final 结束表决并计票',
      params: s.voteParamsSchema,
      body: s.closeVoteBodySchema,
      response: { 200: s.voteViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      closeVote({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.post(`${base}/:id/cancel`, {
    schema: {
      tags,
      summary: 'Cancel a draft, or an open vote before any ballot 取消表决',
      params: s.voteParamsSchema,
      body: s.cancelVoteBodySchema,
      response: { 200: s.voteViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      cancelVote({ db, actor: requireActor(request), id: request.params.id, reason: request.body.reason }),
  });

  app.get(`${base}/:id/tally`, {
    schema: {
      tags,
      summary:
        'Live turnout while open; after close the four ratios, threshold and why it passed or failed 计票',
      params: s.voteParamsSchema,
      response: { 200: s.voteTallySchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getVoteTally({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.get(`${base}/:id/electors`, {
    schema: {
      tags,
      summary: 'The frozen roll: electors, their areas, who has voted (never how) 表决人名单',
      params: s.voteParamsSchema,
      response: { 200: s.electorListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listElectors({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.post(`${base}/:id/codes`, {
    schema: {
      tags,
      summary: 'Issue every elector’s one-time voting code, once: JSON or ?format=xlsx 下载表决码',
      params: s.voteParamsSchema,
      querystring: s.codesQuerySchema,
      produces: ['application/json', XLSX_TYPE],
      response: { 200: s.issuedCodesSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const issued = await issueCodes({ db, actor, id: request.params.id });
      if (request.query.format === 'json') return issued;
      const vote = await getVote({ db, actor, id: request.params.id });
      const { filename, fallback } = codesFilename(vote.id);
      const file = await buildCodesWorkbook({
        title: vote.title,
        compoundName: vote.compoundName,
        codes: issued.codes,
      });
      return (
        reply
          .type(XLSX_TYPE)
          .header('content-disposition', attachmentHeader(filename, fallback))
          // A Buffer is sent as it is; the JSON schema above describes the other format.
          .send(file as never)
      );
    },
  });

  app.post(`${base}/:id/codes/reissue`, {
    schema: {
      tags,
      summary: 'A new code for one elector who lost theirs; the old one stops working 补发表决码',
      params: s.voteParamsSchema,
      body: s.reissueCodeBodySchema,
      response: { 200: s.issuedCodeSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      reissueCode({
        db,
        actor: requireActor(request),
        id: request.params.id,
        voterKey: request.body.voterKey,
      }),
  });

  await ownersBallotRoutes(app);
}
