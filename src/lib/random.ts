// Deterministic pseudo-random numbers for the demo city, tests and benchmarks.
//
// The generator is sfc32 (Chris Doty-Humphrey's "small fast counting" generator, from
// PractRand), seeded through the cyrb128 string hash. It is fast, passes PractRand, and gives
// the same sequence on every platform because it uses only 32-bit integer operations.
// It is NOT cryptographically secure: never use it for tokens, passwords or IDs that must be
// unguessable (use node:crypto for those).

/** A seeded source of pseudo-random values: the same seed always yields the same sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** One element, chosen uniformly; throws on an empty array. */
  pick<T>(items: readonly T[]): T;
  /** A normally distributed value (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** A uniformly shuffled copy (Fisher–Yates); the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[];
}

const TWO_POW_32 = 4294967296;

// cyrb128 by bryc (public domain): four well-mixed 32-bit words from a string.
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(seedA: number, seedB: number, seedC: number, seedD: number): () => number {
  let a = seedA | 0;
  let b = seedB | 0;
  let c = seedC | 0;
  let d = seedD | 0;
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / TWO_POW_32;
  };
}

/**
 * A generator seeded by a number or a string. The seed is hashed as text, so `7` and `'7'`
 * give the same sequence.
 */
export function createRandom(seed: number | string): Random {
  if (typeof seed === 'number' && !Number.isFinite(seed)) {
    throw new RangeError(`a random seed must be a finite number or a string, got ${seed}`);
  }
  const next = sfc32(...cyrb128(String(seed)));
  // The first outputs of sfc32 still echo the seed words; discard them.
  for (let i = 0; i < 15; i++) next();

  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`int(min, max) needs safe integers with min <= max, got ${min}, ${max}`);
    }
    // One 32-bit draw only has 2^32 outcomes; a wider span would leave values unreachable.
    if (max - min >= TWO_POW_32) throw new RangeError(`int(min, max) spans more than 2^32 values`);
    return min + Math.floor(next() * (max - min + 1));
  };

  return {
    next,
    int,
    float(min, max) {
      if (!(min <= max)) throw new RangeError(`float(min, max) needs min <= max, got ${min}, ${max}`);
      return min + next() * (max - min);
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('cannot pick from an empty array');
      return items[int(0, items.length - 1)]!;
    },
    normal(mean, sd) {
      if (!(sd >= 0)) throw new RangeError(`a standard deviation must be >= 0, got ${sd}`);
      const u1 = 1 - next(); // (0, 1]: keeps log() finite
      const u2 = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    shuffle(items) {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        const held = copy[i]!;
        copy[i] = copy[j]!;
        copy[j] = held;
      }
      return copy;
    },
  };
}
