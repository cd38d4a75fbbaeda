import { z } from 'zod';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { idParamsSchema } from './people.schemas';
import * as s from './people.talents.schemas';
import {
  createTalent,
  deleteTalent,
  getTalent,
  listTalents,
  talentStats,
  updateTalent,
} from './people.talents.service';

/** 人才台账: the talent ledger's list, counts and records. */
export async function talentsRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['people'];

  app.get('/api/v1/people/talents', {
    schema: {
      tags,
      summary: 'Talent ledger within scope, by place, category, skill, willingness 人才台账',
      querystring: s.talentListQuerySchema,
      response: { 200: s.talentListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listTalents({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/people/talents/stats', {
    schema: {
      tags,
      summary: 'Talents counted below a place, per child place, category and skill 人才统计',
      querystring: s.talentStatsQuerySchema,
      response: { 200: s.talentStatsSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => talentStats({ db, actor: requireActor(request), area: request.query.area }),
  });

  app.get('/api/v1/people/talents/:id', {
    schema: {
      tags,
      summary: 'One talent 人才详情',
      params: idParamsSchema,
      response: { 200: s.talentViewSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getTalent({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.post('/api/v1/people/talents', {
    schema: {
      tags,
      summary: 'Add a resident to the talent ledger (by residentId or ID number) 登记人才',
      body: s.createTalentBodySchema,
      response: { 201: s.talentViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await createTalent({ db, cipher: app.cipher, actor: requireActor(request), input: request.body }),
        ),
  });

  app.patch('/api/v1/people/talents/:id', {
    schema: {
      tags,
      summary: 'Change a talent’s categories, skills, willingness, availability or note 修改人才',
      params: idParamsSchema,
      body: s.updateTalentBodySchema,
      response: { 200: s.talentViewSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      updateTalent({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.delete('/api/v1/people/talents/:id', {
    schema: {
      tags,
      summary: 'Take a resident off the talent ledger 移出人才台账',
      params: idParamsSchema,
      response: { 204: z.null(), ...problemResponses(...AUTHED) },
    },
    handler: async (request, reply) => {
      await deleteTalent({ db, actor: requireActor(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });
}
