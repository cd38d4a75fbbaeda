import { z } from 'zod';
import { attachmentHeader, XLSX_TYPE } from '../../server/downloads';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { getTreeTemplate, importBoundaries, importTree } from './areas.import';
import { TREE_LEVELS } from './areas.import-rules';
import { isoDateSchema } from './areas.schemas';

/** Imports carry whole districts: 20 MB, against the app's smaller default body limit. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

const message = z.object({ zh: z.string(), en: z.string() });
const problemFields = {
  field: z.string(),
  in: z.enum(['body', 'query', 'params', 'headers']),
  reason: z.string(),
  message,
};

export const boundaryImportBodySchema = z.strictObject({
  effectiveDate: isoDateSchema,
  note: z.string().max(500).optional(),
  // Only the envelope here: each feature is checked by the import, so that every problem is listed.
  collection: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.unknown()).min(1).max(5000),
  }),
});

export const boundaryImportResultSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  total: z.number(),
  valid: z.number(),
  problems: z.array(z.object({ index: z.number(), code: z.string().nullable(), ...problemFields })),
  changes: z.array(z.object({ code: z.string(), name: z.string(), action: z.literal('redraw') })),
  changeId: z.string().nullable(),
});

export const treeImportResultSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  total: z.number(),
  valid: z.number(),
  problems: z.array(z.object({ row: z.number(), ...problemFields })),
  byLevel: z.object(
    Object.fromEntries(Object.keys(TREE_LEVELS).map((l) => [l, z.number()])) as Record<
      keyof typeof TREE_LEVELS,
      z.ZodNumber
    >,
  ),
  changeId: z.string().nullable(),
});

// A dry run reports and writes nothing; without it the import is written when every row passes.
const importQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });

export async function areasImportRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['areas'];
  // Only this plugin reads spreadsheets: the parser is registered in its scope, not the app's.
  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.post('/api/v1/areas/imports/boundaries', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Redraw places from a GeoJSON FeatureCollection, all or nothing 边界导入',
      querystring: importQuery,
      body: boundaryImportBodySchema,
      response: { 200: boundaryImportResultSchema, ...problemResponses(...AUTHED, 409, 413) },
    },
    handler: async (request) =>
      importBoundaries({
        db,
        actor: requireActor(request),
        input: request.body,
        dryRun: request.query.dryRun === 'true',
      }),
  });

  app.get('/api/v1/areas/imports/tree-template.xlsx', {
    schema: {
      tags,
      summary: 'The Excel template for importing the area tree 区域导入模板',
      produces: [XLSX_TYPE],
      response: { 200: z.any().describe('the .xlsx workbook'), ...problemResponses(401, 403) },
    },
    handler: async (request, reply) => {
      const file = await getTreeTemplate({ actor: requireActor(request) });
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachmentHeader(file.filename, 'area-import-template.xlsx'))
        .send(file.body);
    },
  });

  app.post('/api/v1/areas/imports/tree', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      summary:
        'Create communities … households from a filled template (.xlsx as the body), all or nothing 区域导入',
      consumes: [XLSX_TYPE],
      querystring: importQuery,
      response: { 200: treeImportResultSchema, ...problemResponses(...AUTHED, 409, 413, 415) },
    },
    handler: async (request) =>
      importTree({
        db,
        actor: requireActor(request),
        file: Buffer.isBuffer(request.body) ? request.body : undefined,
        dryRun: request.query.dryRun === 'true',
      }),
  });
}
