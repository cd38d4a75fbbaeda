import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IdNumberError, idNumberCheckCharacter, parseIdNumber } from './id-number';

const TODAY = '2024-06-15';

/** A valid 18-character number built from its parts, so that tests read as the rule they check. */
function idNumber(addressCode: string, birth: string, sequence: string): string {
  const first17 = `${addressCode}${birth}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
}

describe('idNumberCheckCharacter', () => {
  it.each([
    // The two worked examples printed in GB 11643-1999 itself.
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['13050319670401001', '6'],
    ['37160219900101123', 'X'],
  ])('the check character of %s is %s (ISO 7064 MOD 11-2)', (first17, check) => {
    expect(idNumberCheckCharacter(first17)).toBe(check);
  });

  it.each(['1101051949123100', '110105194912310021', '1101051949123100A'])(
    'refuses a body that is not exactly 17 digits: %s',
    (body) => {
      expect(() => idNumberCheckCharacter(body)).toThrow(RangeError);
    },
  );
});

describe('parseIdNumber', () => {
  it('reads birth date, gender and address code from a valid 18-digit number', () => {
    expect(parseIdNumber('440524188001010014', { today: TODAY })).toEqual({
      ok: true,
      value: '440524188001010014',
      birthDate: '1880-01-01',
      gender: 'male',
      addressCode: '440524',
    });
  });

  it('accepts the check character X and reads an even 17th digit as female', () => {
    expect(parseIdNumber('11010519491231002X', { today: TODAY })).toMatchObject({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it('accepts a lower-case x and stores it upper-case', () => {
    expect(parseIdNumber('11010519491231002x', { today: TODAY })).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('trims surrounding spaces, including a full-width space and full-width digits from a Chinese IME', () => {
    expect(parseIdNumber('\u3000 １１０１０５１９４９１２３１００２ｘ \n', { today: TODAY })).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('converts a legacy 15-digit number to 18 digits with a 19xx birth year and a computed check character', () => {
    expect(parseIdNumber('130503670401001', { today: TODAY })).toEqual({
      ok: true,
      value: '130503196704010016',
      birthDate: '1967-04-01',
      gender: 'male',
      addressCode: '130503',
    });
  });

  it('converts the 15-digit form of the GB 11643 example to the 18-digit number the standard prints', () => {
    expect(parseIdNumber('110105491231002', { today: TODAY })).toMatchObject({
      ok: true,
      value: '11010519491231002X',
      gender: 'female',
    });
  });

  it('accepts the retired address code 371626 (former 邹平县), since only the province prefix is checked', () => {
    const value = idNumber('371626', '19850615', '003');
    expect(parseIdNumber(value, { today: TODAY })).toMatchObject({ ok: true, addressCode: '371626', value });
  });

  it.each([
    ['a leap day in 2000 (divisible by 400)', '20000229', true],
    ['a leap day in 2024', '20240229', true],
    ['a leap day in 1900 (divisible by 100, not 400)', '19000229', false],
    ['a leap day in 2023', '20230229', false],
    ['the 31st of April', '19900431', false],
    ['month 13', '19901301', false],
    ['month 00', '19900001', false],
    ['day 00', '19900100', false],
    ['the 31st of December', '19901231', true],
  ])('%s is judged as a calendar date', (_label, birth, valid) => {
    const result = parseIdNumber(idNumber('371602', birth, '123'), { today: TODAY });
    expect(result.ok ? 'ok' : result.reason).toBe(valid ? 'ok' : 'bad_date');
  });

  it('rejects a 15-digit number whose YYMMDD is not a 19xx calendar date', () => {
    // 00-02-29 reads as 1900-02-29 on a legacy number, which did not exist.
    expect(parseIdNumber('371602000229123', { today: TODAY })).toEqual({ ok: false, reason: 'bad_date' });
  });

  it('accepts a birth date of today but not tomorrow, relative to the injected today', () => {
    const bornToday = idNumber('371602', '20240615', '123');
    const bornTomorrow = idNumber('371602', '20240616', '123');
    expect(parseIdNumber(bornToday, { today: TODAY }).ok).toBe(true);
    expect(parseIdNumber(bornTomorrow, { today: TODAY })).toEqual({ ok: false, reason: 'future_date' });
  });

  it('reads an injected Date as the calendar day in China (UTC+8)', () => {
    const bornOn15th = idNumber('371602', '20240615', '123');
    // 2024-06-14T17:00Z is 01:00 on 15 June in Binzhou.
    expect(parseIdNumber(bornOn15th, { today: new Date('2024-06-14T17:00:00Z') }).ok).toBe(true);
    expect(parseIdNumber(bornOn15th, { today: new Date('2024-06-14T15:00:00Z') })).toEqual({
      ok: false,
      reason: 'future_date',
    });
  });

  it('accepts 1880-01-01 and rejects anything earlier', () => {
    expect(parseIdNumber(idNumber('440524', '18800101', '001'), { today: TODAY }).ok).toBe(true);
    expect(parseIdNumber(idNumber('440524', '18791231', '001'), { today: TODAY })).toEqual({
      ok: false,
      reason: 'date_before_1880',
    });
  });

  it.each<[string, string, IdNumberError]>([
    ['empty input', '', 'empty'],
    ['only spaces', '   ', 'empty'],
    ['17 digits', '11010519491231002', 'bad_length'],
    ['19 digits', '4405241880010100140', 'bad_length'],
    ['16 digits', '1301036704010011', 'bad_length'],
    ['a letter in the middle', '4405241880A1010014', 'bad_characters'],
    ['X anywhere but the last place', '11010519491231X002', 'bad_characters'],
    ['X at the end of a 15-digit number', '13050367040100X', 'bad_characters'],
    ['a space inside the number', '440524 188001010014', 'bad_characters'],
    ['a hyphen inside the number', '440524-18800101-0014', 'bad_characters'],
    ['province code 99', idNumber('991234', '19900101', '123'), 'bad_address_code'],
    ['province code 00', idNumber('001234', '19900101', '123'), 'bad_address_code'],
    ['province code 10', idNumber('101234', '19900101', '123'), 'bad_address_code'],
    ['a wrong check digit', '440524188001010015', 'bad_check_character'],
    ['a digit where X belongs', '110105194912310020', 'bad_check_character'],
    ['two swapped digits', '440524188001010104', 'bad_check_character'],
  ])('rejects %s', (_label, raw, reason) => {
    expect(parseIdNumber(raw, { today: TODAY })).toEqual({ ok: false, reason });
  });

  it('refuses a today option that is not a day', () => {
    expect(() => parseIdNumber('440524188001010014', { today: '15/06/2024' })).toThrow(RangeError);
    expect(() => parseIdNumber('440524188001010014', { today: new Date('nonsense') })).toThrow(RangeError);
  });

  it('uses the current day when no today is given', () => {
    expect(parseIdNumber('440524188001010014').ok).toBe(true);
    expect(parseIdNumber(idNumber('371602', '29991231', '123'))).toEqual({
      ok: false,
      reason: 'future_date',
    });
  });
});

const provinces = [
  '11',
  '15',
  '21',
  '23',
  '31',
  '37',
  '41',
  '46',
  '50',
  '54',
  '61',
  '65',
  '71',
  '81',
  '82',
  '83',
];
const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const birthDates = fc
  .date({ min: new Date('1880-01-01T00:00:00Z'), max: new Date('2024-06-15T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const validBodies = fc
  .tuple(fc.constantFrom(...provinces), digits(4), birthDates, digits(3))
  .map(
    ([province, rest, birthDate, sequence]) =>
      `${province}${rest}${birthDate.replaceAll('-', '')}${sequence}`,
  );

describe('parseIdNumber properties', () => {
  it('every valid 17-digit body with its computed check character parses to itself', () => {
    fc.assert(
      fc.property(validBodies, (first17) => {
        const value = first17 + idNumberCheckCharacter(first17);
        const result = parseIdNumber(value, { today: TODAY });
        expect(result).toMatchObject({ ok: true, value, addressCode: first17.slice(0, 6) });
        if (result.ok) {
          expect(result.birthDate.replaceAll('-', '')).toBe(first17.slice(6, 14));
          expect(result.gender).toBe(Number(first17[16]) % 2 === 1 ? 'male' : 'female');
        }
      }),
    );
  });

  it('any other final character on a valid body is a bad check character', () => {
    fc.assert(
      fc.property(validBodies, fc.constantFrom(...'0123456789X'), (first17, last) => {
        fc.pre(last !== idNumberCheckCharacter(first17));
        expect(parseIdNumber(first17 + last, { today: TODAY })).toEqual({
          ok: false,
          reason: 'bad_check_character',
        });
      }),
    );
  });

  it('changing any one digit of a valid number is detected (MOD 11-2 catches all single-digit errors)', () => {
    fc.assert(
      fc.property(
        validBodies,
        fc.nat({ max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (first17, position, delta) => {
          const value = first17 + idNumberCheckCharacter(first17);
          const changed = (Number(value[position]) + delta) % 10;
          const typo = `${value.slice(0, position)}${changed}${value.slice(position + 1)}`;
          expect(parseIdNumber(typo, { today: TODAY }).ok).toBe(false);
        },
      ),
    );
  });

  it('a legacy 15-digit number and its 18-digit form parse to the same value', () => {
    const legacyBirths = birthDates.filter((date) => date.startsWith('19'));
    fc.assert(
      fc.property(
        fc.constantFrom(...provinces),
        digits(4),
        legacyBirths,
        digits(3),
        (province, rest, birth, seq) => {
          const yymmdd = birth.slice(2).replaceAll('-', '');
          const legacy = parseIdNumber(`${province}${rest}${yymmdd}${seq}`, { today: TODAY });
          const modern = parseIdNumber(idNumber(`${province}${rest}`, birth.replaceAll('-', ''), seq), {
            today: TODAY,
          });
          expect(legacy).toEqual(modern);
          expect(legacy.ok).toBe(true);
        },
      ),
    );
  });
});
