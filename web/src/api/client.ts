/** One field that failed validation, as the server names it in a problem+json body. */
export type ProblemFieldError = {
  field: string;
  in: 'body' | 'query' | 'params' | 'headers';
  reason: string;
  message: { zh: string; en: string };
};

/** RFC 9457 problem+json body as the Grassroots server sends it; extensions (e.g. `lockedUntil`) ride along. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  requestId?: string;
  titles?: { zh: string; en: string };
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
};

/** Thrown by `apiFetch` for every failed request, so forms and pages can read `code` and field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly titles: { zh: string; en: string } | undefined;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: ProblemFieldError[];
  /** The whole problem body, for extensions such as `lockedUntil`. */
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.title}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.titles = problem.titles;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.errors = problem.errors ?? [];
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Codes that mean "log in again": anything else with 401 (e.g. a wrong current password) is a form error. */
const SESSION_ENDED_CODES = new Set(['iam.unauthenticated', 'iam.session_expired']);

export function isSessionEnded(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && SESSION_ENDED_CODES.has(error.code);
}

let csrfToken: string | undefined;
let onSessionEnded: (() => void) | undefined;

/** Keeps the CSRF token from the last `/api/v1/auth/me` or login response; `undefined` forgets it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The app registers how to send the user to the login page; the client itself knows no router. */
export function setSessionEndedHandler(handler: (() => void) | undefined): void {
  onSessionEnded = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export type ApiFetchOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue | readonly QueryValue[]>;
  signal?: AbortSignal;
};

/** Builds `path?query`, leaving out null/undefined values and repeating a key for each array entry. */
export function buildUrl(path: string, query: ApiFetchOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values: readonly QueryValue[] = Array.isArray(value) ? value : [value as QueryValue];
    for (const item of values) {
      if (item !== null && item !== undefined) params.append(key, String(item));
    }
  }
  const search = params.toString();
  if (!search) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${search}`;
}

function isProblemBody(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.title === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Turns any failed response into a problem, even a proxy's HTML 502 or 413 page. */
function toProblem(response: Response, body: unknown): Problem {
  if (isProblemBody(body)) {
    return { ...body, status: typeof body.status === 'number' ? body.status : response.status };
  }
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code:
      response.status === 404
        ? 'common.not_found'
        : response.status === 413
          ? 'request.body_too_large'
          : 'internal.error',
  };
}

const ACCEPT = 'application/json, application/problem+json';

/** `fetch` with the session cookie; a network failure becomes `network.unreachable`. */
async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: 'network.unreachable',
    });
  }
}

/** The parsed body of a success; a failure becomes `ApiError` (and an ended session says so). */
async function answer<T>(response: Response): Promise<T> {
  const body = await readJson(response);
  if (!response.ok) {
    const error = new ApiError(toProblem(response, body));
    if (isSessionEnded(error)) onSessionEnded?.();
    throw error;
  }
  return body as T;
}

/**
 * Calls the Grassroots JSON API with the session cookie. Non-GET requests carry the CSRF token.
 * Resolves with the parsed body (`undefined` for 204); rejects with `ApiError`.
 */
export async function apiFetch<T>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: ACCEPT };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await send(buildUrl(path, options.query), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  return answer<T>(response);
}

export type ApiPostRawOptions = {
  /** The body's content type, and any header of our own (`idempotency-key`). */
  headers: Record<string, string>;
  /** Sent as it is: an image, a workbook, or JSON already written. */
  body: BodyInit;
  /** The session's token (`useSession().csrfToken`). */
  csrfToken: string | undefined;
};

/**
 * apiFetch's sibling for the writes it cannot make (a raw file body, a header of our own): a POST
 * with the same cookie, CSRF header and `ApiError`s.
 */
export async function apiPostRaw<T>(path: string, options: ApiPostRawOptions): Promise<T> {
  const headers: Record<string, string> = { accept: ACCEPT, ...options.headers };
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  return answer<T>(await send(path, { method: 'POST', headers, body: options.body }));
}
