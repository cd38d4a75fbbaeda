import { describe, expect, it } from 'vitest';
import { type AuditEntryContent, auditEntryHash, findChainBreak, GENESIS_HASH } from './iam.audit-chain';

function chain(n: number) {
  const rows: (AuditEntryContent & { prevHash: string; hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: AuditEntryContent = {
      seq,
      at: `2026-11-27T10:00:0${seq}.000Z`,
      actorId: 'u1',
      actorLabel: 'admin',
      action: 'iam.user_updated',
      targetType: 'user',
      targetId: `t${seq}`,
      scopePath: '3716',
      summary: JSON.stringify({ n: seq }),
      requestId: null,
      ip: null,
    };
    const hash = auditEntryHash(prev, e);
    rows.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('an untouched chain has no break', () => {
    expect(findChainBreak(chain(5))).toBeUndefined();
  });

  it('a changed summary breaks that entry', () => {
    const rows = chain(5);
    rows[2]!.summary = JSON.stringify({ n: 99 });
    expect(findChainBreak(rows)).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('a recomputed hash on a changed row is caught at the next entry', () => {
    const rows = chain(5);
    rows[1]!.actorLabel = 'someone-else';
    rows[1]!.hash = auditEntryHash(rows[1]!.prevHash, rows[1]!);
    expect(findChainBreak(rows)).toEqual({ seq: 3, reason: 'prev_hash_mismatch' });
  });

  it('a deleted entry in the middle is a sequence gap', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(findChainBreak(rows)).toEqual({ seq: 3, reason: 'sequence_gap' });
  });
});
