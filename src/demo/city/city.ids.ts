// Identifiers of demo rows: UUIDv7-shaped and reproducible, so that two loads of the same city
// have the same ids (links, bookmarks and test fixtures survive a reload).
//
// The 48-bit time field is the demo epoch plus the row's position in the load, in milliseconds,
// so ids ascend in insertion order and the primary-key index is appended to rather than split
// all over; the random bits are a hash of the row's key (its area code, usually).

const EPOCH_MS = Date.UTC(2021, 0, 1);

// cyrb53 by bryc (public domain): two well-mixed 32-bit words from a string.
function hash(text: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex16(word: number): string {
  return BYTE_HEX[(word >>> 8) & 0xff]! + BYTE_HEX[word & 0xff]!;
}

function hex32(word: number): string {
  return hex16(word >>> 16) + hex16(word);
}

/** A UUIDv7-shaped id (version 7, RFC 9562 variant) from a timestamp and a key. */
export function demoId(ms: number, key: string): string {
  const [a, b] = hash(key, 7);
  const [c] = hash(key, 19);
  const high = Math.floor(ms / 2 ** 32);
  const low = ms >>> 0;
  return (
    `${hex16(high)}${hex16(low >>> 16)}-${hex16(low)}-${hex16(0x7000 | (a >>> 20))}-` +
    `${hex16(0x8000 | (b & 0x3fff))}-${hex32(c)}${hex16(a)}`
  );
}

/**
 * Ids for one table: each call takes the next millisecond after the demo epoch, so no two ids of
 * the sequence can be equal whatever their keys.
 */
export function demoIdSequence(namespace: string): (key: string) => string {
  let ordinal = 0;
  return (key) => demoId(EPOCH_MS + ordinal++, `${namespace}:${key}`);
}
