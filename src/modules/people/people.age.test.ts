import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, birthRangeForAges } from './people.age';

describe('ages in full years', () => {
  it.each([
    ['1990-05-10', '2026-05-09', 35],
    ['1990-05-10', '2026-05-10', 36],
    ['1990-05-10', '2026-12-31', 36],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2026-01-01', '2026-01-01', 0],
  ])('someone born on %s is aged %s on %s', (birth, today, age) => {
    expect(ageOn(birth, today)).toBe(age);
  });

  it('an unknown birth date or one after today has no age', () => {
    expect(ageOn(null, '2026-01-01')).toBeNull();
    expect(ageOn('2027-01-01', '2026-01-01')).toBeNull();
  });

  it('the birth-date range for 60 to 69 year-olds on 2026-05-10', () => {
    expect(birthRangeForAges({ min: 60, max: 69 }, '2026-05-10')).toEqual({
      bornFrom: '1956-05-11',
      bornTo: '1966-05-10',
    });
  });

  it('a birth date lies in the range exactly when the age lies between min and max', () => {
    const day = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.nat(100), fc.nat(20), (birth, today, min, span) => {
        const max = min + span;
        const { bornFrom, bornTo } = birthRangeForAges({ min, max }, today);
        const inRange = birth >= (bornFrom as string) && birth <= (bornTo as string);
        const age = ageOn(birth, today);
        expect(inRange).toBe(age !== null && age >= min && age <= max);
      }),
    );
  });
});
