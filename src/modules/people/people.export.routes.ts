import { streamXlsx, XLSX_TYPE } from '../../server/downloads';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { prepareResidentExport, prepareTalentExport } from './people.export.service';
import { residentExportQuerySchema, talentExportQuerySchema } from './people.ledger.schemas';

/** Excel ledgers out: any filtered list as .xlsx, masked unless unmasking is allowed and asked for. */
export async function ledgerExportRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['people'];

  app.get('/api/v1/people/exports/residents.xlsx', {
    schema: {
      tags,
      summary: 'The resident list, filtered as the list, as Excel (numbers masked unless unmask) 导出居民',
      querystring: residentExportQuerySchema,
      produces: [XLSX_TYPE],
      response: problemResponses(...AUTHED),
    },
    handler: async (request, reply) =>
      streamXlsx(
        reply,
        await prepareResidentExport({
          db,
          cipher: app.cipher,
          actor: requireActor(request),
          query: request.query,
        }),
      ),
  });

  app.get('/api/v1/people/exports/talents.xlsx', {
    schema: {
      tags,
      summary: 'The talent ledger, filtered as the list, as Excel (numbers masked unless unmask) 导出人才',
      querystring: talentExportQuerySchema,
      produces: [XLSX_TYPE],
      response: problemResponses(...AUTHED),
    },
    handler: async (request, reply) =>
      streamXlsx(
        reply,
        await prepareTalentExport({
          db,
          cipher: app.cipher,
          actor: requireActor(request),
          query: request.query,
        }),
      ),
  });
}
