// Chinese resident identity numbers (公民身份号码), GB 11643-1999:
//   6-digit address code (GB/T 2260) + 8-digit birth date YYYYMMDD + 3-digit sequence
//   (odd for men, even for women) + 1 check character (ISO 7064:1983 MOD 11-2).
// Numbers issued before 1999 have 15 digits: 6-digit address code + YYMMDD (19xx) +
// 3-digit sequence, and no check character.

export type IdNumberError =
  | 'empty'
  | 'bad_characters'
  | 'bad_length'
  | 'bad_address_code'
  | 'bad_date'
  | 'date_before_1880'
  | 'future_date'
  | 'bad_check_character';

export interface ParsedIdNumber {
  ok: true;
  /** The 18-character number, check character upper-case; 15-digit numbers are converted. */
  value: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'male' | 'female';
  /** The six-digit GB/T 2260 code of the place of registration when the number was issued. */
  addressCode: string;
}

export type IdNumberResult = ParsedIdNumber | { ok: false; reason: IdNumberError };

export interface ParseIdNumberOptions {
  /** The day birth dates may not be after: a Date (read as a calendar day in China, UTC+8) or YYYY-MM-DD. */
  today?: Date | string;
}

// ISO 7064 MOD 11-2 as tabulated in GB 11643-1999 §8.2: weight of position i is 2^(17-i) mod 11.
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

// First two digits of GB/T 2260 codes. 71 Taiwan, 81 Hong Kong, 82 Macao; 83 is the prefix of
// the numbers on residence permits for Taiwan residents (港澳台居民居住证, 2018), which follow
// GB 11643 and may be registered by residents living in Binzhou.
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

// The earliest birth date GB 11643-1999 uses in its own examples (440524188001010014); anything
// earlier is a typo, not a living resident.
const EARLIEST_BIRTH_DATE = '1880-01-01';

const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The ISO 7064 MOD 11-2 check character ('0'–'9' or 'X') for the first 17 digits of an ID number. */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('idNumberCheckCharacter expects exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * CHECK_WEIGHTS[i]!;
  }
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Validates and normalizes a resident ID number (18 digits, or a legacy 15-digit number, which is
 * converted to 18). Only the province prefix of the address code is checked: codes retired from
 * GB/T 2260 (e.g. 371626, the former 邹平县) stay on the IDs issued under them.
 */
export function parseIdNumber(raw: string, options: ParseIdNumberOptions = {}): IdNumberResult {
  // NFKC turns full-width digits and Ｘ, common from Chinese input methods, into ASCII.
  const input = raw.normalize('NFKC').trim().toUpperCase();
  if (input === '') return fail('empty');
  if (!/^[0-9X]+$/.test(input)) return fail('bad_characters');
  if (input.length !== 18 && input.length !== 15) return fail('bad_length');
  // X may only stand as the check character of an 18-character number.
  if (input.length === 18 ? !/^\d{17}[\dX]$/.test(input) : !/^\d{15}$/.test(input)) {
    return fail('bad_characters');
  }

  const first17 = input.length === 18 ? input.slice(0, 17) : `${input.slice(0, 6)}19${input.slice(6)}`;

  const addressCode = first17.slice(0, 6);
  if (!PROVINCE_CODES.has(addressCode.slice(0, 2))) return fail('bad_address_code');

  const year = Number(first17.slice(6, 10));
  const month = Number(first17.slice(10, 12));
  const day = Number(first17.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail('bad_date');
  const birthDate = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  if (birthDate < EARLIEST_BIRTH_DATE) return fail('date_before_1880');
  if (birthDate > calendarDay(options.today ?? new Date())) return fail('future_date');

  const check = idNumberCheckCharacter(first17);
  if (input.length === 18 && input[17] !== check) return fail('bad_check_character');

  return {
    ok: true,
    value: first17 + check,
    birthDate,
    gender: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
    addressCode,
  };
}

function fail(reason: IdNumberError): IdNumberResult {
  return { ok: false, reason };
}

// Gregorian calendar: 2000 was a leap year, 1900 was not.
function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function calendarDay(today: Date | string): string {
  if (typeof today === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError('today must be a Date or YYYY-MM-DD');
    return today;
  }
  if (Number.isNaN(today.getTime())) throw new RangeError('today is an invalid Date');
  // Birth dates on Chinese IDs are China calendar days; China keeps UTC+8 all year.
  return new Date(today.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
