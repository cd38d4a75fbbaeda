// Who lives in a household: its size (1–6, mean about 2.6, as in urban Shandong's 2020 census) and
// members whose relations and ages fit one another — a child born when the mother was 22 to 36, the
// head's parents 22 to 36 years older than the head, grandchildren of a grown child.

import type { Random } from '../../lib/random';
import { drawSurname, weightedPicker } from './people.names';

export type Gender = 'male' | 'female';
export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'in_law';
export type ResidenceType = 'registered' | 'resident_non_registered' | 'floating';

export interface PersonDraft {
  relation: Relation;
  gender: Gender;
  /** Whole years on the day of the load. */
  age: number;
  surname: string;
  residenceType: ResidenceType;
}

export interface HouseholdDraft {
  /** The household's registration: its members share it unless one of them came later (a parent from the countryside). */
  residenceType: ResidenceType;
  members: PersonDraft[];
}

// Household shares ≈ 76% registered, 12% living here without registration, 12% floating; floating
// households are smaller and some registered households took in a parent from elsewhere, so by
// person the split comes out near 75 / 15 / 10.
const drawResidence = weightedPicker<ResidenceType>([
  ['registered', 76],
  ['resident_non_registered', 12],
  ['floating', 12],
]);
const drawSize = weightedPicker([
  [1, 21],
  [2, 31],
  [3, 25],
  [4, 13],
  [5, 7],
  [6, 3],
]);
const drawFloatingSize = weightedPicker([
  [1, 38],
  [2, 28],
  [3, 24],
  [4, 10],
]);

const other = (g: Gender): Gender => (g === 'male' ? 'female' : 'male');
const clampAge = (age: number) => Math.max(0, Math.min(99, Math.round(age)));

class Household {
  readonly members: PersonDraft[] = [];
  constructor(
    readonly random: Random,
    readonly residenceType: ResidenceType,
  ) {}

  add(relation: Relation, gender: Gender, age: number, surname?: string): PersonDraft {
    const person: PersonDraft = {
      relation,
      gender,
      age: clampAge(age),
      surname: surname ?? drawSurname(this.random),
      residenceType: this.residenceType,
    };
    this.members.push(person);
    return person;
  }

  /** A head and spouse; the head is the husband in most couples, as household registers have it. */
  couple(headAge: number): [PersonDraft, PersonDraft] {
    const headGender: Gender = this.random.next() < 0.72 ? 'male' : 'female';
    const head = this.add('head', headGender, headAge);
    const gap = this.random.int(-1, 4);
    const spouse = this.add(
      'spouse',
      other(headGender),
      headGender === 'male' ? headAge - gap : headAge + gap,
    );
    return [head, spouse];
  }

  /** A child of the couple: the father's surname, now and then the mother's. */
  child(father: PersonDraft, age: number, relation: Relation = 'child'): PersonDraft {
    const surname = this.random.next() < 0.95 ? father.surname : undefined;
    return this.add(relation, this.random.next() < 0.515 ? 'male' : 'female', age, surname);
  }

  /** The head's father and/or mother; a parent who came from elsewhere to help is often not registered here. */
  parents(of: PersonDraft, count: 1 | 2): void {
    const fatherAge = of.age + this.random.int(24, 34);
    const pick = count === 2 ? ['male', 'female'] : [this.random.next() < 0.35 ? 'male' : 'female'];
    for (const gender of pick as Gender[]) {
      const person = this.add(
        'parent',
        gender,
        gender === 'male' ? fatherAge : fatherAge - this.random.int(0, 4),
        gender === 'male' ? of.surname : undefined,
      );
      if (this.residenceType === 'registered' && this.random.next() < 0.35)
        person.residenceType = 'resident_non_registered';
    }
  }
}

const husbandOf = (a: PersonDraft, b: PersonDraft) => (a.gender === 'male' ? a : b);

