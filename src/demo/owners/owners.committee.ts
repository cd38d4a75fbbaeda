// A compound's owners' committee (业主委员会): 5, 7 or 9 owners living there (an odd number, at
// least five), a chair and one or two vice-chairs, a term of three or five years (Shandong art. 30
// allows at most five), filed with the street office within 30 days of the election (art. 25) —
// or late, or not at all. Since the city's campaign (the elections of the last two years) the
// party put its members on the candidate lists aiming at the 60% the owners'-committee list asks;
// committees elected earlier have the few members who happened to stand.

import type { Random } from '../../lib/random';
import { addDays } from './owners.ids';
import type { EligibleOwner } from './owners.register';

export type Post = 'chair' | 'vice_chair' | 'member';

export interface Seat {
  owner: EligibleOwner;
  post: Post;
}

/** Elections within this many days of today came through the campaign (and the platform). */
export const CAMPAIGN_DAYS = 540;

export function committeeSize(random: Random, households: number): number {
  const x = random.next();
  if (households < 150) return x < 0.8 ? 5 : 7;
  if (households < 400) return x < 0.25 ? 5 : x < 0.85 ? 7 : 9;
  return x < 0.5 ? 7 : 9;
}

/** How many party members the candidate list put forward for `seats` seats. */
export function partyTarget(random: Random, seats: number, campaign: boolean): number {
  const x = random.next();
  if (campaign) return x < 0.7 ? Math.ceil(seats * 0.6) : x < 0.9 ? Math.ceil(seats * 0.4) : 1;
  return x < 0.5 ? 0 : x < 0.85 ? 1 : 2;
}

/**
 * Seats the committee: party members up to the target (as many as live there), other owners of
 * working or retirement age for the rest; the chair is a party member more often than not when
 * there is one. Null when the compound has fewer than five owners to seat.
 */
export function seatCommittee(
  random: Random,
  eligible: readonly EligibleOwner[],
  seats: number,
  target: number,
): Seat[] | null {
  const party = random.shuffle(eligible.filter((e) => e.partyMemberId !== null));
  const others = random.shuffle(eligible.filter((e) => e.partyMemberId === null));
  const preferred = others.filter((e) => e.age >= 30 && e.age <= 72);
  const chosen = party.slice(0, Math.min(target, party.length));
  for (const pool of [preferred, others, party]) {
    for (const e of pool) {
      if (chosen.length >= seats) break;
      if (!chosen.includes(e)) chosen.push(e);
    }
  }
  const size = chosen.length >= seats ? seats : chosen.length - ((chosen.length + 1) % 2);
  if (size < 5) return null;
  const seated = random.shuffle(chosen.slice(0, size));
  const partySeated = seated.filter((e) => e.partyMemberId !== null);
  const chair = partySeated.length > 0 && random.next() < 0.8 ? random.pick(partySeated) : seated[0]!;
  const rest = seated.filter((e) => e !== chair);
  const vices = size >= 9 ? 2 : 1;
  return [
    { owner: chair, post: 'chair' },
    ...rest.map((owner, i): Seat => ({ owner, post: i < vices ? 'vice_chair' : 'member' })),
  ];
}

/** The day the committee was filed with the street office: mostly within 30 days, some late, some never. */
export function drawFiling(
  random: Random,
  electedOn: string,
  opts: { today: string; campaign: boolean },
): string | null {
  const x = random.next();
  const missing = opts.campaign ? 0 : 0.1;
  const days = x < missing ? null : x < missing + 0.09 ? random.int(31, 120) : random.int(5, 28);
  if (days === null) return null;
  const on = addDays(electedOn, days);
  return on <= opts.today ? on : null;
}
