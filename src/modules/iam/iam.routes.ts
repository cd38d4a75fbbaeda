import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { listAuditEntries, verifyAuditChain } from './iam.audit';
import { actorForUser, changeOwnPassword, login, logout, SESSION_COOKIE } from './iam.auth.service';
import { iamErrors } from './iam.errors';
import * as repo from './iam.repository';
import { ROLE_DEFINITIONS, ROLES } from './iam.roles';
import * as s from './iam.schemas';
import { createApiToken, listApiTokens, revokeApiToken } from './iam.tokens.service';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './iam.users.service';
import { toAuditEntryView, toMeView } from './iam.views';

export async function iamRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const settings = {
    idleMinutes: app.config.sessionIdleMinutes,
    absoluteHours: app.config.sessionAbsoluteHours,
  };
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: app.config.secureCookies,
      maxAge: settings.absoluteHours * 3600,
    });

  app.post('/api/v1/auth/login', {
    config: { csrf: false },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with username and password 登录',
      body: s.loginBodySchema,
      response: { 200: s.meSchema, ...problemResponses(400, 401, 403, 423, 429) },
    },
    handler: async (request, reply) => {
      const client = {
        ip: request.ip,
        requestId: request.id,
        userAgent: request.headers['user-agent'] ?? null,
      };
      const { token, session, user } = await login({ db, settings, input: request.body, client });
      setSessionCookie(reply, token);
      const actor = await actorForUser({ db, user, client });
      return toMeView({ user, actor, csrfToken: session.csrfToken });
    },
  });

  app.get('/api/v1/auth/me', {
    schema: {
      tags: ['auth'],
      summary: 'The signed-in user, roles and CSRF token 当前用户',
      response: { 200: s.meSchema, ...problemResponses(401) },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const user = await repo.findUserById(db, actor.id);
      // API tokens have no user record: they call the API, not the console.
      if (!user || !request.session) throw iamErrors.forbidden('console');
      return toMeView({ user, actor, csrfToken: request.session.csrfToken });
    },
  });

  app.post('/api/v1/auth/logout', {
    schema: {
      tags: ['auth'],
      summary: 'Sign out 退出登录',
      response: { 204: z.null(), ...problemResponses(401, 403) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      if (request.session) await logout({ db, actor, sessionId: request.session.id });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/auth/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change one’s own password 修改密码',
      body: s.changePasswordBodySchema,
      response: { 204: z.null(), ...problemResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      await changeOwnPassword({ db, actor, sessionId: request.session?.id ?? null, input: request.body });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/iam/roles', {
    schema: {
      tags: ['iam'],
      summary: 'Role catalogue with permissions 角色目录',
      response: {
        200: z.array(
          z.object({
            role: z.string(),
            name: z.object({ zh: z.string(), en: z.string() }),
            permissions: z.array(z.string()),
          }),
        ),
        ...problemResponses(401),
      },
    },
    handler: async (request) => {
      requireActor(request);
      return ROLES.map((role) => ({
        role,
        name: ROLE_DEFINITIONS[role].name,
        permissions: [...ROLE_DEFINITIONS[role].permissions],
      }));
    },
  });

  app.get('/api/v1/iam/users', {
    schema: {
      tags: ['iam'],
      summary: 'Users within the caller’s scope 用户列表',
      querystring: s.userListQuerySchema,
      response: { 200: s.userListSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listUsers({ db, actor: requireActor(request), query: request.query }),
  });

  app.post('/api/v1/iam/users', {
    schema: {
      tags: ['iam'],
      summary: 'Create a user 新建用户',
      body: s.createUserBodySchema,
      response: { 201: s.userViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createUser({ db, actor: requireActor(request), input: request.body })),
  });

  app.get('/api/v1/iam/users/:id', {
    schema: {
      tags: ['iam'],
      summary: 'One user 用户详情',
      params: s.idParamsSchema,
      response: { 200: s.userViewSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => getUser({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.patch('/api/v1/iam/users/:id', {
    schema: {
      tags: ['iam'],
      summary: 'Change a user’s name, status or roles 修改用户',
      params: s.idParamsSchema,
      body: s.updateUserBodySchema,
      response: { 200: s.userViewSchema, ...problemResponses(...AUTHED, 409) },
    },
    handler: async (request) =>
      updateUser({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.post('/api/v1/iam/users/:id/reset-password', {
    schema: {
      tags: ['iam'],
      summary: 'Administrator’s password reset 重置密码',
      params: s.idParamsSchema,
      body: s.resetPasswordBodySchema,
      response: { 200: z.object({ temporaryPassword: z.string() }), ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      resetPassword({ db, actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  app.get('/api/v1/iam/tokens', {
    schema: {
      tags: ['iam'],
      summary: 'API tokens within scope API 令牌',
      response: { 200: z.array(s.apiTokenViewSchema), ...problemResponses(...AUTHED) },
    },
    handler: async (request) => listApiTokens({ db, actor: requireActor(request) }),
  });

  app.post('/api/v1/iam/tokens', {
    schema: {
      tags: ['iam'],
      summary: 'Issue an API token for an outside system (secret shown once) 签发令牌',
      body: s.createApiTokenBodySchema,
      response: {
        201: z.object({ token: s.apiTokenViewSchema, secret: z.string() }),
        ...problemResponses(...AUTHED),
      },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createApiToken({ db, actor: requireActor(request), input: request.body })),
  });

  app.post('/api/v1/iam/tokens/:id/revoke', {
    schema: {
      tags: ['iam'],
      summary: 'Revoke an API token 吊销令牌',
      params: s.idParamsSchema,
      response: { 200: s.apiTokenViewSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => revokeApiToken({ db, actor: requireActor(request), id: request.params.id }),
  });

  app.get('/api/v1/iam/audit', {
    schema: {
      tags: ['iam'],
      summary: 'Audit log entries within scope, newest first 审计日志',
      querystring: s.auditQuerySchema,
      response: { 200: z.array(s.auditEntrySchema), ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      (await listAuditEntries({ db, actor: requireActor(request), filter: request.query })).map(
        toAuditEntryView,
      ),
  });

  app.get('/api/v1/iam/audit/verify', {
    schema: {
      tags: ['iam'],
      summary: 'Verify the audit hash chain (auditors) 校验审计链',
      response: { 200: s.auditVerificationSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      // Verifying the whole chain is the auditor's task; it reads every entry, whatever its scope.
      if (!actor.assignments.some((a) => a.role === 'auditor')) throw iamErrors.forbidden('audit.verify');
      const result = await verifyAuditChain(db);
      return {
        ok: result.ok,
        entries: result.entries,
        ...(result.firstBroken
          ? {
              firstBroken: {
                seq: result.firstBroken.seq,
                reason: result.firstBroken.reason,
                action: result.firstBroken.row?.action ?? null,
                at: result.firstBroken.row?.at ?? null,
              },
            }
          : {}),
      };
    },
  });
}
