import { describe, expect, it } from 'vitest';
import { createRandom } from '../../lib/random';
import { draftHousehold, type HouseholdDraft } from './people.households';

const households: HouseholdDraft[] = [];
const random = createRandom('households');
for (let i = 0; i < 20_000; i++) households.push(draftHousehold(random));

describe('demo households', () => {
  it('hold 1 to 6 people, about 2.6 on average, as urban Shandong households do', () => {
    const sizes = households.map((h) => h.members.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(6);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(2.45);
    expect(mean).toBeLessThan(2.75);
  });

  it('have one head, listed first, who is an adult', () => {
    const odd = households.filter(
      (h) =>
        h.members.filter((m) => m.relation === 'head').length !== 1 ||
        h.members[0]!.relation !== 'head' ||
        h.members[0]!.age < 18,
    );
    expect(odd).toEqual([]);
  });

  it('give a spouse the other sex, and ages that fit the relations', () => {
    const misfits = households.filter((h) => {
      const head = h.members[0]!;
      const spouse = h.members.find((m) => m.relation === 'spouse');
      if (spouse && (spouse.gender === head.gender || Math.abs(spouse.age - head.age) > 5)) return true;
      const eldestParent = Math.max(head.age, spouse?.age ?? 0);
      const grown = Math.max(
        ...h.members.filter((m) => m.relation === 'child' || m.relation === 'in_law').map((m) => m.age),
      );
      return h.members.some(
        (m) =>
          (m.relation === 'child' && eldestParent - m.age < 20) ||
          (m.relation === 'parent' && m.age - head.age < 20) ||
          (m.relation === 'grandchild' && grown - m.age < 20),
      );
    });
    expect(misfits).toEqual([]);
  });

  it('come out about three in four registered here, by person', () => {
    const people = households.flatMap((h) => h.members);
    const share = (type: string) => people.filter((p) => p.residenceType === type).length / people.length;
    expect(share('registered')).toBeGreaterThan(0.72);
    expect(share('registered')).toBeLessThan(0.79);
    expect(share('resident_non_registered')).toBeGreaterThan(0.12);
    expect(share('floating')).toBeGreaterThan(0.07);
    expect(share('floating')).toBeLessThan(0.13);
  });
});
