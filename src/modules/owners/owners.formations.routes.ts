import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import * as s from './owners.formations.schemas';
import {
  abandonFormation,
  getFormation,
  listFormations,
  recordFormationStep,
  startFormation,
} from './owners.formations.service';
import { compoundParamsSchema, idParamsSchema, pageOf } from './owners.schemas';

/** Formation and re-election of committees, step by step (the operation guide). */
export async function ownersFormationRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['owners'];

  app.get('/api/v1/owners/formations', {
    schema: {
      tags,
      summary: 'Formations and re-elections of a place, newest first (the board) 业委会组建看板',
      querystring: s.formationListQuerySchema,
      response: { 200: pageOf(s.formationViewSchema), ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listFormations({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/owners/formations/:id', {
    schema: {
      tags,
      summary: 'One formation with its dated steps, approvers, documents and people 组建详情',
      params: idParamsSchema,
      response: { 200: s.formationViewSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getFormation({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.post('/api/v1/owners/compounds/:code/formations', {
    schema: {
      tags,
      summary: 'Start a formation (Shandong art. 20 trigger) or re-election (art. 33) 启动组建或换届',
      params: compoundParamsSchema,
      body: s.startFormationBodySchema,
      response: { 201: s.formationViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await startFormation({
          db,
          actor: requireActor(request),
          code: request.params.code,
          input: request.body,
        }),
      ),
  });

  app.post('/api/v1/owners/formations/:id/steps', {
    schema: {
      tags,
      summary: 'Record the next step: preparatory group, nomination, joint review, vote, filing 办理下一步',
      params: idParamsSchema,
      body: s.stepBodySchema,
      response: { 200: s.formationViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      recordFormationStep({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.post('/api/v1/owners/formations/:id/abandon', {
    schema: {
      tags,
      summary: 'Abandon a formation in progress, with the reason 终止组建',
      params: idParamsSchema,
      body: s.abandonBodySchema,
      response: { 200: s.formationViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      abandonFormation({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });
}
