import { z } from 'zod';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import * as o from './party.operation.schemas';
import {
  getChecklist,
  getEntityOperation,
  listBranchStates,
  replaceChecklist,
} from './party.operation.service';
import { getReach, listUnreached } from './party.reach.service';
import { householdViewSchema, pageOf } from './party.schemas';

/** Entity operation of grid branches and reach of the chain (CAPABILITIES §1.1, §1.4). */
export async function partyOperationRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['party'];

  app.get('/api/v1/party/checklist', {
    schema: {
      tags,
      summary: 'The city’s entity-operation checklist for grid branches 实体化运行标准',
      response: { 200: o.checklistSchema, ...problemResponses(401, 403) },
    },
    handler: async (request) => getChecklist({ db, actor: requireActor(request) }),
  });

  app.put('/api/v1/party/checklist', {
    schema: {
      tags,
      summary: 'Replace the checklist (city administrators) 修改实体化运行标准',
      body: o.putChecklistBodySchema,
      response: { 200: o.checklistSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => replaceChecklist({ db, actor: requireActor(request), input: request.body }),
  });

  app.get('/api/v1/party/entity-operation', {
    schema: {
      tags,
      summary: 'Entity-operation rate of the grid branches of a place 实体化运行率',
      querystring: o.areaQuerySchema,
      response: { 200: o.entityOperationSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      getEntityOperation({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/party/entity-operation/branches', {
    schema: {
      tags,
      summary: 'Each grid branch of a place against the checklist, met or not 支部达标明细',
      querystring: o.branchStatesQuerySchema,
      response: { 200: pageOf(o.branchStateSchema), ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listBranchStates({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/party/reach', {
    schema: {
      tags,
      summary: 'Households of a place reached by the four-level chain 组织覆盖户数',
      querystring: o.areaQuerySchema,
      response: { 200: o.reachSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getReach({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/party/reach/unreached', {
    schema: {
      tags,
      summary: 'Households of a place no chain reaches, by building 未覆盖住户',
      querystring: o.unreachedQuerySchema,
      response: {
        200: z.object({ items: z.array(householdViewSchema), nextCursor: z.string().nullable() }),
        ...problemResponses(...AUTHED),
      },
    },
    handler: async (request) => listUnreached({ db, actor: requireActor(request), query: request.query }),
  });
}
