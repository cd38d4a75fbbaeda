import { describe, expect, it } from 'vitest';
import { codeHash, newCode, newPublicId, normaliseCode } from './owners.ballots.codes';

describe('voting and receipt codes', () => {
  it('are 12 characters of Crockford base32 in three groups, and differ each time', () => {
    const codes = new Set(Array.from({ length: 1000 }, newCode));
    expect(codes.size).toBe(1000);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it.each([
    ['7qk2-m9xd-4t0b', '7QK2M9XD4T0B'],
    [' 7QK2 M9XD 4T0B ', '7QK2M9XD4T0B'],
    ['7QK2-M9XD-4TOB', '7QK2M9XD4T0B'],
    ['IQK2-M9XD-4TLB', '1QK2M9XD4T1B'],
    ['7QK2-M9XD-4T0', undefined],
    ['7QK2-M9XD-4T0U', undefined],
  ])('reads %j as %j', (typed, code) => {
    expect(normaliseCode(typed)).toBe(code);
  });

  it('hash differently for another vote and for a receipt, so no code works where it was not issued', () => {
    const code = newCode();
    const hashes = new Set([
      codeHash('vote', 'a', code),
      codeHash('vote', 'b', code),
      codeHash('receipt', 'a', code),
    ]);
    expect(hashes.size).toBe(3);
    expect(codeHash('vote', 'a', code.toLowerCase())).toBe(codeHash('vote', 'a', code));
    expect(codeHash('vote', 'a', 'short')).toBeUndefined();
  });

  it('give ballots public ids that say nothing of the time they were cast', () => {
    expect(newPublicId()).toMatch(/^B[0-9A-Z]{10}$/);
  });
});
