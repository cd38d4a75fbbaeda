import { z } from 'zod';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { listMembers } from './party.members.service';
import { memberViewSchema } from './party.schemas';
import { TRANSFER_ACTIONS } from './party.transfer-machine';
import * as t from './party.transfers.schemas';
import { actOnTransfer, getTransfer, listTransfers, requestTransfer } from './party.transfers.service';

const ACTION_SUMMARY = {
  accept: 'Accept a requested transfer 接收',
  refuse: 'Refuse a requested transfer, with a reason 拒绝',
  complete: 'Complete an accepted transfer: the relation moves into the branch 办结',
} as const;

/** Transfers of floating members' relations into grid branches (CAPABILITIES §1.4), and the member picker. */
export async function partyTransferRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['party'];

  app.get('/api/v1/party/members', {
    schema: {
      tags,
      summary: 'Party members living in a place (names only), to pick from 党员选择',
      querystring: t.memberQuerySchema,
      response: { 200: z.object({ items: z.array(memberViewSchema) }), ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listMembers({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/party/transfers', {
    schema: {
      tags,
      summary: 'Transfers into the grid branches of the caller’s scope, by status 组织关系转入',
      querystring: t.transferListQuerySchema,
      response: {
        200: z.object({ items: z.array(t.transferViewSchema), nextCursor: z.string().nullable() }),
        ...problemResponses(...AUTHED),
      },
    },
    handler: async (request) => listTransfers({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/party/transfers/:id', {
    schema: {
      tags,
      summary: 'One transfer with each step 转接详情',
      params: t.transferParamsSchema,
      response: { 200: t.transferViewSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getTransfer({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.post('/api/v1/party/transfers', {
    schema: {
      tags,
      summary: 'Request the transfer of a member’s relation into a grid branch 申请转入',
      body: t.createTransferBodySchema,
      response: { 201: t.transferViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await requestTransfer({ db, actor: requireActor(request), input: request.body })),
  });

  for (const action of TRANSFER_ACTIONS) {
    app.post(`/api/v1/party/transfers/:id/${action}`, {
      schema: {
        tags,
        summary: ACTION_SUMMARY[action],
        params: t.transferParamsSchema,
        body: t.transferActionBodySchema,
        response: { 200: t.transferViewSchema, ...problemResponses(...AUTHED, 409) },
      },
      handler: async (request) =>
        actOnTransfer({
          db,
          actor: requireActor(request),
          id: request.params.id,
          action,
          input: request.body,
        }),
    });
  }
}
