import { z } from 'zod';
import { requireActor } from '../../server/plugins/auth';
import { rateLimitRules } from '../../server/plugins/rate-limit';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { createGrid, mergeGrids, moveArea, splitGrid, updateArea } from './areas.changes';
import * as s from './areas.schemas';
import {
  getAreaGeojson,
  getAreaHistory,
  getAreaNode,
  getAreaTree,
  getGridProfile,
  getPublicGrid,
  listAreaChildren,
  locatePoint,
  searchAreaNodes,
} from './areas.service';

const codeParams = z.strictObject({ code: s.areaCodeSchema });
const changeResult = z.object({
  changeId: z.string().nullable(),
  retired: z.array(z.string()).optional(),
  created: z.array(z.string()).optional(),
  movedCompounds: z.array(z.object({ compound: z.string(), to: z.string() })).optional(),
  code: z.string().optional(),
});

export async function areasRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['areas'];

  app.get('/api/v1/areas/tree', {
    schema: {
      tags,
      summary: 'Area tree from a root or from the caller’s scope 区域树',
      querystring: s.treeQuerySchema,
      response: { 200: z.object({ roots: z.array(s.areaTreeNodeSchema) }), ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getAreaTree({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/areas/nodes/:code', {
    schema: {
      tags,
      summary: 'One place by code, with ancestors and counts by level 区域详情',
      params: codeParams,
      response: { 200: s.areaNodeSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getAreaNode({ db, actor: requireActor(request), code: request.params.code }),
  });

  app.get('/api/v1/areas/nodes/:code/children', {
    schema: {
      tags,
      summary: 'Children of a place 下级区域',
      params: codeParams,
      querystring: s.childrenQuerySchema,
      response: {
        200: z.object({ items: z.array(s.areaSummarySchema), nextCursor: z.string().nullable() }),
        ...problemResponses(...AUTHED),
      },
    },
    handler: async (request) =>
      listAreaChildren({ db, actor: requireActor(request), code: request.params.code, query: request.query }),
  });

  app.get('/api/v1/areas/nodes/:code/history', {
    schema: {
      tags,
      summary: 'Versions of a place over time 历史版本',
      params: codeParams,
      response: { 200: z.object({ versions: z.array(s.areaVersionSchema) }), ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      getAreaHistory({ db, actor: requireActor(request), code: request.params.code }),
  });

  app.get('/api/v1/areas/search', {
    schema: {
      tags,
      summary: 'Search places by name or code 搜索区域',
      querystring: s.searchQuerySchema,
      response: {
        200: z.object({ items: z.array(s.areaSummarySchema.extend({ ancestorsText: z.string() })) }),
        ...problemResponses(...AUTHED),
      },
    },
    handler: async (request) => searchAreaNodes({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/areas/geojson', {
    schema: {
      tags,
      summary: 'Boundaries of one level below a parent, as GeoJSON (optionally as of a date) 边界',
      querystring: s.geojsonQuerySchema,
      response: { 200: s.featureCollectionSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getAreaGeojson({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/areas/locate', {
    schema: {
      tags,
      summary: 'Which district, street, community, grid and compound hold a point 坐标定位',
      querystring: s.locateQuerySchema,
      response: { 200: s.locateResultSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => locatePoint({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/areas/grids/:code/profile', {
    schema: {
      tags,
      summary: 'Grid profile: workers, supervision phone, compounds, households 网格档案',
      params: codeParams,
      response: { 200: s.gridProfileSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      getGridProfile({ db, actor: requireActor(request), code: request.params.code }),
  });

  app.get('/api/v1/public/grids/:code', {
    config: { rateLimit: rateLimitRules.publicRead },
    schema: {
      tags: ['public'],
      summary: 'Public notice of a grid (grid regulation art. 6), no sign-in 网格公示',
      params: codeParams,
      response: { 200: s.publicGridSchema, ...problemResponses(400, 404, 429) },
    },
    handler: async (request) => getPublicGrid({ db, code: request.params.code }),
  });

  app.post('/api/v1/areas/grids', {
    schema: {
      tags,
      summary: 'Draw a new grid in a community 新建网格',
      body: s.createGridBodySchema,
      response: { 201: changeResult, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createGrid({ db, actor: requireActor(request), input: request.body })),
  });

  app.post('/api/v1/areas/grids/:code/split', {
    schema: {
      tags,
      summary: 'Split a grid on a date 拆分网格',
      params: codeParams,
      body: s.splitGridBodySchema,
      response: { 200: changeResult, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      splitGrid({ db, actor: requireActor(request), code: request.params.code, input: request.body }),
  });

  app.post('/api/v1/areas/grids/merge', {
    schema: {
      tags,
      summary: 'Merge grids of one community on a date 合并网格',
      body: s.mergeGridsBodySchema,
      response: { 200: changeResult, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) => mergeGrids({ db, actor: requireActor(request), input: request.body }),
  });

  app.patch('/api/v1/areas/nodes/:code', {
    schema: {
      tags,
      summary: 'Rename or redraw a place, or set a grid’s supervision phone 修改区域',
      params: codeParams,
      body: s.updateAreaBodySchema,
      response: { 200: changeResult, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      updateArea({ db, actor: requireActor(request), code: request.params.code, input: request.body }),
  });

  app.post('/api/v1/areas/nodes/:code/move', {
    schema: {
      tags,
      summary: 'Move a place under another parent 调整隶属',
      params: codeParams,
      body: s.moveAreaBodySchema,
      response: { 200: changeResult, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      moveArea({ db, actor: requireActor(request), code: request.params.code, input: request.body }),
  });
}
