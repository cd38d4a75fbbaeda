import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  scopePath: string | null;
  summary: string;
  requestId: string | null;
  ip: string | null;
}

/**
 * Each entry's hash covers its own content and the previous entry's hash, so changing,
 * deleting or inserting any row breaks every link after it.
 */
export function auditEntryHash(prevHash: string, e: AuditEntryContent): string {
  const canonical = JSON.stringify([
    prevHash,
    e.seq,
    e.at,
    e.actorId,
    e.actorLabel,
    e.action,
    e.targetType,
    e.targetId,
    e.scopePath,
    e.summary,
    e.requestId,
    e.ip,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainBreak = { seq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' };

/** Walks entries in sequence order; returns the first broken entry, or undefined when intact. */
export function findChainBreak(
  entries: Iterable<AuditEntryContent & { prevHash: string; hash: string }>,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | undefined {
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { seq: e.seq, reason: 'sequence_gap' };
    if (e.prevHash !== prevHash) return { seq: e.seq, reason: 'prev_hash_mismatch' };
    if (auditEntryHash(prevHash, e) !== e.hash) return { seq: e.seq, reason: 'hash_mismatch' };
    prevHash = e.hash;
    expectedSeq += 1;
  }
  return undefined;
}
