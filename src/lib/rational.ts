// Exact non-negative rational numbers over bigint.
//
// Legal thresholds (三分之二以上, 过半数, 四分之三以上) are decided on exact fractions: a
// floating-point ratio such as 200/300 cannot be compared with 2/3 reliably, and one hundredth
// of a square metre or one owner must be able to tip a decision. Use these for every decision;
// turn them into decimal strings only for display.

/** A fraction in lowest terms with a positive denominator; `num` is never negative. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

function toBigInt(value: bigint | number, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer or a bigint, got ${value}`);
  }
  return BigInt(value);
}

/** `n / d` in lowest terms. Throws a RangeError for a negative value or a zero denominator. */
export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  const num = toBigInt(n, 'numerator');
  const den = toBigInt(d, 'denominator');
  if (den <= 0n) throw new RangeError(`denominator must be positive, got ${den}`);
  if (num < 0n) throw new RangeError(`rationals here are non-negative, got numerator ${num}`);
  if (num === 0n) return { num: 0n, den: 1n };
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

export const ZERO: Rational = rational(0n);
export const ONE: Rational = rational(1n);

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  return compare(a, b) === 0;
}

export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** The sum of a list; zero for an empty list. */
export function sum(values: Iterable<Rational>): Rational {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

/** `a / b`; throws a RangeError when `b` is zero. */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('division by zero');
  return rational(a.num * b.den, a.den * b.num);
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Parses a plain non-negative decimal such as '123.45' or '0.0001' exactly (no exponent, sign,
 * spaces or thousands separators). Areas arrive with up to 4 decimals; any number of decimals is
 * accepted because the result is exact either way — limit the precision in the input schema.
 */
export function fromDecimalString(text: string): Rational {
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`not a non-negative decimal: '${text}'`);
  const whole = match[1]!;
  const fraction = match[2] ?? '';
  return rational(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}

/**
 * The value with exactly `digits` decimals, rounded half-up (0.125 → '0.13' at 2 digits).
 * For display only: decide on the Rational, never on this string.
 */
export function toDecimalString(r: Rational, digits = 2): string {
  if (!Number.isInteger(digits) || digits < 0) throw new RangeError('digits must be a non-negative integer');
  const scale = 10n ** BigInt(digits);
  // Half-up for non-negative values: floor(x + 1/2) = floor((2·num·scale + den) / (2·den)).
  const scaled = (2n * r.num * scale + r.den) / (2n * r.den);
  if (digits === 0) return scaled.toString();
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(digits, '0');
  return `${whole}.${fraction}`;
}

/** `r` as a percentage with `digits` decimals, rounded half-up: 2/3 → '66.67%'. Display only. */
export function toPercentString(r: Rational, digits = 2): string {
  return `${toDecimalString(mul(r, rational(100n)), digits)}%`;
}
