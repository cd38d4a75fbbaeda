import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../modules/iam/index';
import {
  actorForUser,
  csrfTokenMatches,
  iamErrors,
  resolveApiToken,
  resolveSession,
  SESSION_COOKIE,
} from '../../modules/iam/index';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller once per request: a bearer API token, else the session cookie. A refused
 * credential is remembered and thrown only where a route needs a caller, so public pages still work.
 * Cookie-authenticated writes must carry the session's CSRF token in `x-csrf-token`.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('authError', null);

  app.addHook('onRequest', async (request, reply) => {
    const client = {
      ip: request.ip ?? null,
      requestId: request.id,
      userAgent: request.headers['user-agent'] ?? null,
    };
    const authorization = request.headers.authorization;
    try {
      if (authorization?.toLowerCase().startsWith('bearer ')) {
        request.actor = await resolveApiToken({
          db: app.db.kysely,
          secret: authorization.slice(7).trim(),
          client,
        });
        return;
      }
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const settings = {
        idleMinutes: app.config.sessionIdleMinutes,
        absoluteHours: app.config.sessionAbsoluteHours,
      };
      const { session, user } = await resolveSession({ db: app.db.kysely, settings, token });
      request.session = session;
      request.actor = await actorForUser({ db: app.db.kysely, user, client });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      request.authError = err;
      if (err.code === 'iam.session_expired') reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
  });

  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.session) return;
    if (request.routeOptions.config.csrf === false) return;
    const presented = request.headers['x-csrf-token'];
    if (!csrfTokenMatches(request.session, typeof presented === 'string' ? presented : undefined))
      throw iamErrors.csrfFailed();
  });
}

/** The caller, or the reason there is none (401). */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  throw request.authError ?? iamErrors.unauthenticated();
}
