import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { demandsCalendarRoutes } from './demands.calendar.routes';
import {
  categoryCodeParamsSchema,
  categoryDetailSchema,
  categoryListQuerySchema,
  categoryListSchema,
  createCategoryBodySchema,
  patchCategoryBodySchema,
  versionTermsSchema,
} from './demands.catalogue.schemas';
import {
  addCategoryVersion,
  createCategory,
  getCategory,
  listCategories,
  patchCategory,
} from './demands.catalogue.service';
import { demandsConfigRoutes } from './demands.config.routes';
import { demandsUnitsRoutes } from './demands.units.routes';

/** The catalogue, and with it the other city-wide data of demands: calendar, settings, units. */
export async function demandsCatalogueRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['demands'];

  app.get('/api/v1/demands/categories', {
    schema: {
      tags,
      summary: 'The demand catalogue with current limits 诉求分类目录',
      querystring: categoryListQuerySchema,
      response: { 200: categoryListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      listCategories({ db, actor: requireActor(request), all: request.query.all === 'true' }),
  });

  app.get('/api/v1/demands/categories/:code', {
    schema: {
      tags,
      summary: 'One category with its version history 诉求类别及历次版本',
      params: categoryCodeParamsSchema,
      response: { 200: categoryDetailSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getCategory({ db, actor: requireActor(request), code: request.params.code }),
  });

  app.post('/api/v1/demands/categories', {
    schema: {
      tags,
      summary: 'Add a category or sub-category, version 1 (city admins) 新增诉求类别',
      body: createCategoryBodySchema,
      response: { 201: categoryDetailSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createCategory({ db, actor: requireActor(request), body: request.body })),
  });

  app.patch('/api/v1/demands/categories/:code', {
    schema: {
      tags,
      summary: 'Rename, reorder or switch off a category; no new version 修改类别名称与启用',
      params: categoryCodeParamsSchema,
      body: patchCategoryBodySchema,
      response: { 200: categoryDetailSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      patchCategory({ db, actor: requireActor(request), code: request.params.code, body: request.body }),
  });

  app.post('/api/v1/demands/categories/:code/versions', {
    schema: {
      tags,
      summary: 'New limits, routing or attributes: version + 1 from now 调整时限（新版本）',
      params: categoryCodeParamsSchema,
      body: versionTermsSchema,
      response: { 201: categoryDetailSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await addCategoryVersion({
          db,
          actor: requireActor(request),
          code: request.params.code,
          body: request.body,
        }),
      ),
  });

  await demandsCalendarRoutes(app);
  await demandsConfigRoutes(app);
  await demandsUnitsRoutes(app);
}
