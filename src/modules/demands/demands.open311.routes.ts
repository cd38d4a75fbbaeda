import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../server/errors';
import { byAddress, type RateLimitRule, rateLimitRules } from '../../server/plugins/rate-limit';
import type { App } from '../../server/types';
import { Open311Error, open311Errors } from './demands.open311.errors';
import { parseFormBody, readPostInput } from './demands.open311.input';
import {
  formatParamsSchema,
  jurisdictionQuerySchema,
  OPEN311_FORMATS,
  type Open311ErrorBody,
  type Open311Format,
  open311DiscoverySchema,
  open311ErrorsSchema,
  open311PostResultSchema,
  open311RequestSchema,
  open311ServiceDefinitionSchema,
  open311ServiceSchema,
  open311TokenResultSchema,
  postBodySchema,
  postQuerySchema,
  requestParamsSchema,
  requestsQuerySchema,
  serviceParamsSchema,
  tokenParamsSchema,
} from './demands.open311.schemas';
import {
  checkJurisdiction,
  createRequest,
  discovery,
  getRequest,
  listRequests,
  listServices,
  lookupToken,
  serviceDefinition,
} from './demands.open311.service';
import { toOpen311Xml } from './demands.open311.xml';

// Open311 GeoReport v2 under /open311/v2 (GeoReport_v2_index.md). Every resource ends in .xml or
// .json (Fastify's router splits `services.:format` at the last dot, so service codes with dots
// such as `property.repair` work); any other format, and any unknown path under the prefix, is 404
// with the spec's error body. Errors never become problem+json here: this scope has its own error
// and not-found handlers. No route needs a session: reading is public by the spec and filing is
// authorized by the api_key alone, so the POST takes no CSRF token.

export const OPEN311_PREFIX = '/open311/v2';

const CONTENT_TYPE: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

function isFormat(v: unknown): v is Open311Format {
  return typeof v === 'string' && (OPEN311_FORMATS as readonly string[]).includes(v);
}

/** The format asked for: the route's, else the URL's extension, else XML (the required format). */
function formatOf(request: FastifyRequest): Open311Format {
  const fromParams = (request.params as { format?: unknown } | undefined)?.format;
  if (isFormat(fromParams)) return fromParams;
  const ext = /\.(json|xml)$/i.exec(request.url.split('?')[0] ?? '')?.[1]?.toLowerCase();
  return isFormat(ext) ? ext : 'xml';
}

/** An answer in the asked format: JSON as is, XML with `root` as the root (list wrapper) element. */
function answer(reply: FastifyReply, format: Open311Format, root: string, value: unknown, status = 200) {
  reply.status(status).type(CONTENT_TYPE[format]);
  return format === 'xml' ? reply.send(toOpen311Xml(root, value)) : reply.send(value);
}

function sendErrors(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  errors: Open311ErrorBody[],
) {
  const format = formatOf(request);
  reply.status(status).type(CONTENT_TYPE[format]);
  return format === 'xml'
    ? reply.send(toOpen311Xml('errors', errors))
    : reply.serializer(JSON.stringify).send(errors);
}

const FASTIFY_ERRORS: Record<string, { zh: string; en: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { zh: '请求体为空', en: 'The JSON request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { zh: '请求体过大', en: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    zh: '请以 application/x-www-form-urlencoded 或 application/json 提交',
    en: 'Send the request as application/x-www-form-urlencoded or application/json',
  },
};

function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof Open311Error) return sendErrors(request, reply, error.status, error.errors);
  // The rate limit (server/plugins/rate-limit.ts) refuses with an AppError; here in Open311's words.
  if (error instanceof AppError && error.status === 429) {
    const retry = Number(error.extra?.retryAfterSeconds) || 60;
    reply.header('retry-after', String(retry));
    return sendErrors(request, reply, 429, open311Errors.rateLimited(retry).errors);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'request';
    const errors = error.validation.map((v) => {
      const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || where;
      return {
        code: 400,
        description: `${field}：${v.message ?? '无效'} (${field} is invalid: ${v.message ?? ''})`,
      };
    });
    return sendErrors(request, reply, 400, errors);
  }
  if (error instanceof AppError) {
    const status = error.status === 403 || error.status === 404 ? error.status : 400;
    return sendErrors(request, reply, status, [
      { code: status, description: `${error.title.zh} (${error.title.en})` },
    ]);
  }
  const known = FASTIFY_ERRORS[(error as { code?: string }).code ?? ''];
  if (known)
    return sendErrors(request, reply, 400, [{ code: 400, description: `${known.zh} (${known.en})` }]);
  // "400 - General Service Error (any failure during processing, eg CRM is down)" — logged here.
  request.log.error({ err: error }, 'open311: unhandled error');
  return sendErrors(request, reply, 400, open311Errors.general().errors);
}

const tags = ['open311'];
const produces = ['application/json', 'text/xml'];
const errors = {
  400: open311ErrorsSchema,
  403: open311ErrorsSchema,
  404: open311ErrorsSchema,
  429: open311ErrorsSchema,
};
const publicRoute = { security: [] as [] };
const readLimit = { rateLimit: rateLimitRules.open311Read };

/** The api_key of a POST, from the parsed (not yet validated) form or JSON body, else the query. */
function apiKeyOf(request: FastifyRequest): string | undefined {
  const first = (v: unknown) => {
    const x = [v].flat()[0];
    return typeof x === 'string' && x !== '' ? x : undefined;
  };
  const body = request.body as { api_key?: unknown } | null | undefined;
  return first(body?.api_key) ?? first((request.query as { api_key?: unknown }).api_key);
}

