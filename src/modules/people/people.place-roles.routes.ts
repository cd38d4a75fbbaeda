import { requireActor } from '../../server/plugins/auth';
import { rateLimitRules } from '../../server/plugins/rate-limit';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import {
  createPlaceRole,
  endPlaceRole,
  getPublicBuilding,
  listPlaceRoles,
} from './people.place-roles.service';
import * as s from './people.schemas';

/** Building heads, party-member central households, part-time grid workers; the public building notice. */
export async function placeRoleRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['people'];

  app.post('/api/v1/people/place-roles', {
    schema: {
      tags,
      summary: 'Give a resident a role on the place they live in 设立楼栋长/党员中心户/兼职网格员',
      body: s.createPlaceRoleBodySchema,
      response: { 201: s.placeRoleViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await createPlaceRole({ db, actor: requireActor(request), input: request.body })),
  });

  app.post('/api/v1/people/place-roles/:id/end', {
    schema: {
      tags,
      summary: 'End a role on a date 卸任',
      params: s.idParamsSchema,
      body: s.endPlaceRoleBodySchema,
      response: { 200: s.placeRoleViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      endPlaceRole({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.get('/api/v1/people/place-roles', {
    schema: {
      tags,
      summary: 'Roles on a place and the places below it 区域内的楼栋长等',
      querystring: s.placeRoleListQuerySchema,
      response: { 200: s.placeRoleListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listPlaceRoles({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/public/buildings/:code', {
    config: { rateLimit: rateLimitRules.publicRead },
    schema: {
      tags: ['public'],
      summary:
        'Public notice of a building: building head, central households, grid workers; no sign-in 楼栋公示',
      params: s.codeParamsSchema,
      response: { 200: s.publicBuildingSchema, ...problemResponses(400, 404, 429) },
    },
    handler: async (request) => getPublicBuilding({ db, code: request.params.code }),
  });
}
