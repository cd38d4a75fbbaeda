import { z } from 'zod';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { findDuplicates, followDemand } from './demands.duplicates';
import { demandsFilesRoutes } from './demands.files.routes';
import { IDEMPOTENCY_KEY_PATTERN } from './demands.idempotency';
import { fileDemandOnce } from './demands.intake.service';
import { demandsPlacesRoutes } from './demands.places.routes';
import {
  createDemandBodySchema,
  demandStatusSchema,
  duplicateCandidateSchema,
  duplicatesQuerySchema,
  idParamsSchema,
} from './demands.schemas';

const filedDemandSchema = z.object({ id: z.string(), number: z.string(), status: demandStatusSchema });
const followAnswerSchema = filedDemandSchema.extend({ following: z.boolean() });
// Loose: the other headers (cookie, CSRF token) must pass through untouched.
const intakeHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN, '1–200 visible ASCII characters')
    .optional()
    .describe('Fresh per submission, the same on its retries: a retry never files twice (24 h)'),
});

/** Intake: filing a demand, possible duplicates, following one, and the photos. */
export async function demandsIntakeRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['demands'];

  app.post('/api/v1/demands', {
    schema: {
      tags,
      summary: 'File a demand from the mobile page, patrol or the hotline 受理诉求',
      headers: intakeHeadersSchema,
      body: createDemandBodySchema,
      response: { 201: filedDemandSchema, ...problemResponses(...AUTHED, 409, 422) },
    },
    handler: async (request, reply) => {
      const answer = await fileDemandOnce({
        db,
        cipher: app.cipher,
        actor: requireActor(request),
        body: request.body,
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply
        .code(answer.status as 201)
        .header('location', `/api/v1/demands/${encodeURIComponent(answer.body.id)}`)
        .send(answer.body);
    },
  });

  app.get('/api/v1/demands/duplicates', {
    schema: {
      tags,
      summary: 'Open demands of the same category nearby, before filing 疑似重复诉求',
      querystring: duplicatesQuerySchema,
      response: {
        200: z.object({ items: z.array(duplicateCandidateSchema) }),
        ...problemResponses(...AUTHED),
      },
    },
    handler: async (request) => findDuplicates({ db, actor: requireActor(request), query: request.query }),
  });

  app.post('/api/v1/demands/:id/follow', {
    schema: {
      tags,
      summary: 'Follow an open demand instead of filing the same matter again 关注同一诉求',
      params: idParamsSchema,
      response: { 200: followAnswerSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) => followDemand({ db, actor: requireActor(request), id: request.params.id }),
  });

  await app.register(async (scope) => demandsFilesRoutes(scope as unknown as App));
  await app.register(async (scope) => demandsPlacesRoutes(scope as unknown as App));
}
