import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { demandsErrors } from './demands.errors';

// A retried submit never makes two demands (issue 5, intake): the client sends an
// `Idempotency-Key` header, fresh per submission and the same on a retry of it.
//
// How it works (decided here):
// 1. Claim: one INSERT … ON CONFLICT DO NOTHING of a pending row (status 0), committed on its own,
//    so that a concurrent duplicate sees the claim at once. Found instead:
//    - the same key with another body → 422 demands.idempotency_key_reused;
//    - the same key and body, done → the stored status and body again (nothing runs);
//    - the same key and body, still pending → 409 demands.idempotency_in_flight (retry shortly).
// 2. Run: the work gets a `seal` to call inside its own transaction, so the answer is stored in
//    the same commit as the demand: the key never says "done" without the demand, nor the reverse.
// 3. Failure: the pending row is deleted, so the client may retry with the same key at once.
//    A process that dies between claim and commit leaves a pending row with no demand; after
//    PENDING_TIMEOUT_MS it is taken over by the next retry.
// Keys live 24 hours (as the IETF draft suggests): an older key may be used again for anything;
// rows older than that are swept on a claim, at most once a minute per process.

type Q = Kysely<Database> | Transaction<Database>;

export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
export const PENDING_TIMEOUT_MS = 2 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 1000;
const PENDING = 0;
let lastSweep = 0;

/** An Idempotency-Key as clients send it: 1–200 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** JSON with object keys sorted at every level, so equal bodies hash equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 of the canonical JSON of a request body. */
export function requestHashOf(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** Stores the answer; call it inside the transaction that does the work. */
export type Seal<T> = (trx: Q, status: number, body: T) => Promise<void>;

export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  /** The stored answer of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Runs `run` at most once per key within `scope` (whose key it is: the caller's actorRef), and
 * answers a retry with what the first run answered. Without a key it simply runs.
 */
export async function withIdempotency<T>(input: {
  db: Kysely<Database>;
  key: string | undefined;
  scope: string;
  requestHash: string;
  run: (seal: Seal<T>) => Promise<{ status: number; body: T }>;
  now?: Date;
}): Promise<IdempotentAnswer<T>> {
  const { db, requestHash } = input;
  if (!input.key) return { ...(await input.run(async () => {})), replayed: false };
  const key = `${input.scope}:${input.key}`;
  const now = input.now ?? new Date();

  const earlier = await claim(db, key, requestHash, now);
  if (earlier) return earlier as IdempotentAnswer<T>;

  let sealed = false;
  const seal: Seal<T> = async (trx, status, body) => {
    await trx
      .updateTable('idempotencyKeys')
      .set({ statusCode: status, body: JSON.stringify(body) })
      .where('key', '=', key)
      .where('requestHash', '=', requestHash)
      .execute();
    sealed = true;
  };
  try {
    const answer = await input.run(seal);
    if (!sealed) await seal(db, answer.status, answer.body);
    return { ...answer, replayed: false };
  } catch (err) {
    // The work's transaction rolled back (the seal with it): free the key for a retry.
    await db
      .deleteFrom('idempotencyKeys')
      .where('key', '=', key)
      .where('statusCode', '=', PENDING)
      .execute()
      .catch(() => undefined);
    throw err;
  }
}

/** Claims the key (undefined) or answers from an earlier request with it. */
async function claim(
  db: Kysely<Database>,
  key: string,
  requestHash: string,
  now: Date,
): Promise<IdempotentAnswer<unknown> | undefined> {
  await sweep(db, now);
  const createdAt = now.toISOString();
  const inserted = await db
    .insertInto('idempotencyKeys')
    .values({ key, requestHash, statusCode: PENDING, body: '', createdAt })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return undefined;

  const row = await db.selectFrom('idempotencyKeys').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return claim(db, key, requestHash, now); // deleted meanwhile (a failed run): try again
  const age = now.getTime() - Date.parse(row.createdAt);
  const pending = Number(row.statusCode) === PENDING;
  if (age > IDEMPOTENCY_KEY_TTL_MS || (pending && age > PENDING_TIMEOUT_MS)) {
    // Expired, or abandoned by a process that died: take it over, unless someone else just did.
    const taken = await db
      .updateTable('idempotencyKeys')
      .set({ requestHash, statusCode: PENDING, body: '', createdAt })
      .where('key', '=', key)
      .where('createdAt', '=', row.createdAt)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) return undefined;
    throw demandsErrors.idempotencyInFlight();
  }
  if (row.requestHash !== requestHash) throw demandsErrors.idempotencyMismatch();
  if (pending) throw demandsErrors.idempotencyInFlight();
  return { status: Number(row.statusCode), body: JSON.parse(row.body) as unknown, replayed: true };
}

async function sweep(db: Kysely<Database>, now: Date): Promise<void> {
  if (now.getTime() - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now.getTime();
  await db
    .deleteFrom('idempotencyKeys')
    .where('createdAt', '<', new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString())
    .execute();
}
