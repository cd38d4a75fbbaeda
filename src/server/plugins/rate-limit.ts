import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateCounters, WindowHit } from '../../modules/iam/index';
import type { RateLimitSettings } from '../config';
import { AppError } from '../errors';

// Rate limits of the routes anyone may call: public reads that are costly or easy to scrape, and
// routes whose credential a caller types (voting and receipt codes, Open311 api_keys), so that
// nobody can try codes at speed — one of the security measures PIPL art. 51 asks of whoever holds
// personal data. A route opts in through its `config.rateLimit`; every other route is untouched.
//
// The counts live in the database (iam.rate-counters.ts), as sessions and the sign-in throttle do,
// so that several server processes share one allowance: fixed one-minute windows.
//
// Behind a reverse proxy, TRUST_PROXY must be set: without it every client has the proxy's address
// and all of them share one allowance.

/**
 * A route's limit. `bucket` names the count, so routes naming the same bucket share one allowance;
 * `limit` names the configured number; `key` says whose count it is (the client's address unless
 * said otherwise). With `countOnly`, a request stays counted only when it ends in an error the
 * predicate accepts — a refused code — so that right codes never use up anyone's allowance.
 */
export interface RateLimitRule {
  bucket: string;
  limit: keyof RateLimitSettings;
  key?: (request: FastifyRequest) => string;
  countOnly?: (error: unknown) => boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The rate limits of this route (plugins/rate-limit.ts); none when absent. */
    rateLimit?: RateLimitRule | readonly RateLimitRule[];
  }
}

/**
 * The part of a client's address that identifies one client: an IPv4 address whole, an IPv6
 * address by its /64 prefix, because one subscriber (a phone on a Chinese mobile network, say)
 * is given a whole /64 and could otherwise take a fresh address for every request.
 */
export function clientAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const plain = ip.split('%')[0]!.toLowerCase();
  const [head = '', tail] = plain.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? front
      : [...front, ...Array(Math.max(8 - front.length - back.length, 0)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

/** The count of the client's address. */
export const byAddress = (request: FastifyRequest) => `ip:${clientAddress(request.ip)}`;

/** The count of the client's address on one record named by a route parameter (a vote's id). */
export const byAddressAnd =
  (param: string) =>
  (request: FastifyRequest): string => {
    const value = (request.params as Record<string, unknown> | undefined)?.[param];
    return `${byAddress(request)}|${param}:${String(value ?? '')}`;
  };

/**
 * The count of the signed-in caller, else of the address: officials of one street office share
 * one address behind its gateway, and must not use up each other's allowance.
 */
export const byActorOrAddress = (request: FastifyRequest) =>
  request.actor ? `actor:${request.actor.kind}:${request.actor.id}` : byAddress(request);

/** Rules shared by several routes. */
export const rateLimitRules = {
  /** The public notice pages (grid, building, compound, vote): one allowance per address for all. */
  publicRead: { bucket: 'public-read', limit: 'publicReadPerMinute' },
  /** Open311 reads, apart from the pages: an outside client's polling does not use up a resident's. */
  open311Read: { bucket: 'open311-read', limit: 'publicReadPerMinute' },
  /** The filing map's public grid boundaries and place names, read by anyone signed in. */
  placesRead: { bucket: 'places-read', limit: 'publicReadPerMinute', key: byActorOrAddress },
} as const satisfies Record<string, RateLimitRule>;

/** 429 `request.rate_limited`, with the seconds to wait (sent as Retry-After by the error handler). */
export function rateLimitedError(retryAfterSeconds: number): AppError {
  return new AppError({
    code: 'request.rate_limited',
    status: 429,
    title: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
    extra: { retryAfterSeconds },
  });
}

interface CountedHit {
  rule: RateLimitRule;
  key: string;
  hit: WindowHit;
  /** For a `countOnly` rule: the request ended in an error that counts. */
  failed: boolean;
}

const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32);
const seconds = (ms: number) => Math.max(Math.ceil(ms / 1000), 1);

function sendHeaders(reply: FastifyReply, hits: CountedHit[]): void {
  const tightest = hits.reduce((a, b) => (b.hit.remaining < a.hit.remaining ? b : a));
  reply.header('ratelimit-limit', String(tightest.hit.limit));
  reply.header('ratelimit-remaining', String(tightest.hit.remaining));
  reply.header('ratelimit-reset', String(seconds(tightest.hit.resetInMs)));
}

/**
 * Counts the requests of every route with a `rateLimit` config before its body is validated (an
 * invalid request counts too), and answers 429 past the allowance. Every limited response carries
 * RateLimit-Limit, -Remaining and -Reset (of the tightest of the route's limits).
 */
export function registerRateLimit(
  app: FastifyInstance,
  opts: { limits: RateLimitSettings; counters: RateCounters },
): void {
  const { counters } = opts;
  const counted = new WeakMap<FastifyRequest, CountedHit[]>();

  app.addHook('preValidation', async (request) => {
    const rules = [request.routeOptions.config.rateLimit ?? []].flat() as RateLimitRule[];
    if (rules.length === 0) return;
    const hits: CountedHit[] = [];
    for (const rule of rules) {
      // Hashed: the key may hold a credential (an api_key) or a long parameter a caller chose.
      const key = `${rule.bucket}:${digest((rule.key ?? byAddress)(request))}`;
      hits.push({ rule, key, hit: await counters.hit(key, opts.limits[rule.limit]), failed: false });
    }
    counted.set(request, hits);
    const refusedFor = Math.max(0, ...hits.filter((h) => !h.hit.allowed).map((h) => h.hit.resetInMs));
    if (refusedFor > 0) throw rateLimitedError(seconds(refusedFor));
  });

  app.addHook('onError', async (request, _reply, error) => {
    for (const h of counted.get(request) ?? []) if (h.rule.countOnly?.(error)) h.failed = true;
  });

  app.addHook('onSend', async (request, reply) => {
    const hits = counted.get(request);
    if (!hits) return;
    // A request under a `countOnly` rule was counted up front, so that many at once cannot all
    // pass; it is taken back here unless it ended in a counted error.
    for (const h of hits) {
      if (!h.rule.countOnly || !h.hit.allowed || h.failed) continue;
      await counters.refund(h.key, h.hit.windowNo);
      h.hit.remaining = Math.min(h.hit.remaining + 1, h.hit.limit);
    }
    sendHeaders(reply, hits);
  });
}
