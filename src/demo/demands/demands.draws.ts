// The draws behind the demo year: how often each category, channel and hour comes up, and the
// quality each responsible party works at (drawn once per party from the seed).

import { createRandom, type Random } from '../../lib/random';
import type { DemandChannel } from '../../modules/demands/demands.table';
import type { DemoCategory } from './demands.places';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Relative frequency of each top-level category (sub-categories share it equally). */
const TOP_WEIGHTS: Record<string, number> = {
  property: 14,
  sanitation: 12,
  parking: 10,
  facilities: 8,
  noise: 8,
  utilities: 6,
  street_order: 7,
  neighbour: 6,
  greening: 5,
  consultation: 5,
  elderly: 4,
  illegal_building: 4,
  safety: 4,
  advertising: 3,
  construction: 3,
  owners: 2,
  emergency: 2,
};

export const CHANNELS: [DemandChannel, number][] = [
  ['mobile', 0.45],
  ['hotline', 0.3],
  ['patrol', 0.2],
  ['open311', 0.05],
];

export function pickWeighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = random.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** Quality 0..1 of a party, drawn once from its key: `excellent` of them work at 97.5–99.7%. */
export function qualityOf(seed: string, key: string, excellent: number, low: number): number {
  const random = createRandom(`${seed}:demands:quality:${key}`);
  return random.next() < excellent ? random.float(0.975, 0.997) : random.float(low, 0.95);
}

/** When in the year a demand arrives: any day, more on weekdays, mostly by day. */
export function receiptTime(random: Random, now: number): number {
  for (;;) {
    const t = now - random.next() * 365 * DAY_MS;
    const china = new Date(t + 8 * HOUR_MS);
    const hour = china.getUTCHours();
    const weekend = china.getUTCDay() === 0 || china.getUTCDay() === 6;
    const byHour = hour < 6 ? 0.05 : hour < 8 ? 0.4 : hour < 21 ? 1 : 0.3;
    if (random.next() < byHour * (weekend ? 0.7 : 1)) return Math.floor(t / 1000) * 1000;
  }
}

export function categoryWeights(
  categories: readonly DemoCategory[],
  winter: boolean,
): [DemoCategory, number][] {
  const siblings = new Map<string, number>();
  for (const c of categories) {
    const top = c.code.split('.')[0]!;
    siblings.set(top, (siblings.get(top) ?? 0) + 1);
  }
  return categories.map((c) => {
    const top = c.code.split('.')[0]!;
    let w = (TOP_WEIGHTS[top] ?? 2) / siblings.get(top)!;
    if (c.code === 'utilities.heating') w *= winter ? 4 : 0.1;
    return [c, w];
  });
}
