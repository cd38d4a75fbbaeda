// What kind of grid branch this is, drawn once per grid before its records are written: whether it
// was set up lately (and its members' relations are still in the community organisation), whether
// it has a secretary now, whether it keeps meeting, whether it has a place to meet. These are the
// facts behind the entity-operation checklist; the rate itself is never set, only read back from
// the records these facts produce (party.entity-operation.ts decides each branch).

import type { Random } from '../../lib/random';
import { addDays } from '../people/people.ids';

export interface BranchProfile {
  /** Set up within the last five months: relations not yet moved down, fewer groups. */
  young: boolean;
  establishedOn: string;
  secretary: 'in_post' | 'left' | 'never';
  /** regular: meets month by month; lapsed: stopped on `lapsedOn`; dormant: no meeting this year. */
  life: 'regular' | 'lapsed' | 'dormant';
  lapsedOn: string | null;
  hasMeetingPlace: boolean;
}

/** Grid party branches were set up city-wide in 2020–2023; a few since. */
export function drawBranchProfile(random: Random, today: string): BranchProfile {
  const young = random.next() < 0.07;
  const establishedOn = young
    ? addDays(today, -random.int(20, 150))
    : addDays('2020-03-01', random.int(0, 1400));
  const s = random.next();
  const secretary = young
    ? s < 0.55
      ? 'in_post'
      : 'never'
    : s < 0.88
      ? 'in_post'
      : s < 0.95
        ? 'left'
        : 'never';
  // A branch without a secretary more often stops meeting.
  const l = random.next();
  const [regular, lapsed] = secretary === 'in_post' ? [0.8, 0.94] : [0.45, 0.8];
  const life = young || l < regular ? 'regular' : l < lapsed ? 'lapsed' : 'dormant';
  return {
    young,
    establishedOn,
    secretary,
    life,
    lapsedOn: life === 'lapsed' ? addDays(today, -random.int(93, 330)) : null,
    hasMeetingPlace: random.next() < (young ? 0.6 : 0.92),
  };
}
