import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type Bilingual } from '../errors';
import { problemBody, validationProblems } from '../problem';

export function preferredLanguage(request: FastifyRequest): 'zh' | 'en' {
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  p: {
    code: string;
    status: number;
    title: Bilingual;
    errors?: AppError['errors'];
    extra?: Record<string, unknown>;
  },
) {
  const body = problemBody({
    ...p,
    lang: preferredLanguage(request),
    requestId: request.id,
    instance: request.url.split('?')[0],
  });
  if (p.status === 429 && typeof p.extra?.retryAfterSeconds === 'number')
    reply.header('retry-after', String(p.extra.retryAfterSeconds));
  return reply
    .status(p.status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body);
}

// Fastify's own client errors that can reach us before a route's schema runs.
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string; title: Bilingual }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'request.malformed_json',
    title: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'request.malformed_json',
    title: { zh: '请求体为空', en: 'The JSON request body is empty' },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'request.body_too_large',
    title: { zh: '请求体过大', en: 'The request body is too large' },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'request.unsupported_media_type',
    title: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'request.bad_content_length',
    title: { zh: '请求长度不正确', en: 'The Content-Length does not match the body' },
  },
};

/** One error handler: AppErrors and schema failures become problem+json; anything else a logged 500. */
export function registerErrorHandling(
  app: FastifyInstance,
  fallback: (request: FastifyRequest, reply: FastifyReply) => boolean = () => false,
): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) return send(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = validationProblems(
        error.validation,
        (error as { validationContext?: string }).validationContext,
      );
      return send(request, reply, {
        code: 'validation.failed',
        status: 400,
        title: { zh: '请求参数有误', en: 'The request is invalid' },
        errors,
      });
    }
    const known = FASTIFY_CLIENT_ERRORS[(error as { code?: string }).code ?? ''];
    if (known) return send(request, reply, known);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return send(request, reply, {
        code: 'request.invalid',
        status,
        title: { zh: '请求无效', en: 'The request is invalid' },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, {
      code: 'internal.error',
      status: 500,
      title: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
    });
  });
  app.setNotFoundHandler((request, reply) => {
    if (fallback(request, reply)) return reply;
    return send(request, reply, {
      code: 'common.not_found',
      status: 404,
      title: { zh: '接口不存在', en: 'No such endpoint' },
    });
  });
}
