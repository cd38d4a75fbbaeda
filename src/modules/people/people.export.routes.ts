import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { type PreparedExport, prepareResidentExport, prepareTalentExport } from './people.export.service';
import { attachmentHeader } from './people.export.workbook';
import { XLSX_TYPE } from './people.import.template';
import { residentExportQuerySchema, talentExportQuerySchema } from './people.ledger.schemas';

/** Sends a prepared export as it is written; a failure midway aborts the download rather than truncating it. */
function sendExport(reply: FastifyReply, prepared: PreparedExport) {
  const out = new PassThrough();
  prepared.write(out).catch((err) => {
    reply.log.error({ err }, 'export failed while streaming');
    out.destroy(err);
  });
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', attachmentHeader(prepared.filename, prepared.fallback))
    .header('x-export-rows', String(prepared.rows))
    .send(out);
}

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
      sendExport(
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
      sendExport(
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
