import { sendXlsx, XLSX_TYPE } from '../../server/downloads';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { missingCommitteesSchema, reelectionsDueSchema, watchQuerySchema } from './owners.watch.schemas';
import {
  exportMissingCommittees,
  exportReelectionsDue,
  listMissingCommittees,
  listReelectionsDue,
} from './owners.watch.service';

/** The two watch lists of CAPABILITIES §1.5, as JSON and as Excel. */
export async function ownersWatchRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['owners'];

  app.get('/api/v1/owners/watch-lists/missing-committees', {
    schema: {
      tags,
      summary: 'Compounds meeting the first-meeting condition (art. 20) with no committee 应建未建',
      querystring: watchQuerySchema,
      response: { 200: missingCommitteesSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      listMissingCommittees({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/owners/watch-lists/missing-committees.xlsx', {
    schema: {
      tags,
      summary: 'The same list as Excel 导出应建未建',
      querystring: watchQuerySchema,
      produces: [XLSX_TYPE],
      response: problemResponses(...AUTHED),
    },
    handler: async (request, reply) =>
      sendXlsx(
        reply,
        await exportMissingCommittees({ db, actor: requireActor(request), query: request.query }),
      ),
  });

  app.get('/api/v1/owners/watch-lists/reelections', {
    schema: {
      tags,
      summary: 'Committees whose term ends within 90 days or has ended (art. 33) 待换届',
      querystring: watchQuerySchema,
      response: { 200: reelectionsDueSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      listReelectionsDue({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/owners/watch-lists/reelections.xlsx', {
    schema: {
      tags,
      summary: 'The same list as Excel 导出待换届',
      querystring: watchQuerySchema,
      produces: [XLSX_TYPE],
      response: problemResponses(...AUTHED),
    },
    handler: async (request, reply) =>
      sendXlsx(reply, await exportReelectionsDue({ db, actor: requireActor(request), query: request.query })),
  });
}
