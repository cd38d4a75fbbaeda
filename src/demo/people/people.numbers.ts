// ID numbers (GB 11643) and mobile numbers for demo residents, unique across the whole city by
// construction: every grid owns a "lane" of the number space, so grids can be generated one at a
// time, in any order, after a restart, without ever seeing each other's numbers.
//
// An ID number's address code is where its holder was first registered, under the code in force
// then: a 滨城 resident born before June 2000 carries 372301 (the county-level 滨州市 of 滨州地区),
// one born since carries 371602; 邹平 went 372330 → 371626 → 371681 (2018).

import { idNumberCheckCharacter } from '../../lib/id-number';
import type { Random } from '../../lib/random';
import { dateOfDay, dayNumber } from './people.ids';
import { weightedPicker } from './people.names';

/** Codes of a county by era: [first day in force, code], newest first. */
const BINZHOU_ERAS: Record<string, readonly (readonly [string, string])[]> = {
  '371602': [
    ['2000-06-01', '371602'],
    ['', '372301'],
  ],
  '371603': [
    ['2014-10-20', '371603'],
    ['2000-06-01', '371624'],
    ['', '372324'],
  ],
  '371621': [
    ['2000-06-01', '371621'],
    ['', '372321'],
  ],
  '371622': [
    ['2000-06-01', '371622'],
    ['', '372322'],
  ],
  '371623': [
    ['2000-06-01', '371623'],
    ['', '372323'],
  ],
  '371625': [
    ['2000-06-01', '371625'],
    ['', '372325'],
  ],
  '371681': [
    ['2018-08-01', '371681'],
    ['2000-06-01', '371626'],
    ['', '372330'],
  ],
};

/** The code a person registered in a Binzhou county (its current code) got when born on `birthDate`. */
export function binzhouCodeAt(county: string, birthDate: string): string {
  const eras = BINZHOU_ERAS[county];
  if (!eras) return county;
  for (const [since, code] of eras) if (birthDate >= since) return code;
  return county;
}

/** Where residents without a local registration come from: a county of Binzhou (current code) or elsewhere. */
export type Origin = { binzhou: string } | { code: string };

const RURAL_BINZHOU = ['371621', '371622', '371623', '371625', '371603', '371681', '371602'] as const;
// Counties of other Shandong cities that send people to Binzhou: Jinan, Zibo, Dongying, Weifang, Dezhou, Liaocheng, Linyi.
const OTHER_SHANDONG = weightedPicker<string>([
  ['370102', 1],
  ['370103', 1],
  ['370303', 2],
  ['370302', 1],
  ['370502', 3],
  ['370503', 1],
  ['370523', 2],
  ['370702', 1],
  ['370781', 1],
  ['371402', 3],
  ['371425', 1],
  ['371426', 2],
  ['371502', 1],
  ['371321', 1],
]);
// Other provinces: mostly neighbouring Hebei and Henan, then Anhui, Jiangsu and the north-east.
const OTHER_PROVINCES = weightedPicker<string>([
  ['130902', 3],
  ['130984', 2],
  ['131121', 1],
  ['410526', 2],
  ['411421', 2],
  ['341221', 2],
  ['320321', 1],
  ['230103', 1],
  ['220104', 1],
  ['140105', 1],
  ['150102', 1],
  ['421023', 1],
  ['510722', 1],
  ['120110', 1],
]);

/** Home place of a household living here without registration here: nearer places more often. */
export function drawOrigin(random: Random, floating: boolean): Origin {
  const x = random.next();
  if (!floating && x < 0.6) return { binzhou: random.pick(RURAL_BINZHOU) };
  if (x < (floating ? 0.55 : 0.9)) return { code: OTHER_SHANDONG(random) };
  return { code: OTHER_PROVINCES(random) };
}

export function originCodeAt(origin: Origin, birthDate: string): string {
  return 'binzhou' in origin ? binzhouCodeAt(origin.binzhou, birthDate) : origin.code;
}

/** Sequence numbers per sex: 000–999, odd for men, even for women (GB 11643 §6.3). */
const SLOTS = 500;

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

