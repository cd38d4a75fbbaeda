import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/database';
import type { FieldCipher } from '../lib/field-crypto';
import { areasImportRoutes, areasRoutes } from '../modules/areas/index';
import { demandsRoutes, open311Routes } from '../modules/demands/index';
import { DatabaseRateCounters, iamRoutes } from '../modules/iam/index';
import { notificationsRoutes } from '../modules/notifications/index';
import { ownersRoutes, ownersVotesRoutes } from '../modules/owners/index';
import { partyRoutes } from '../modules/party/index';
import { peopleLedgerRoutes, peopleRoutes } from '../modules/people/index';
import type { AppConfig } from './config';
import { registerAuth } from './plugins/auth';
import { registerErrorHandling } from './plugins/errors';
import { registerHealth } from './plugins/health';
import { registerOpenApi } from './plugins/openapi';
import { registerRateLimit } from './plugins/rate-limit';
import { registerWeb } from './plugins/web';
import './types';
import type { App } from './types';

/** Assembles the application: plugins in order, then every module's routes. No listening here. */
export async function buildApp(opts: {
  config: AppConfig;
  db: Db;
  cipher: FieldCipher;
  logger?: boolean | object;
}): Promise<App> {
  const { config, db, cipher } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('db', db);
  app.decorate('cipher', cipher);
  // Every route the app serves, for the scope tests that must cover each of them.
  const routeIndex: { method: string; url: string }[] = [];
  app.decorate('routeIndex', routeIndex);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeIndex.push({ method, url: route.url });
  });
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(cookie);
  registerAuth(app as unknown as FastifyInstance);
  // Before any route: the routes that opt in through `config.rateLimit` inherit its hooks.
  registerRateLimit(app as unknown as FastifyInstance, {
    limits: config.rateLimits,
    counters: new DatabaseRateCounters(db.kysely),
  });
  await registerOpenApi(app as unknown as FastifyInstance);

  // The error handler must be set before any route plugin is registered: children inherit it.
  const spaFallback = await registerWeb(app as unknown as FastifyInstance, config.webDistDir);
  registerErrorHandling(app as unknown as FastifyInstance, spaFallback);

  registerHealth(app);
  await app.register(async (scope) => iamRoutes(scope as unknown as App));
  await app.register(async (scope) => areasRoutes(scope as unknown as App));
  await app.register(async (scope) => partyRoutes(scope as unknown as App));
  await app.register(async (scope) => areasImportRoutes(scope as unknown as App));
  await app.register(async (scope) => peopleRoutes(scope as unknown as App));
  await app.register(async (scope) => peopleLedgerRoutes(scope as unknown as App));
  await app.register(async (scope) => ownersRoutes(scope as unknown as App));
  await app.register(async (scope) => ownersVotesRoutes(scope as unknown as App));
  await app.register(async (scope) => demandsRoutes(scope as unknown as App));
  await app.register(async (scope) => open311Routes(scope as unknown as App));
  await app.register(async (scope) => notificationsRoutes(scope as unknown as App));
  return app as unknown as App;
}
