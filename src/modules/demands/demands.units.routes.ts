import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { idParamsSchema } from './demands.schemas';
import {
  createUnitBodySchema,
  patchUnitBodySchema,
  unitListQuerySchema,
  unitListSchema,
  unitPlacesBodySchema,
  unitViewSchema,
} from './demands.units.schemas';
import { createUnit, listUnits, patchUnit, setUnitPlaces } from './demands.units.service';

/** Handling units: property companies, departments, co-building units, and the compounds they serve. */
export async function demandsUnitsRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['demands'];

  app.get('/api/v1/demands/units', {
    schema: {
      tags,
      summary: 'Handling units of the caller’s area and those above it 承办单位',
      querystring: unitListQuerySchema,
      response: { 200: unitListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listUnits({ db, actor: requireActor(request), query: request.query }),
  });

  app.post('/api/v1/demands/units', {
    schema: {
      tags,
      summary: 'Add a handling unit in an area the caller manages 新增承办单位',
      body: createUnitBodySchema,
      response: { 201: unitViewSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createUnit({ db, actor: requireActor(request), body: request.body })),
  });

  app.patch('/api/v1/demands/units/:id', {
    schema: {
      tags,
      summary: 'Rename a unit, change its phone, switch it off 修改承办单位',
      params: idParamsSchema,
      body: patchUnitBodySchema,
      response: { 200: unitViewSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      patchUnit({ db, actor: requireActor(request), id: request.params.id, body: request.body }),
  });

  app.put('/api/v1/demands/units/:id/places', {
    schema: {
      tags,
      summary: 'The compounds a unit serves, all at once 设置服务小区',
      params: idParamsSchema,
      body: unitPlacesBodySchema,
      response: { 200: unitViewSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      setUnitPlaces({ db, actor: requireActor(request), id: request.params.id, body: request.body }),
  });
}
