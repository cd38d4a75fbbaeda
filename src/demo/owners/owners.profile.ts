// What kind of compound it is, as far as its owners go: when it was handed over and how far
// (Shandong art. 20 counts delivered area and owners), how its areas are known (SPC interpretation
// art. 8: register, else survey, else contract), whether it has shops and parking spaces for sale,
// and whether it has an owners' committee in term. Everything is drawn from the compound's own
// stream and the area tree, never from the people records, so the committee a compound gets does
// not depend on whether or when its residents were loaded.

import type { Random } from '../../lib/random';
import { addDays, addYears, dayOfYear, daysBetween, minDate } from './owners.ids';
import type { CompoundSpot } from './owners.types';

export interface CompoundProfile {
  scattered: boolean;
  households: number;
  /** Share of buildings above six floors: towers came later than walk-ups. */
  towerShare: number;
  /** The day the first flat was handed over. */
  firstDelivery: string;
  /** Days over which the flats of the tree were handed over, building by building. */
  deliverySpan: number;
  /** Flats of later phases not handed over yet: the developer's, with nobody living there (no household node). */
  undelivered: number;
  /** Share of units with a registered area; share known only from the sale contract. */
  registeredShare: number;
  contractOnlyShare: number;
  /** Sold as commercial housing (since the 1998 reform), with sale contracts; older is welfare housing. */
  commercial: boolean;
  shops: number;
  parking: number;
  parkingSoldShare: number;
}

const YEAR = 365.25;

export function drawProfile(random: Random, compound: CompoundSpot, today: string): CompoundProfile {
  const households = compound.buildings.reduce((n, b) => n + b.households.length, 0);
  const towers = compound.buildings.filter((b) => b.floors > 6).length;
  const towerShare = compound.buildings.length > 0 ? towers / compound.buildings.length : 0;
  const scattered = compound.kind === '散居楼院';
  const latest = addDays(today, -120);
  let firstDelivery: string;
  if (scattered) firstDelivery = dayOfYear(random.int(1984, 2003), random.next());
  else if (towerShare === 0) firstDelivery = dayOfYear(random.int(1992, 2014), random.next());
  else if (random.next() < (towerShare < 1 ? 0.1 : 0.4))
    firstDelivery = addDays(today, -random.int(120, 1460));
  else if (towerShare < 1) firstDelivery = dayOfYear(random.int(2001, 2020), random.next());
  else firstDelivery = dayOfYear(random.int(2008, 2021), random.next());
  firstDelivery = minDate(firstDelivery, latest);
  const age = daysBetween(firstDelivery, today) / YEAR;
  const sinceFirst = daysBetween(firstDelivery, today);
  // A compound handed over in the last four years is often still being delivered phase by phase.
  const partly = age < 4 && random.next() < 0.7;
  const deliveredShare = partly ? random.float(0.2, 0.92) : 1;
  const undelivered = Math.min(
    Math.round((households * (1 - deliveredShare)) / deliveredShare),
    households * 3,
  );
  const deliverySpan = partly ? Math.max(0, sinceFirst - 30) : Math.min(random.int(20, 200), sinceFirst - 1);
  const commercial = firstDelivery >= '1999-01-01';
  const shops = !scattered && households >= 120 && random.next() < 0.4 ? random.int(3, 14) : 0;
  const withParking = !scattered && towerShare > 0 && firstDelivery >= '2005-01-01' && random.next() < 0.7;
  return {
    scattered,
    households,
    towerShare,
    firstDelivery,
    deliverySpan,
    undelivered,
    registeredShare: age > 4 ? 0.97 : age > 2 ? 0.8 : 0.3,
    contractOnlyShare: age < 2 ? 0.2 : 0.01,
    commercial,
    shops,
    parking: withParking ? Math.round(households * random.float(0.3, 0.9)) : 0,
    parkingSoldShare: random.float(0.45, 0.9),
  };
}

export type CommitteeFate =
  | { outcome: 'none' }
  | { outcome: 'in_term' | 'term_ended'; termYears: 3 | 5; electedOn: string; termEnd: string };

/**
 * Whether the compound has an owners' committee, and its term. Only where the first meeting is
 * due (art. 20) can there be one, elected some months after it became due. Older and larger compounds have one more often; old work-unit
 * courtyards (散居楼院) seldom do; some committees let their term run out without re-electing.
 */
export function decideCommittee(
  random: Random,
  profile: CompoundProfile,
  opts: { triggeredSince: string | null; today: string },
): CommitteeFate {
  const { today } = opts;
  const age = daysBetween(profile.firstDelivery, today) / YEAR;
  const size = profile.households >= 400 ? 0.05 : profile.households < 150 ? -0.1 : 0;
  const chance = profile.scattered
    ? 0.4
    : Math.min(0.97, Math.max(0.05, 0.87 + 0.01 * Math.min(age, 20) + size - (age < 3 ? 0.25 : 0)));
  const has = random.next() < chance;
  const termYears: 3 | 5 = random.next() < 0.65 ? 5 : 3;
  const ended = random.next() < 0.07;
  const back = random.next();
  if (opts.triggeredSince === null || !has) return { outcome: 'none' };
  // Preparatory group, nomination, review and meeting take some months once the meeting is due.
  const earliest = addDays(opts.triggeredSince, 120);
  const endOf = (electedOn: string) => addDays(addYears(electedOn, termYears), -1);
  if (ended) {
    const termEnd = addDays(today, -1 - Math.floor(back * 720));
    const electedOn = addYears(addDays(termEnd, 1), -termYears);
    if (electedOn < earliest) return { outcome: 'none' };
    return { outcome: 'term_ended', termYears, electedOn, termEnd };
  }
  const termDays = daysBetween(addYears(today, -termYears), today);
  let electedOn = addDays(today, -Math.floor(back * (termDays - 1)));
  if (electedOn < earliest) {
    if (earliest > addDays(today, -20)) return { outcome: 'none' };
    electedOn = earliest;
  }
  return { outcome: 'in_term', termYears, electedOn, termEnd: endOf(electedOn) };
}
