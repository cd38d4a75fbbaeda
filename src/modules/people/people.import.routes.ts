import type { FastifyReply } from 'fastify';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { attachmentHeader } from './people.export.workbook';
import { getLedgerTemplate, importLedger } from './people.import.service';
import { XLSX_TYPE } from './people.import.template';
import {
  ledgerImportQuerySchema,
  ledgerImportResultSchema,
  ledgerKindParamsSchema,
} from './people.ledger.schemas';

/** A small workbook built in memory (a template), as a download. */
function sendWorkbook(reply: FastifyReply, file: { filename: string; fallback: string; body: Buffer }) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', attachmentHeader(file.filename, file.fallback))
    .send(file.body);
}

/** A 100,000-row ledger is ~5–15 MB as .xlsx; 50 MB leaves room for formatting, against the app's 1 MB. */
export const LEDGER_BODY_LIMIT = 50 * 1024 * 1024;

/** Excel ledgers in: templates and imports of residents, party members and talents. */
export async function ledgerImportRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['people'];
  // Only this plugin reads spreadsheets: the parser is registered in its scope, not the app's.
  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: LEDGER_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.get('/api/v1/people/imports/:kind/template.xlsx', {
    schema: {
      tags,
      summary: 'The Excel template of a ledger: headers, dropdowns, an example row, instructions 台账模板',
      params: ledgerKindParamsSchema,
      produces: [XLSX_TYPE],
      response: problemResponses(...AUTHED),
    },
    handler: async (request, reply) => {
      const file = await getLedgerTemplate({ actor: requireActor(request), kind: request.params.kind });
      return sendWorkbook(reply, file);
    },
  });

  app.post('/api/v1/people/imports/:kind', {
    bodyLimit: LEDGER_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Import a filled ledger (.xlsx as the body): every problem listed; all rows or none 台账导入',
      consumes: [XLSX_TYPE],
      params: ledgerKindParamsSchema,
      querystring: ledgerImportQuerySchema,
      response: { 200: ledgerImportResultSchema, ...problemResponses(...AUTHED, 413, 415) },
    },
    handler: async (request) =>
      importLedger({
        db,
        cipher: app.cipher,
        actor: requireActor(request),
        kind: request.params.kind,
        file: Buffer.isBuffer(request.body) ? request.body : undefined,
        dryRun: request.query.dryRun === 'true',
        areaCode: request.query.areaCode,
      }),
  });
}