/**
 * Filing: an allowance per api_key (a client's key, whatever address it calls from), and wrong
 * api_keys counted against the address, so that nobody tries keys at speed.
 */
const postLimits: RateLimitRule[] = [
  {
    bucket: 'open311-post',
    limit: 'open311PostPerMinute',
    key: (request) => {
      const key = apiKeyOf(request);
      return key ? `api_key:${key}` : byAddress(request);
    },
  },
  {
    bucket: 'open311-api-keys',
    limit: 'codeAttemptsPerMinute',
    countOnly: (error) => error instanceof Open311Error && error.refusedCredential,
  },
];

async function open311Scope(app: App): Promise<void> {
  const db = app.db.kysely;

  // Form-encoded (the spec's) and JSON bodies only: plain text is refused as an unsupported type.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, parseFormBody(String(body)));
    },
  );
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const err = open311Errors.endpointNotFound();
    return sendErrors(request, reply, err.status, err.errors);
  });
  // Before the body is read: a format we do not serve is 404; a GET for another jurisdiction is 404.
  app.addHook('onRequest', async (request) => {
    const format = (request.params as { format?: unknown } | undefined)?.format;
    if (format !== undefined && !isFormat(format)) throw open311Errors.formatNotFound(String(format));
    if (request.method === 'GET') {
      const given = (request.query as { jurisdiction_id?: unknown }).jurisdiction_id;
      checkJurisdiction([given].flat()[0] as string | undefined);
    }
  });

  app.get('/discovery.:format', {
    config: readLimit,
    schema: {
      tags,
      summary: 'Open311 service discovery 服务发现',
      ...publicRoute,
      params: formatParamsSchema,
      produces,
      response: { 200: open311DiscoverySchema, ...errors },
    },
    handler: async (request, reply) => {
      const url = `${request.protocol}://${request.host}${OPEN311_PREFIX}`;
      return answer(reply, formatOf(request), 'discovery', await discovery(db, url));
    },
  });

  app.get('/services.:format', {
    config: readLimit,
    schema: {
      tags,
      summary: 'Open311 service list: the active leaf demand categories 服务（诉求类别）列表',
      ...publicRoute,
      params: formatParamsSchema,
      querystring: jurisdictionQuerySchema,
      produces,
      response: { 200: open311ServiceSchema.array(), ...errors },
    },
    handler: async (request, reply) => answer(reply, formatOf(request), 'services', await listServices(db)),
  });

  app.get('/services/:service_code.:format', {
    config: readLimit,
    schema: {
      tags,
      summary: 'Open311 service definition: the attributes a category asks 服务定义',
      ...publicRoute,
      params: serviceParamsSchema,
      querystring: jurisdictionQuerySchema,
      produces,
      response: { 200: open311ServiceDefinitionSchema, ...errors },
    },
    handler: async (request, reply) =>
      answer(
        reply,
        formatOf(request),
        'service_definition',
        await serviceDefinition(db, request.params.service_code),
      ),
  });

  app.post('/requests.:format', {
    config: { csrf: false, rateLimit: postLimits },
    schema: {
      tags,
      summary: 'Open311 create a service request (api_key required) 提交诉求',
      ...publicRoute,
      params: formatParamsSchema,
      querystring: postQuerySchema,
      body: postBodySchema,
      consumes: ['application/x-www-form-urlencoded', 'application/json'],
      produces,
      response: { 200: open311PostResultSchema.array(), ...errors },
    },
    handler: async (request, reply) => {
      const result = await createRequest({
        db,
        cipher: app.cipher,
        input: readPostInput(request.body, request.query),
        client: { ip: request.ip ?? null, requestId: request.id },
      });
      return answer(reply, formatOf(request), 'service_requests', result);
    },
  });

  app.get('/tokens/:token.:format', {
    config: readLimit,
    schema: {
      tags,
      summary: 'Open311 service_request_id from a token 凭 token 查询诉求编号',
      ...publicRoute,
      params: tokenParamsSchema,
      querystring: jurisdictionQuerySchema,
      produces,
      response: { 200: open311TokenResultSchema.array(), ...errors },
    },
    handler: async (request, reply) =>
      answer(reply, formatOf(request), 'service_requests', await lookupToken(db, request.params.token)),
  });

  app.get('/requests.:format', {
    config: readLimit,
    schema: {
      tags,
      summary: 'Open311 service requests: public, without personal data 诉求办理情况公开查询',
      ...publicRoute,
      params: formatParamsSchema,
      querystring: requestsQuerySchema,
      produces,
      response: { 200: open311RequestSchema.array(), ...errors },
    },
    handler: async (request, reply) =>
      answer(reply, formatOf(request), 'service_requests', await listRequests(db, request.query)),
  });

  app.get('/requests/:service_request_id.:format', {
    config: readLimit,
    schema: {
      tags,
      summary: 'Open311 one service request 单个诉求办理情况',
      ...publicRoute,
      params: requestParamsSchema,
      querystring: jurisdictionQuerySchema,
      produces,
      response: { 200: open311RequestSchema.array(), ...errors },
    },
    handler: async (request, reply) =>
      answer(
        reply,
        formatOf(request),
        'service_requests',
        await getRequest(db, request.params.service_request_id),
      ),
  });
}

/** Registers Open311 GeoReport v2 in its own scope (own error handling, form bodies) at /open311/v2. */
export async function open311Routes(app: App): Promise<void> {
  await app.register(async (scope) => open311Scope(scope as unknown as App), { prefix: OPEN311_PREFIX });
}
