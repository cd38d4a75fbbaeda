import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { listMoves, moveResident, setResidentStatus } from './people.moves.service';
import { placeRoleRoutes } from './people.place-roles.routes';
import {
  createResident,
  getHousehold,
  getResidentDetail,
  searchResidents,
  updateResident,
} from './people.residents.service';
import * as s from './people.schemas';
import { revealResidentNumbers } from './people.unmask.service';

/** Residents, households, moves and the audited reading of full numbers; then roles on places. */
export async function peopleRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const cipher = app.cipher;
  const tags = ['people'];

  app.post('/api/v1/people/residents', {
    schema: {
      tags,
      summary: 'Register a resident in a household 登记居民',
      body: s.createResidentBodySchema,
      response: { 201: s.residentViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await createResident({ db, cipher, actor: requireActor(request), input: request.body })),
  });

  app.get('/api/v1/people/residents', {
    schema: {
      tags,
      summary: 'Residents within scope, filtered; numbers masked 居民列表',
      querystring: s.residentListQuerySchema,
      response: { 200: s.residentListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      searchResidents({ db, cipher, actor: requireActor(request), query: request.query }),
  });

  app.post('/api/v1/people/residents/search', {
    schema: {
      tags,
      summary:
        'Residents by exact ID number or phone (in the body, never the URL), plus the list filters 精确查找',
      body: s.residentSearchBodySchema,
      response: { 200: s.residentListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      searchResidents({ db, cipher, actor: requireActor(request), query: request.body }),
  });

  app.get('/api/v1/people/residents/:id', {
    schema: {
      tags,
      summary: 'One resident with household and roles; numbers masked 居民详情',
      params: s.idParamsSchema,
      response: { 200: s.residentDetailSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      getResidentDetail({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.patch('/api/v1/people/residents/:id', {
    schema: {
      tags,
      summary: 'Correct a resident’s details 修改居民信息',
      params: s.idParamsSchema,
      body: s.updateResidentBodySchema,
      response: { 200: s.residentViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      updateResident({
        db,
        cipher,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      }),
  });

  app.post('/api/v1/people/residents/:id/move', {
    schema: {
      tags,
      summary: 'Move a resident to another household on a date 迁移住户',
      params: s.idParamsSchema,
      body: s.moveResidentBodySchema,
      response: { 200: s.residentViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      moveResident({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.get('/api/v1/people/residents/:id/moves', {
    schema: {
      tags,
      summary: 'A resident’s move history 迁移记录',
      params: s.idParamsSchema,
      response: { 200: s.residentMovesSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listMoves({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.post('/api/v1/people/residents/:id/status', {
    schema: {
      tags,
      summary: 'Record that a resident moved out or died 迁出/死亡登记',
      params: s.idParamsSchema,
      body: s.residentStatusBodySchema,
      response: { 200: s.residentViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      setResidentStatus({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  // POST, not GET: reading full numbers is an audited act with a reason, CSRF-protected, and never cached.
  app.post('/api/v1/people/residents/:id/reveal', {
    schema: {
      tags,
      summary: 'Full ID number and phone, with a reason; audited (people.unmask) 查看完整号码',
      params: s.idParamsSchema,
      body: s.revealBodySchema,
      response: { 200: s.revealedNumbersSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request, reply) => {
      const result = await revealResidentNumbers({
        db,
        cipher,
        actor: requireActor(request),
        id: request.params.id,
        input: request.body,
      });
      return reply.header('cache-control', 'no-store').send(result);
    },
  });

  app.get('/api/v1/people/households/:code', {
    schema: {
      tags,
      summary: 'A household and its members, head first 家庭户',
      params: s.codeParamsSchema,
      response: { 200: s.householdViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) => getHousehold({ db, actor: requireActor(request), code: request.params.code }),
  });

  await placeRoleRoutes(app);
}
