// Owners who do not live in the compound: landlords and investors, with the ID number and mobile
// they would give at registration, sealed at once through the people module's own rules.
//
// Their numbers must never be a resident's: ID numbers carry address codes no demo resident has
// (people.numbers.ts draws home places from other lists), and are handed out from the grid's own
// lane of the number space by the people generator's allocator, so no two grids give the same one;
// phones use mobile prefixes residents are never given, from the grid's lane of subscriber numbers.

import type { Random } from '../../lib/random';
import { addDays } from '../people/people.ids';
import { drawGivenName, drawSurname } from '../people/people.names';
import { IdNumberAllocator } from '../people/people.numbers';
import type { SealedColumns, SealPerson } from './owners.types';

/** Home places of owners living elsewhere: Qingdao, Yantai, Jinan's 历城, Beijing, Shanghai, Shenzhen, Nanjing, Tianjin's 和平. */
export const ELSEWHERE_CODES = [
  '370202',
  '370212',
  '370213',
  '370602',
  '370112',
  '110105',
  '110108',
  '310115',
  '440305',
  '320106',
  '120101',
] as const;

/** Prefixes of the three carriers that people.numbers.ts never hands to residents. */
export const ELSEWHERE_PREFIXES = ['130', '131', '132', '134', '153', '173', '176', '191', '198'] as const;

const SUBSCRIBER_NUMBERS = 100_000_000;

export interface Outsider extends SealedColumns {
  name: string;
}

/** Makes the outside owners of one grid; one maker for the whole grid keeps their numbers single. */
export class OutsiderMaker {
  readonly #ids: IdNumberAllocator;
  readonly #phones = new Set<string>();

  constructor(
    private readonly lane: number,
    private readonly lanes: number,
    private readonly today: string,
    private readonly seal: SealPerson,
  ) {
    this.#ids = new IdNumberAllocator(lane, lanes, today);
  }

  make(random: Random): Outsider {
    const gender = random.next() < 0.58 ? 'male' : 'female';
    const age = random.int(32, 76);
    const code = random.pick(ELSEWHERE_CODES);
    const number = this.#ids.allocate(random, {
      addressCode: () => code,
      birthDate: addDays(this.today, -Math.floor(age * 365.25) - random.int(0, 364)),
      gender,
      legacy: false,
    });
    const name = `${drawSurname(random)}${drawGivenName(random, gender, Number(number.birthDate.slice(0, 4)))}`;
    return { name, ...this.seal({ idNumber: number.value, phone: this.#phone(random) }, this.today) };
  }

  #phone(random: Random): string {
    const top = Math.floor((SUBSCRIBER_NUMBERS - 1 - this.lane) / this.lanes);
    for (;;) {
      const subscriber = this.lane + this.lanes * random.int(0, top);
      const phone = `${random.pick(ELSEWHERE_PREFIXES)}${String(subscriber).padStart(8, '0')}`;
      if (!this.#phones.has(phone)) {
        this.#phones.add(phone);
        return phone;
      }
    }
  }
}
