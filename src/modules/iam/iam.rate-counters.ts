import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

// The counts behind the rate limits of public and code-taking routes (server/plugins/rate-limit.ts),
// kept in the database like sessions and the sign-in throttle, so that several server processes
// behind one load balancer share one allowance (DESIGN.md, "Growing past one machine").
//
// Windows are fixed calendar minutes (minute n runs from n×60 s to (n+1)×60 s after the epoch). A
// request is counted by one upsert that starts the key's count afresh when its minute has passed,
// and answers the count: one round trip, atomic on SQLite and PostgreSQL alike, so concurrent
// requests cannot all read "one left". Refused requests are counted too (a caller who keeps
// hammering stays refused until the minute ends).

/** One counted request: whether it may pass, and what the RateLimit headers say. */
export interface WindowHit {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds from now until the window ends. */
  resetInMs: number;
  /** The minute counted, for a refund. */
  windowNo: number;
}

export interface RateCounters {
  /** Counts one request of `key` in the current window, against `max`. */
  hit(key: string, max: number): Promise<WindowHit>;
  /** Takes back one counted request of `key`, if `windowNo` is still its window. */
  refund(key: string, windowNo: number): Promise<void>;
}

/** Every allowance is counted over one minute. */
export const RATE_WINDOW_MS = 60_000;

export class DatabaseRateCounters implements RateCounters {
  private lastSweep: number;
  private readonly now: () => number;

  /** `now` is for tests that walk the clock across a window's edge. */
  constructor(
    private readonly db: Kysely<Database>,
    opts: { now?: () => number } = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.lastSweep = this.now();
  }

  async hit(key: string, max: number): Promise<WindowHit> {
    const now = this.now();
    const windowNo = Math.floor(now / RATE_WINDOW_MS);
    await this.sweep(now, windowNo);
    const row = await this.db
      .insertInto('rateLimitWindows')
      .values({ key, windowNo, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          count: eb
            .case()
            .when('rateLimitWindows.windowNo', '=', eb.ref('excluded.windowNo'))
            .then(eb('rateLimitWindows.count', '+', 1))
            .else(1)
            .end(),
          windowNo: eb.ref('excluded.windowNo'),
        })),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    const count = Number(row.count);
    return {
      allowed: count <= max,
      limit: max,
      remaining: Math.max(max - count, 0),
      resetInMs: (windowNo + 1) * RATE_WINDOW_MS - now,
      windowNo,
    };
  }

  async refund(key: string, windowNo: number): Promise<void> {
    await this.db
      .updateTable('rateLimitWindows')
      .set((eb) => ({ count: eb('count', '-', 1) }))
      .where('key', '=', key)
      .where('windowNo', '=', windowNo)
      .where('count', '>', 0)
      .execute();
  }

  /** Forgets the counts of past minutes, at most once a minute. */
  private async sweep(now: number, windowNo: number): Promise<void> {
    if (now - this.lastSweep < RATE_WINDOW_MS) return;
    this.lastSweep = now;
    await this.db.deleteFrom('rateLimitWindows').where('windowNo', '<', windowNo).execute();
  }
}
