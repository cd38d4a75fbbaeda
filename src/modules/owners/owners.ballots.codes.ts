// One-time voting codes and ballot receipt codes. Pure: no I/O.
//
// A code is 12 characters of Crockford's base32 (no I, L, O, U), about 60 random bits, shown as
// XXXX-XXXX-XXXX. Guessing one online is hopeless, so a plain SHA-256 is enough to store it:
// the database keeps only `sha256(purpose:voteId:code)`, which binds a code to its vote and
// keeps a voting code from ever matching a receipt.
import { createHash, randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

/** A fresh random code such as `7QK2-M9XD-4T0B`. */
export function newCode(): string {
  let raw = '';
  for (let i = 0; i < LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/**
 * What a person typed, as the code it stands for: case, spaces and dashes ignored, and the
 * letters people confuse with digits read as those digits (O → 0, I and L → 1), as Crockford's
 * base32 does. Undefined when it cannot be a code.
 */
export function normaliseCode(typed: string): string | undefined {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== LENGTH) return undefined;
  for (const ch of plain) if (!ALPHABET.includes(ch)) return undefined;
  return plain;
}

/** The stored hash of a voting code or a receipt code of one vote; undefined when not a code. */
export function codeHash(purpose: 'vote' | 'receipt', voteId: string, typed: string): string | undefined {
  const code = normaliseCode(typed);
  if (!code) return undefined;
  return createHash('sha256').update(`${purpose}:${voteId}:${code}`).digest('hex');
}

/**
 * The ballot's id in the published list: random, so that it reveals neither the voter nor the
 * order of casting (a UUIDv7 would give away the time).
 */
export function newPublicId(): string {
  return `B${newCode().replace(/-/g, '').slice(0, 10)}`;
}
