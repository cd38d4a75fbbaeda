// The residents of one grid, household by household, with the plaintext numbers they would give at
// registration. Nothing here is stored as it is: people.seal.ts turns the numbers into ciphertext,
// blind index and masked form before any row is written.

import { createRandom } from '../../lib/random';
import { draftHousehold, type Gender, type Relation, type ResidenceType } from './people.households';
import { addDays, ageOn, chunkIds, earlierDate } from './people.ids';
import { drawEthnicity, drawGivenName } from './people.names';
import { binzhouCodeAt, drawOrigin, IdNumberAllocator, originCodeAt, PhoneAllocator } from './people.numbers';
import type { GridPlaces, HouseholdPlace } from './people.places';

export interface DemoResident {
  id: string;
  householdCode: string;
  path: string;
  name: string;
  gender: Gender;
  birthDate: string;
  ethnicity: string;
  /** The ID number as entered (18 characters, or 15 digits for a few old numbers); sealed before storage. */
  idNumber: string;
  /** The normalised 18-character number, for uniqueness checks; never stored. */
  idNumberValue: string;
  phone: string | null;
  relationToHead: Relation;
  residenceType: ResidenceType;
  // Facts the later draws (party, talents, roles) read; not columns.
  age: number;
  buildingIndex: number;
  household: HouseholdPlace;
  /** 退休干部: retired from a government or public post (a few of the registered elderly). */
  retiredCadre: boolean;
}

export interface ResidentContext {
  seed: string;
  today: string;
  /** ID numbers registered by hand already, which the generator must not hand out again. */
  takenIdNumbers?: ReadonlySet<string>;
}

const YEAR_DAYS = 365.25;

/** Every household of the grid gets its members; the same grid, seed and day give the same people. */
export function generateResidents(places: GridPlaces, ctx: ResidentContext): DemoResident[] {
  const random = createRandom(`${ctx.seed}:people:${places.grid.code}`);
  const { ordinal } = places.grid;
  const ids = chunkIds('residents', ordinal);
  const idNumbers = new IdNumberAllocator(ordinal, places.lanes, ctx.today, ctx.takenIdNumbers);
  const phones = new PhoneAllocator(ordinal, places.lanes);
  const residents: DemoResident[] = [];
  places.buildings.forEach((building, buildingIndex) => {
    for (const household of building.households) {
      const draft = draftHousehold(random);
      const origin =
        draft.residenceType === 'registered' ? null : drawOrigin(random, draft.residenceType === 'floating');
      const ethnicity = drawEthnicity(random);
      draft.members.forEach((person, index) => {
        const wanted = addDays(ctx.today, -Math.floor(person.age * YEAR_DAYS + random.int(0, 364)));
        const birthDate = earlierDate(wanted, ctx.today);
        // A parent who joined a registered household from elsewhere keeps the number of home.
        const personOrigin =
          person.residenceType === draft.residenceType ? origin : drawOrigin(random, false);
        const number = idNumbers.allocate(random, {
          addressCode: (date) =>
            personOrigin ? originCodeAt(personOrigin, date) : binzhouCodeAt(places.countyCode, date),
          birthDate,
          gender: person.gender,
          legacy: birthDate < '1980-01-01' && random.next() < 0.03,
        });
        const age = ageOn(number.birthDate, ctx.today);
        const phoneShare = age >= 80 ? 0.72 : age >= 18 ? 0.97 : age >= 14 ? 0.5 : 0;
        residents.push({
          id: ids(`${household.code}:${index}`),
          householdCode: household.code,
          path: household.path,
          name: `${person.surname}${drawGivenName(random, person.gender, Number(number.birthDate.slice(0, 4)))}`,
          gender: person.gender,
          birthDate: number.birthDate,
          ethnicity: random.next() < 0.97 ? ethnicity : drawEthnicity(random),
          idNumber: number.entered,
          idNumberValue: number.value,
          phone: random.next() < phoneShare ? phones.allocate(random) : null,
          relationToHead: person.relation,
          residenceType: person.residenceType,
          age,
          buildingIndex,
          household,
          retiredCadre: person.residenceType === 'registered' && age >= 58 && random.next() < 0.03,
        });
      });
    }
  });
  return residents;
}