/** A couple with children whose eldest is `eldest` years old; the mother was 23–35 at the birth. */
function familyWithChildren(h: Household, eldest: number, children: number): [PersonDraft, PersonDraft] {
  const motherAge = eldest + h.random.int(23, 35);
  const [head, spouse] = h.couple(motherAge + 2);
  const father = husbandOf(head, spouse);
  let age = eldest;
  for (let i = 0; i < children; i++) {
    h.child(father, age);
    age = Math.max(0, age - h.random.int(2, 10));
  }
  return [head, spouse];
}

/** Three generations under one roof: an older couple, their grown child with a spouse, grandchildren. */
function threeGenerations(h: Household, random: Random, grandchildren: number): void {
  const childAge = random.int(27, 42);
  const [head, spouse] = h.couple(childAge + random.int(24, 32));
  const son = random.next() < 0.78;
  const child = h.child(husbandOf(head, spouse), childAge);
  child.gender = son ? 'male' : 'female';
  const partner = h.add(
    'in_law',
    other(child.gender),
    childAge + (son ? -random.int(0, 3) : random.int(0, 3)),
  );
  const mother = son ? partner : child;
  const father = son ? child : partner;
  let age = Math.max(0, mother.age - random.int(23, 33));
  for (let i = 0; i < grandchildren; i++) {
    h.child(father, age, 'grandchild');
    age = Math.max(0, age - random.int(2, 8));
  }
}

/** One household: its registration and its members, head first. */
export function draftHousehold(random: Random): HouseholdDraft {
  const residenceType = drawResidence(random);
  const size = residenceType === 'floating' ? drawFloatingSize(random) : drawSize(random);
  const h = new Household(random, residenceType);
  const x = random.next();
  const floating = residenceType === 'floating';
  switch (size) {
    case 1: {
      // Young people on their own, a few in mid-life, and many widowed elderly (more often women).
      if (x < (floating ? 0.75 : 0.42))
        h.add('head', random.next() < 0.55 ? 'male' : 'female', random.int(19, 34));
      else if (x < (floating ? 0.97 : 0.62))
        h.add('head', random.next() < 0.5 ? 'male' : 'female', random.int(35, 59));
      else h.add('head', random.next() < 0.36 ? 'male' : 'female', random.int(62, 93));
      break;
    }
    case 2: {
      if (x < (floating ? 0.1 : 0.45)) h.couple(random.int(52, 86));
      else if (x < 0.75) h.couple(random.int(23, 36));
      else if (x < 0.92) {
        const parent = h.add('head', random.next() < 0.3 ? 'male' : 'female', random.int(36, 58));
        h.child(parent, Math.max(0, parent.age - random.int(23, 34)));
      } else {
        const head = h.add('head', random.next() < 0.6 ? 'male' : 'female', random.int(42, 60));
        h.parents(head, 1);
      }
      break;
    }
    case 3: {
      if (x < 0.82) familyWithChildren(h, random.int(0, 26), 1);
      else if (x < 0.92) {
        const [head] = h.couple(random.int(30, 52));
        h.parents(head, 1);
      } else {
        const parent = h.add('head', random.next() < 0.25 ? 'male' : 'female', random.int(36, 52));
        h.child(parent, Math.max(0, parent.age - random.int(23, 32)));
        h.child(parent, Math.max(0, parent.age - random.int(30, 36)));
      }
      break;
    }
    case 4: {
      if (x < 0.58) familyWithChildren(h, random.int(3, 24), 2);
      else if (x < 0.85) {
        const [head] = familyWithChildren(h, random.int(0, 20), 1);
        h.parents(head, 1);
      } else threeGenerations(h, random, 0);
      break;
    }
    case 5: {
      if (x < 0.45) {
        const [head] = familyWithChildren(h, random.int(0, 18), 1);
        h.parents(head, 2);
      } else if (x < 0.75) threeGenerations(h, random, 1);
      else {
        const [head] = familyWithChildren(h, random.int(3, 18), 2);
        h.parents(head, 1);
      }
      break;
    }
    default: {
      if (x < 0.5) {
        const [head] = familyWithChildren(h, random.int(3, 16), 2);
        h.parents(head, 2);
      } else threeGenerations(h, random, 2);
    }
  }
  return { residenceType, members: h.members };
}
