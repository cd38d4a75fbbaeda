import type { Bilingual } from '../../server/errors';
import type { Open311ErrorBody } from './demands.open311.schemas';

// Open311 errors (GeoReport v2 "Errors"): HTTP 404 for what does not exist, 403 for a wrong or
// missing api_key, 429 for a client over its rate limit, 400 for anything else; the body is a list
// of {code, description}. These never become problem+json: the Open311 plugin has its own error
// handler.

export type Open311Status = 400 | 403 | 404 | 429;

/** One description a person can read: Chinese first, English beside it. */
export function open311Text(text: Bilingual): string {
  return `${text.zh} (${text.en})`;
}

export class Open311Error extends Error {
  readonly status: Open311Status;
  readonly errors: Open311ErrorBody[];
  /** An api_key that matches no live token: a try the rate limit counts against the address. */
  readonly refusedCredential: boolean;

  constructor(
    status: Open311Status,
    descriptions: Bilingual | Bilingual[],
    opts: { refusedCredential?: boolean } = {},
  ) {
    const list = [descriptions].flat();
    super(`open311 ${status}: ${list.map((d) => d.en).join('; ')}`);
    this.status = status;
    this.errors = list.map((d) => ({ code: status, description: open311Text(d) }));
    this.refusedCredential = opts.refusedCredential ?? false;
  }
}

export const open311Errors = {
  formatNotFound: (format: string) =>
    new Open311Error(404, {
      zh: `不支持的格式“${format}”，请使用 .xml 或 .json`,
      en: `format ${format} not found; use .xml or .json`,
    }),
  endpointNotFound: () =>
    new Open311Error(404, {
      zh: '没有这个 Open311 接口，请核对 URL',
      en: 'No such Open311 resource; check the URL',
    }),
  jurisdictionNotFound: (given: string) =>
    new Open311Error(404, {
      zh: `jurisdiction_id“${given}”不存在，本接口服务的辖区为 binzhou.gov.cn`,
      en: `jurisdiction_id ${given} not found; this endpoint serves binzhou.gov.cn`,
    }),
  serviceNotFound: (code: string) =>
    new Open311Error(404, {
      zh: `service_code“${code}”不存在或已停用`,
      en: `service_code ${code} not found`,
    }),
  requestNotFound: (id: string) =>
    new Open311Error(404, {
      zh: `service_request_id“${id}”不存在`,
      en: `service_request_id ${id} not found`,
    }),
  tokenNotFound: (token: string) =>
    new Open311Error(404, { zh: `token“${token}”不存在`, en: `token ${token} not found` }),
  apiKeyMissing: () =>
    new Open311Error(403, {
      zh: '缺少 api_key，无法提交诉求',
      en: "api_key was not provided -- can't proceed with create_request",
    }),
  apiKeyInvalid: () =>
    new Open311Error(
      403,
      {
        zh: 'api_key 无效、已过期或已吊销，无法提交诉求',
        en: "Invalid api_key received -- can't proceed with create_request",
      },
      { refusedCredential: true },
    ),
  apiKeyNotAllowed: () =>
    new Open311Error(403, {
      zh: '该 api_key 没有提交诉求的权限',
      en: 'This api_key may not create service requests',
    }),
  invalid: (problems: Bilingual[]) => new Open311Error(400, problems),
  rateLimited: (retryAfterSeconds: number) =>
    new Open311Error(429, {
      zh: `请求过于频繁，请 ${retryAfterSeconds} 秒后再试`,
      en: `Too many requests; try again in ${retryAfterSeconds} seconds`,
    }),
  general: () =>
    new Open311Error(400, {
      zh: 'Open311 服务处理请求时出错，请稍后重试；如仍失败请联系 12345 热线',
      en: 'General service error; try again later and tell us if it persists',
    }),
};
