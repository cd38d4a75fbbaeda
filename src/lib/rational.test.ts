import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  div,
  equals,
  fromDecimalString,
  mul,
  ONE,
  rational,
  sum,
  toDecimalString,
  toPercentString,
  ZERO,
} from './rational';

const arbRational = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }))
  .map(([n, d]) => rational(n, d));

describe('rational', () => {
  it('keeps fractions in lowest terms so that equal values are equal objects', () => {
    expect(rational(200, 300)).toEqual({ num: 2n, den: 3n });
    expect(rational(0, 7)).toEqual(ZERO);
    expect(rational(5n)).toEqual({ num: 5n, den: 1n });
  });

  it.each([
    ['a negative numerator', () => rational(-1, 2)],
    ['a zero denominator', () => rational(1, 0)],
    ['a negative denominator', () => rational(1, -2)],
    ['a fractional number', () => rational(0.5, 1)],
    ['an unsafe integer', () => rational(2 ** 53, 1)],
  ])('refuses %s', (_label, build) => {
    expect(build).toThrow(RangeError);
  });

  it('compares by cross-multiplication, exactly at two thirds', () => {
    expect(compare(rational(200, 300), rational(2, 3))).toBe(0);
    expect(compare(fromDecimalString('199.99'), mul(rational(2, 3), rational(300)))).toBe(-1);
    expect(compare(rational(1, 2), rational(1, 3))).toBe(1);
    expect(equals(rational(6, 4), rational(3, 2))).toBe(true);
  });

  it('adds, multiplies, divides and sums exactly', () => {
    expect(add(rational(1, 3), rational(1, 6))).toEqual(rational(1, 2));
    expect(mul(rational(2, 3), rational(3, 4))).toEqual(rational(1, 2));
    expect(div(rational(1, 2), rational(1, 4))).toEqual(rational(2));
    expect(sum([fromDecimalString('0.1'), fromDecimalString('0.2')])).toEqual(fromDecimalString('0.3'));
    expect(sum([])).toEqual(ZERO);
    expect(() => div(ONE, ZERO)).toThrow(RangeError);
  });

  it.each([
    ['123.45', 2469n, 20n],
    ['0.0001', 1n, 10000n],
    ['89.5000', 179n, 2n],
    ['100', 100n, 1n],
    ['007.50', 15n, 2n],
  ])('reads the decimal %s exactly', (text, num, den) => {
    expect(fromDecimalString(text)).toEqual({ num, den });
  });

  it.each(['', '-1', '+1', '1e3', '1.', '.5', '1,000.5', ' 1', '1.2.3', 'NaN'])(
    "refuses '%s' as an area",
    (text) => {
      expect(() => fromDecimalString(text)).toThrow(RangeError);
    },
  );

  it.each([
    [rational(1, 8), 2, '0.13'],
    [rational(1, 8), 3, '0.125'],
    [rational(2, 3), 2, '0.67'],
    [rational(1, 3), 2, '0.33'],
    [rational(5, 2), 0, '3'],
    [rational(1, 200), 2, '0.01'],
    [rational(199, 200), 2, '1.00'],
    [fromDecimalString('123.4550'), 2, '123.46'],
    [ZERO, 2, '0.00'],
    [rational(7), 4, '7.0000'],
  ])('displays %o with %i decimals as %s, rounding half up', (value, digits, text) => {
    expect(toDecimalString(value, digits)).toBe(text);
  });

  it('displays percentages', () => {
    expect(toPercentString(rational(2, 3))).toBe('66.67%');
    expect(toPercentString(rational(3, 4), 0)).toBe('75%');
    expect(toPercentString(ONE, 1)).toBe('100.0%');
  });

  it('round-trips four-decimal strings', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (tenThousandths) => {
        const text = toDecimalString(rational(tenThousandths, 10000n), 4);
        expect(fromDecimalString(text)).toEqual(rational(tenThousandths, 10000n));
      }),
    );
  });

  it('orders sums consistently: a + b is never less than a', () => {
    fc.assert(
      fc.property(arbRational, arbRational, (a, b) => {
        expect(compare(add(a, b), a)).toBeGreaterThanOrEqual(0);
        expect(compare(a, b)).toBe(-compare(b, a) || 0);
        expect(add(a, b)).toEqual(add(b, a));
      }),
    );
  });
});
