import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MobileError, parseMobile } from './phone';

describe('parseMobile', () => {
  it.each([
    ['a plain 11-digit number', '13812345678'],
    ['the +86 form with spaces and hyphens', '+86 138-1234-5678'],
    ['the 0086 international prefix', '008613812345678'],
    ['a bare 86 country code followed by 11 digits', '8613812345678'],
    ['a number grouped 3-4-4 with spaces', '138 1234 5678'],
    ['a country code in parentheses', '(+86) 13812345678'],
    ['surrounding whitespace and a tab', ' \t13812345678\n'],
    ['full-width digits and plus sign from a Chinese IME', '＋８６ １３８１２３４５６７８'],
  ])('accepts %s', (_label, raw) => {
    expect(parseMobile(raw)).toEqual({ ok: true, value: '13812345678' });
  });

  it.each([
    '13012345678',
    '14512345678',
    '15912345678',
    '16612345678',
    '17712345678',
    '18812345678',
    '19912345678',
  ])('accepts the carrier prefix of %s', (raw) => {
    expect(parseMobile(raw)).toEqual({ ok: true, value: raw });
  });

  it.each<[string, string, MobileError]>([
    ['empty input', '', 'empty'],
    ['only separators', ' - ( ) ', 'empty'],
    ['prefix 12, which is not issued', '12812345678', 'bad_prefix'],
    ['prefix 10', '10012345678', 'bad_prefix'],
    ['prefix 11', '11012345678', 'bad_prefix'],
    ['a landline-like 11-digit number', '05433123456', 'bad_prefix'],
    ['11 digits that merely start with 86', '86123456789', 'bad_prefix'],
    ['10 digits', '1381234567', 'bad_format'],
    ['12 digits', '138123456789', 'bad_format'],
    ['a letter', '1381234567a', 'bad_format'],
    ['another country code', '+1 415 555 2671', 'bad_format'],
    ['+86 followed by too few digits', '+86 138 1234 567', 'bad_format'],
    ['a dot separator', '138.1234.5678', 'bad_format'],
    ['a plus sign in the middle', '138+12345678', 'bad_format'],
  ])('rejects %s', (_label, raw, reason) => {
    expect(parseMobile(raw)).toEqual({ ok: false, reason });
  });

  it('every valid number parses to itself, with or without a country code', () => {
    const mobiles = fc
      .tuple(
        fc.integer({ min: 3, max: 9 }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }),
      )
      .map(([second, rest]) => `1${second}${rest}`);
    fc.assert(
      fc.property(mobiles, fc.constantFrom('', '+86', '0086', '86', '+86 '), (mobile, prefix) => {
        expect(parseMobile(prefix + mobile)).toEqual({ ok: true, value: mobile });
      }),
    );
  });
});