export interface AllocatedIdNumber {
  /** The 18-character number. */
  value: string;
  /** What is typed in: the value, or its legacy 15-digit form (no century, no check character). */
  entered: string;
  /** The birth date the number encodes: the one asked for, or a day or two beside it. */
  birthDate: string;
}

/**
 * Hands out ID numbers to the residents of one grid. A (birth day, sequence slot) pair belongs to
 * lane `(day × 500 + slot) mod lanes`; grid `lane` only takes pairs of its own lane, so two grids
 * never produce the same number. Within the grid a set keeps each number single. When the asked
 * birth day has no free slot of the lane, the nearest day that has one is taken (at most a few days off).
 */
export class IdNumberAllocator {
  readonly #used = new Set<string>();
  readonly #excluded: ReadonlySet<string>;

  constructor(
    private readonly lane: number,
    private readonly lanes: number,
    private readonly today: string,
    /** Numbers known to be taken already (by someone registered by hand): never handed out. */
    excluded: ReadonlySet<string> = new Set(),
  ) {
    if (!(Number.isSafeInteger(lanes) && lanes >= 1 && lane >= 0 && lane < lanes))
      throw new RangeError(`lane ${lane} of ${lanes} is not a lane`);
    this.#excluded = excluded;
  }

  allocate(
    random: Random,
    opts: {
      addressCode: (birthDate: string) => string;
      birthDate: string;
      gender: 'male' | 'female';
      legacy: boolean;
    },
  ): AllocatedIdNumber {
    const wanted = dayNumber(opts.birthDate);
    const latest = dayNumber(this.today);
    for (let step = 0; step < 4 * this.lanes + 8; step++) {
      // 0, -1, +1, -2, +2 …: the nearest days first, never after today.
      const offset = step % 2 === 1 ? -((step + 1) >> 1) : step >> 1;
      const day = wanted + offset;
      if (day > latest) continue;
      const date = dateOfDay(day);
      const code = opts.addressCode(date);
      const first = mod(this.lane - day * SLOTS, this.lanes);
      const choices = first < SLOTS ? Math.floor((SLOTS - 1 - first) / this.lanes) + 1 : 0;
      if (choices === 0) continue;
      const start = random.int(0, choices - 1);
      for (let k = 0; k < choices; k++) {
        const slot = first + ((start + k) % choices) * this.lanes;
        const sequence = String(2 * slot + (opts.gender === 'male' ? 1 : 0)).padStart(3, '0');
        const first17 = `${code}${date.replaceAll('-', '')}${sequence}`;
        if (this.#used.has(first17)) continue;
        const value = first17 + idNumberCheckCharacter(first17);
        if (this.#excluded.has(value)) continue;
        this.#used.add(first17);
        // The 15-digit form exists only for people born in the 1900s, whose numbers date from before 1999.
        const legacy = opts.legacy && date < '1999-10-01';
        const entered = legacy ? `${code}${date.slice(2).replaceAll('-', '')}${sequence}` : value;
        return { value, entered, birthDate: date };
      }
    }
    throw new Error(`no free ID number near ${opts.birthDate} in lane ${this.lane} of ${this.lanes}`);
  }
}

// Mainland mobile prefixes of the three carriers (MIIT numbering plan).
const MOBILE_PREFIXES = [
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '158',
  '159',
  '166',
  '177',
  '178',
  '180',
  '181',
  '182',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
] as const;
const SUBSCRIBER_NUMBERS = 100_000_000;

/** Mobile numbers for one grid, from its own lane of the eight subscriber digits: unique city-wide. */
export class PhoneAllocator {
  readonly #used = new Set<string>();

  constructor(
    private readonly lane: number,
    private readonly lanes: number,
  ) {}

  allocate(random: Random): string {
    const top = Math.floor((SUBSCRIBER_NUMBERS - 1 - this.lane) / this.lanes);
    for (;;) {
      const subscriber = this.lane + this.lanes * random.int(0, top);
      const phone = `${random.pick(MOBILE_PREFIXES)}${String(subscriber).padStart(8, '0')}`;
      if (!this.#used.has(phone)) {
        this.#used.add(phone);
        return phone;
      }
    }
  }
}
