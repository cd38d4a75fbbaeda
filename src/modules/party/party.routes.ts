import { z } from 'zod';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { addLifeRecord, listLifeRecords } from './party.life.service';
import { partyOperationRoutes } from './party.operation.routes';
import { createOrg, dissolveOrg, getOrgDetail, getOrgTree, updateOrg } from './party.orgs.service';
import { addPost, linkHouseholds, unlinkHousehold, updatePost } from './party.posts.service';
import * as s from './party.schemas';
import { partyTransferRoutes } from './party.transfers.routes';

/** The party module's routes: the chain here, operation and reach, transfers in their own files. */
export async function partyRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['party'];

  app.get('/api/v1/party/orgs/tree', {
    schema: {
      tags,
      summary: 'Party organisations of a place, nested down the four-level chain 党组织树',
      querystring: s.treeQuerySchema,
      response: {
        200: z.object({ roots: z.array(s.orgTreeNodeSchema), truncated: z.boolean() }),
        ...problemResponses(...AUTHED),
      },
    },
    handler: async (request) => getOrgTree({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/party/orgs/:id', {
    schema: {
      tags,
      summary: 'One organisation with posts, members, children, life records and checklist 党组织详情',
      params: s.orgParamsSchema,
      response: { 200: s.orgDetailSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getOrgDetail({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.post('/api/v1/party/orgs', {
    schema: {
      tags,
      summary: 'Set up an organisation on a place of its level, below the kind above 新建党组织',
      body: s.createOrgBodySchema,
      response: { 201: s.orgDetailSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createOrg({ db, actor: requireActor(request), input: request.body })),
  });

  app.patch('/api/v1/party/orgs/:id', {
    schema: {
      tags,
      summary: 'Rename an organisation, set its meeting place or move it under another parent 修改党组织',
      params: s.orgParamsSchema,
      body: s.updateOrgBodySchema,
      response: { 200: s.orgDetailSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      updateOrg({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.post('/api/v1/party/orgs/:id/dissolve', {
    schema: {
      tags,
      summary: 'Dissolve an organisation with nothing active below it 撤销党组织',
      params: s.orgParamsSchema,
      body: s.dissolveOrgBodySchema,
      response: { 200: s.orgDetailSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      dissolveOrg({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.post('/api/v1/party/orgs/:id/posts', {
    schema: {
      tags,
      summary: 'Appoint a member to a post (secretary with background, deputy, member …) 任职',
      params: s.orgParamsSchema,
      body: s.addPostBodySchema,
      response: { 201: s.postViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await addPost({ db, actor: requireActor(request), orgId: request.params.id, input: request.body }),
        ),
  });

  app.patch('/api/v1/party/orgs/:id/posts/:postId', {
    schema: {
      tags,
      summary: 'End a post or correct the background 卸任/修改任职',
      params: s.postParamsSchema,
      body: s.updatePostBodySchema,
      response: { 200: s.postViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      updatePost({
        db,
        actor: requireActor(request),
        orgId: request.params.id,
        postId: request.params.postId,
        input: request.body,
      }),
  });

  app.post('/api/v1/party/orgs/:id/households', {
    schema: {
      tags,
      summary: 'Link households of its grid to a central household 联系户',
      params: s.orgParamsSchema,
      body: s.linkHouseholdsBodySchema,
      response: { 200: z.object({ added: z.number().int() }), ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      linkHouseholds({ db, actor: requireActor(request), orgId: request.params.id, input: request.body }),
  });

  app.delete('/api/v1/party/orgs/:id/households/:code', {
    schema: {
      tags,
      summary: 'Unlink a household from a central household 解除联系户',
      params: s.householdParamsSchema,
      response: { 204: z.null(), ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) => {
      await unlinkHousehold({
        db,
        actor: requireActor(request),
        orgId: request.params.id,
        householdCode: request.params.code,
      });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/party/orgs/:id/life-records', {
    schema: {
      tags,
      summary: 'Organisational life held by an organisation, latest first 组织生活记录',
      params: s.orgParamsSchema,
      querystring: s.lifeRecordsQuerySchema,
      response: { 200: s.pageOf(s.lifeRecordViewSchema), ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      listLifeRecords({ db, actor: requireActor(request), orgId: request.params.id, query: request.query }),
  });

  app.post('/api/v1/party/orgs/:id/life-records', {
    schema: {
      tags,
      summary: 'Record a meeting held (三会一课, 主题党日 …) 登记组织生活',
      params: s.orgParamsSchema,
      body: s.lifeRecordBodySchema,
      response: { 201: s.lifeRecordViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await addLifeRecord({
          db,
          actor: requireActor(request),
          orgId: request.params.id,
          input: request.body,
        }),
      ),
  });

  await partyOperationRoutes(app);
  await partyTransferRoutes(app);
}
