import { streamXlsx } from '../../server/downloads';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { prepareDemandExport, XLSX_TYPE } from './demands.export';
import { revealBodySchema, revealedReporterSchema } from './demands.handling.schemas';
import { getDemandDetail, listDemands, revealReporter, takeAction } from './demands.handling.service';
import { responsibleOptions } from './demands.routing.service';
import {
  demandActionBodySchema,
  demandDetailSchema,
  demandListQuerySchema,
  demandListSchema,
  idParamsSchema,
  responsibleOptionsSchema,
} from './demands.schemas';
import {
  listWhistles,
  whistleListQuerySchema,
  whistleListSchema,
  whistleSummary,
  whistleSummaryQuerySchema,
  whistleSummarySchema,
} from './demands.whistles';

/** Handling: the inbox and its export, a demand's detail, its steps, routing options, whistles. */
export async function demandsHandlingRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const cipher = app.cipher;
  const tags = ['demands'];

  app.get('/api/v1/demands', {
    schema: {
      tags,
      summary: 'The inbox: demands in scope (or a resident’s own with mine=true), filtered 诉求列表',
      querystring: demandListQuerySchema,
      response: { 200: demandListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listDemands({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/demands.xlsx', {
    schema: {
      tags,
      summary: 'The inbox with its filters as Excel, reporters masked 导出诉求清单',
      querystring: demandListQuerySchema,
      produces: [XLSX_TYPE],
      response: problemResponses(...AUTHED),
    },
    handler: async (request, reply) =>
      streamXlsx(
        reply,
        await prepareDemandExport({ db, actor: requireActor(request), query: request.query }),
      ),
  });

  app.get('/api/v1/demands/whistles', {
    schema: {
      tags,
      summary: 'Whistles in scope, for the units reporting in (waiting=true: not yet reported) 吹哨报到',
      querystring: whistleListQuerySchema,
      response: { 200: whistleListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listWhistles({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/demands/whistles/summary', {
    schema: {
      tags,
      summary: 'On-time and late report-ins per unit and per street (Beijing art. 33) 吹哨报到双考核',
      querystring: whistleSummaryQuerySchema,
      response: { 200: whistleSummarySchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => whistleSummary({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/demands/:id', {
    schema: {
      tags,
      summary: 'A demand with its timeline, whistles and the steps open to the caller 诉求详情',
      params: idParamsSchema,
      response: { 200: demandDetailSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      getDemandDetail({ db, cipher, actor: requireActor(request), id: request.params.id }),
  });

  app.get('/api/v1/demands/:id/responsible-options', {
    schema: {
      tags,
      summary: 'Who the demand can be dispatched to at its place, the catalogue’s default first 派遣对象',
      params: idParamsSchema,
      response: { 200: responsibleOptionsSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      responsibleOptions({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.post('/api/v1/demands/:id/actions', {
    schema: {
      tags,
      summary: 'Take a handling step (register, dispatch, reply, verify, close, rate, whistle…) 办理',
      params: idParamsSchema,
      body: demandActionBodySchema,
      response: { 200: demandDetailSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      takeAction({ db, cipher, actor: requireActor(request), id: request.params.id, body: request.body }),
  });

  app.post('/api/v1/demands/:id/reporter/reveal', {
    schema: {
      tags,
      summary: 'The reporter’s name and full phone for the handler who must call back; audited 查看诉求人',
      params: idParamsSchema,
      body: revealBodySchema,
      response: { 200: revealedReporterSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      revealReporter({
        db,
        cipher,
        actor: requireActor(request),
        id: request.params.id,
        reason: request.body.reason,
      }),
  });
}
