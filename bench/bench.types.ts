// The contract between `npm run bench` (bench/run.ts) and each `bench/*.bench.ts` file.

/** One comparison: how long the subject takes against a baseline doing the same work. */
export interface BenchResult {
  name: string;
  baseline: { label: string; ms: number };
  subject: { label: string; ms: number };
  /** How the figures were obtained when it is not obvious: sampling, scaling, sizes. */
  note?: string;
}

/** What a bench file default-exports. */
export type Bench = () => Promise<BenchResult[]>;

/**
 * Runs `fn` `repeat` times (awaiting it if it returns a promise) and returns the best
 * wall-clock time in milliseconds: the minimum is the run least disturbed by GC and the OS.
 */
export async function timeIt(fn: () => unknown, { repeat = 3 }: { repeat?: number } = {}): Promise<number> {
  if (!Number.isSafeInteger(repeat) || repeat < 1)
    throw new RangeError(`repeat must be at least 1, got ${repeat}`);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
