import { type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import { type AuditEntryContent, auditEntryHash, type ChainBreak, findChainBreak } from './iam.audit-chain';
import { listScopes } from './iam.authorize';
import type { Actor } from './iam.scope';
import type { AuditLogRow } from './iam.table';

type Q = Kysely<Database> | Transaction<Database>;

export interface AuditInput {
  actor: Actor;
  action: string;
  targetType: string;
  targetId?: string | null;
  scopePath?: string | null;
  /** What changed; never a secret or an unmasked personal number. */
  summary?: Record<string, unknown>;
}

/**
 * Appends one hash-chained entry. Call it inside the transaction of the write it records, so
 * that the write and its entry land together or not at all. The head row is locked first
 * (`FOR UPDATE` on PostgreSQL; SQLite serialises writers itself), which keeps the chain linear
 * when several processes write at once.
 */
export async function appendAudit(trx: Transaction<Database>, input: AuditInput): Promise<number> {
  let headQuery = trx.selectFrom('auditHead').select(['lastSeq', 'lastHash']).where('id', '=', 1);
  if (isPostgres(trx)) headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();
  const entry: AuditEntryContent = {
    seq: Number(head.lastSeq) + 1,
    at: new Date().toISOString(),
    actorId: input.actor.kind === 'system' ? null : input.actor.id,
    actorLabel: input.actor.label,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    scopePath: input.scopePath ?? null,
    summary: JSON.stringify(input.summary ?? {}),
    requestId: input.actor.requestId,
    ip: input.actor.ip,
  };
  const hash = auditEntryHash(head.lastHash, entry);
  await trx
    .insertInto('auditLog')
    .values({ ...entry, prevHash: head.lastHash, hash })
    .execute();
  await trx
    .updateTable('auditHead')
    .set({ lastSeq: entry.seq, lastHash: hash })
    .where('id', '=', 1)
    .execute();
  return entry.seq;
}

/** Appends in a transaction of its own, for events that are not part of another write (a login). */
export function recordAudit(db: Kysely<Database>, input: AuditInput): Promise<number> {
  return db.transaction().execute((trx) => appendAudit(trx, input));
}

function isPostgres(db: Q): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBroken?: ChainBreak & { row?: AuditLogRow };
}

/**
 * Recomputes the chain from the first entry, in pages, and checks the head row too so that
 * deleting the newest entries is caught as well as changing any row.
 */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = 5000): Promise<AuditVerification> {
  let last = { seq: 0, hash: '0'.repeat(64) };
  let count = 0;
  for (;;) {
    const page = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>', last.seq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (page.length === 0) break;
    const rows = page.map((r) => ({ ...r, seq: Number(r.seq) }));
    const broken = findChainBreak(rows, last);
    if (broken)
      return {
        ok: false,
        entries: count,
        firstBroken: { ...broken, row: rows.find((r) => r.seq === broken.seq) },
      };
    count += rows.length;
    const tail = rows[rows.length - 1]!;
    last = { seq: tail.seq, hash: tail.hash };
  }
  const head = await db.selectFrom('auditHead').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  if (Number(head.lastSeq) !== last.seq || head.lastHash !== last.hash) {
    return { ok: false, entries: count, firstBroken: { seq: last.seq + 1, reason: 'sequence_gap' } };
  }
  return { ok: true, entries: count };
}

export async function listAuditEntries(opts: {
  db: Kysely<Database>;
  actor: Actor;
  filter: {
    action?: string | undefined;
    targetType?: string | undefined;
    targetId?: string | undefined;
    actorId?: string | undefined;
    beforeSeq?: number | undefined;
    limit: number;
  };
}): Promise<AuditLogRow[]> {
  const scopes = listScopes(opts.actor, 'audit.read');
  const { filter } = opts;
  // Entries without a place (logins, system events) are visible to auditors whose scope is the whole city.
  const cityWide = scopes.some((s) => !s.includes('/'));
  let q = opts.db
    .selectFrom('auditLog')
    .selectAll()
    .where((eb) =>
      cityWide
        ? eb.or([inScopes(eb, 'scopePath', scopes), eb('scopePath', 'is', null)])
        : inScopes(eb, 'scopePath', scopes),
    );
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.targetType) q = q.where('targetType', '=', filter.targetType);
  if (filter.targetId) q = q.where('targetId', '=', filter.targetId);
  if (filter.actorId) q = q.where('actorId', '=', filter.actorId);
  if (filter.beforeSeq) q = q.where('seq', '<', filter.beforeSeq);
  const rows = await q.orderBy('seq', 'desc').limit(filter.limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
