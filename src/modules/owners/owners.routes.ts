import { requireActor } from '../../server/plugins/auth';
import { rateLimitRules } from '../../server/plugins/rate-limit';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import {
  getCommitteeStats,
  getCompoundDetail,
  listCompounds,
  recordFiling,
  registerCommittee,
} from './owners.committees.service';
import {
  disclosureBodySchema,
  disclosureListSchema,
  publicCompoundSchema,
} from './owners.disclosures.schemas';
import { getPublicCompound, listDisclosures, publishDisclosure } from './owners.disclosures.service';
import { ownersFormationRoutes } from './owners.formations.routes';
import { ownersRegisterRoutes } from './owners.register.routes';
import * as s from './owners.schemas';
import { ownersWatchRoutes } from './owners.watch.routes';

/** The owners module's routes: committees and disclosures here; register, formations, watch lists beside. */
export async function ownersRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['owners'];

  app.get('/api/v1/owners/compounds', {
    schema: {
      tags,
      summary: 'Compounds with their committee state: none, preparatory, formed, term ended 小区业委会状态',
      querystring: s.compoundListQuerySchema,
      response: { 200: s.pageOf(s.compoundSummarySchema), ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listCompounds({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/owners/stats', {
    schema: {
      tags,
      summary: 'Formation rate and party members on committees of a place, from records 业委会组建率',
      querystring: s.areaQuerySchema,
      response: { 200: s.committeeStatsSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getCommitteeStats({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/owners/compounds/:code', {
    schema: {
      tags,
      summary:
        'A compound’s committee: members, term, filing, party share; past terms; formations 业委会详情',
      params: s.compoundParamsSchema,
      response: { 200: s.compoundDetailSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      getCompoundDetail({ db, actor: requireActor(request), code: request.params.code }),
  });

  app.post('/api/v1/owners/compounds/:code/committees', {
    schema: {
      tags,
      summary: 'Record a committee elected before the platform, from its papers 登记已有业委会',
      params: s.compoundParamsSchema,
      body: s.registerCommitteeBodySchema,
      response: { 201: s.compoundDetailSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await registerCommittee({
          db,
          actor: requireActor(request),
          code: request.params.code,
          input: request.body,
        }),
      ),
  });

  app.post('/api/v1/owners/committees/:id/filing', {
    schema: {
      tags,
      summary: 'Record the filing of a committee (Shandong art. 31) 登记备案',
      params: s.idParamsSchema,
      body: s.filingBodySchema,
      response: { 200: s.compoundDetailSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      recordFiling({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.get('/api/v1/owners/compounds/:code/disclosures', {
    schema: {
      tags,
      summary: 'What the committee has published, and whether recurring reports are overdue 信息公开',
      params: s.compoundParamsSchema,
      response: { 200: disclosureListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      listDisclosures({ db, actor: requireActor(request), code: request.params.code }),
  });

  app.post('/api/v1/owners/compounds/:code/disclosures', {
    schema: {
      tags,
      summary: 'Publish a decision, meeting result, accounts, fund use or work report 发布公开信息',
      params: s.compoundParamsSchema,
      body: disclosureBodySchema,
      response: { 201: disclosureListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(
        await publishDisclosure({
          db,
          actor: requireActor(request),
          code: request.params.code,
          input: request.body,
        }),
      ),
  });

  app.get('/api/v1/public/compounds/:code', {
    config: { rateLimit: rateLimitRules.publicRead },
    schema: {
      tags: ['public'],
      summary: 'Public page of a compound: committee, term, filing, decisions, reports; no sign-in 小区公示',
      params: s.compoundParamsSchema,
      response: { 200: publicCompoundSchema, ...problemResponses(400, 404, 429) },
    },
    handler: async (request) => getPublicCompound({ db, code: request.params.code }),
  });

  await ownersRegisterRoutes(app);
  await ownersFormationRoutes(app);
  await ownersWatchRoutes(app);
}
