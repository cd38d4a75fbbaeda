import { sendXlsx, XLSX_TYPE } from '../../server/downloads';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { exportRanking, getRanking } from './demands.ranking.service';
import * as s from './demands.rates.schemas';
import { getRates, getTrend, listFigureDemands } from './demands.rates.service';

/** The three rates (三率), the demands behind each figure, the monthly ranking and the trend. */
export async function demandsRatesRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['demands'];

  app.get('/api/v1/demands/rates', {
    schema: {
      tags,
      summary:
        'Response, resolution and satisfaction rates of a place and period, with rows by child place, company or handler 三率统计',
      querystring: s.ratesQuerySchema,
      response: { 200: s.ratesSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getRates({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/demands/rates/demands', {
    schema: {
      tags,
      summary: 'The demands counted in one figure of the rates 三率明细',
      querystring: s.rateDemandsQuerySchema,
      response: { 200: s.rateDemandsSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listFigureDemands({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/demands/rates/ranking', {
    schema: {
      tags,
      summary:
        'Monthly ranking of communities, streets, grids or property companies by the composite 月度排名',
      querystring: s.rankingQuerySchema,
      response: { 200: s.rankingSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getRanking({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/demands/rates/ranking.xlsx', {
    schema: {
      tags,
      summary: 'The monthly ranking as Excel 导出月度排名',
      querystring: s.rankingQuerySchema,
      produces: [XLSX_TYPE],
      response: problemResponses(...AUTHED),
    },
    handler: async (request, reply) =>
      sendXlsx(reply, await exportRanking({ db, actor: requireActor(request), query: request.query })),
  });

  app.get('/api/v1/demands/rates/trend', {
    schema: {
      tags,
      summary: 'The rates of a place month by month 三率月度趋势',
      querystring: s.trendQuerySchema,
      response: { 200: s.trendSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getTrend({ db, actor: requireActor(request), query: request.query }),
  });
}
