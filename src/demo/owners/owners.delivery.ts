// When a compound's first owners' meeting became due: Shandong art. 20 checked, by the rules
// module itself, on any day from the register's delivery dates. The trigger can only switch on on a
// delivery day or the day two years since the first delivery are complete (as the owners module's
// register figures find it), so the first such day on which it holds is found from cumulative sums
// over the sorted deliveries instead of re-counting the register for every day.

import { rational } from '../../lib/rational';
import { type FirstMeetingCheck, firstMeetingTriggered } from '../../modules/owners/owners.first-meeting';
import type { Register } from './owners.register';

export interface DeliveryTimeline {
  /** Art. 20 as it stood on `day`. */
  check(day: string): FirstMeetingCheck;
  /** Art. 20 today. */
  today: FirstMeetingCheck;
  /** The first day on which the trigger held, when it holds today. */
  triggeredSince: string | null;
}

export function deliveryTimeline(register: Pick<Register, 'units'>, today: string): DeliveryTimeline {
  // Areas are exact hundredths of a square metre (two decimals), summed as integers.
  const hundredths = (area: string) => BigInt(area.replace('.', ''));
  const total = register.units.reduce((n, u) => n + hundredths(u.area), 0n);
  const delivered = register.units
    .filter((u) => u.deliveredOn !== null && u.deliveredOn <= today)
    .map((u) => ({ on: u.deliveredOn!, area: hundredths(u.area) }))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const days: string[] = [];
  const counts: number[] = [];
  const areas: bigint[] = [];
  let area = 0n;
  delivered.forEach((d, i) => {
    area += d.area;
    if (days.at(-1) === d.on) {
      counts[counts.length - 1] = i + 1;
      areas[areas.length - 1] = area;
    } else {
      days.push(d.on);
      counts.push(i + 1);
      areas.push(area);
    }
  });
  const first = days[0] ?? null;
  const check = (day: string): FirstMeetingCheck => {
    // The last delivery day on or before `day`.
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return firstMeetingTriggered({
      totalArea: rational(total, 100n),
      deliveredArea: rational(lo === 0 ? 0n : areas[lo - 1]!, 100n),
      totalUnits: register.units.length,
      deliveredUnits: lo === 0 ? 0 : counts[lo - 1]!,
      firstDeliveryDate: first !== null && first <= day ? first : null,
      today: day,
    });
  };
  const now = check(today);
  let triggeredSince: string | null = null;
  if (now.triggered) {
    const candidates = [...days];
    if (now.twoYearsCompleteFrom && now.twoYearsCompleteFrom <= today)
      candidates.push(now.twoYearsCompleteFrom);
    // Deliveries only add up and two years once complete stay complete: the trigger, once on, stays on.
    const sorted = [...new Set(candidates)].sort();
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (check(sorted[mid]!).triggered) hi = mid;
      else lo = mid + 1;
    }
    triggeredSince = sorted[lo] ?? null;
  }
  return { check, today: now, triggeredSince };
}
