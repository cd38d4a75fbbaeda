import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../lib/id-number';
import { parseMobile } from '../../lib/phone';
import { createRandom } from '../../lib/random';
import { addDays, dateOfDay, dayNumber } from './people.ids';
import { binzhouCodeAt, IdNumberAllocator, PhoneAllocator } from './people.numbers';

const TODAY = '2026-11-27';

describe('ID numbers of demo residents', () => {
  it('carry the code of the county as it was when the holder was born', () => {
    expect(binzhouCodeAt('371602', '1975-03-02')).toBe('372301');
    expect(binzhouCodeAt('371602', '2000-06-01')).toBe('371602');
    expect(binzhouCodeAt('371681', '2010-01-01')).toBe('371626');
    expect(binzhouCodeAt('371681', '2019-01-01')).toBe('371681');
    expect(binzhouCodeAt('371603', '2005-05-05')).toBe('371624');
  });

  it('are valid GB 11643 numbers encoding the sex and a birth date within days of the one asked', () => {
    const random = createRandom('numbers');
    const ids = new IdNumberAllocator(3, 1459, TODAY);
    for (let i = 0; i < 2000; i++) {
      const birthDate = addDays(TODAY, -random.int(0, 36_000));
      const gender = random.next() < 0.5 ? 'male' : 'female';
      const n = ids.allocate(random, {
        addressCode: (d) => binzhouCodeAt('371602', d),
        birthDate,
        gender,
        legacy: random.next() < 0.1,
      });
      const parsed = parseIdNumber(n.entered, { today: TODAY });
      expect(parsed).toMatchObject({ ok: true, value: n.value, birthDate: n.birthDate, gender });
      expect(Math.abs(dayNumber(n.birthDate) - dayNumber(birthDate))).toBeLessThanOrEqual(6);
      expect(n.birthDate <= TODAY).toBe(true);
    }
  });

  it('never repeat across grids, whatever the lanes and birth dates asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 200 })), { minLength: 2, maxLength: 6 }),
        (lanes, grids) => {
          const seen = new Set<string>();
          grids.forEach(([laneSeed, count], g) => {
            const lane = laneSeed % lanes;
            if (grids.slice(0, g).some(([other]) => other % lanes === lane)) return;
            const random = createRandom(`grid-${g}`);
            const ids = new IdNumberAllocator(lane, lanes, TODAY);
            for (let i = 0; i < count; i++) {
              // Many people born the same few days: the worst case for collisions.
              const n = ids.allocate(random, {
                addressCode: () => '371602',
                birthDate: addDays('1988-04-01', random.int(0, 3)),
                gender: random.next() < 0.5 ? 'male' : 'female',
                legacy: false,
              });
              expect(seen.has(n.value)).toBe(false);
              seen.add(n.value);
            }
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('are not handed out when someone holds them already', () => {
    const first = new IdNumberAllocator(0, 1, TODAY).allocate(createRandom('a'), {
      addressCode: () => '371602',
      birthDate: '1990-01-01',
      gender: 'female',
      legacy: false,
    });
    const again = new IdNumberAllocator(0, 1, TODAY, new Set([first.value])).allocate(createRandom('a'), {
      addressCode: () => '371602',
      birthDate: '1990-01-01',
      gender: 'female',
      legacy: false,
    });
    expect(again.value).not.toBe(first.value);
  });
});

describe('phone numbers of demo residents', () => {
  it('are mainland mobiles, different in every grid', () => {
    const seen = new Set<string>();
    for (let lane = 0; lane < 30; lane++) {
      const phones = new PhoneAllocator(lane, 30);
      const random = createRandom(lane);
      for (let i = 0; i < 300; i++) {
        const phone = phones.allocate(random);
        expect(parseMobile(phone)).toMatchObject({ ok: true });
        expect(seen.has(phone)).toBe(false);
        seen.add(phone);
      }
    }
  });
});

describe('day numbers', () => {
  it('agree with the Gregorian calendar of Date over two centuries', () => {
    for (let t = Date.UTC(1880, 0, 1); t < Date.UTC(2080, 0, 1); t += 86_400_000 * 7) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(t / 86_400_000);
      expect(dateOfDay(t / 86_400_000)).toBe(iso);
    }
  });
});
