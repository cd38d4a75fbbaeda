import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { FieldProblem } from '../../server/errors';

// scrypt parameters: N=2^14, r=8, p=1 is OWASP's floor for scrypt and costs ~40 ms here.
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

function scryptAsync(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N: n, r, p, maxmem: 64 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, so that the cost can rise later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash that no password matches, compared against when the username is unknown (equal timing). */
export const UNKNOWN_USER_HASH = `scrypt$${N}$${R}$${P}$${randomBytes(16).toString('base64url')}$${randomBytes(KEY_LENGTH).toString('base64url')}`;

const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwerty123',
  'qwertyuiop',
  'admin123',
  'administrator',
  '1234567890',
  '12345678910',
  'abcd1234',
  'woaini1314',
  'a123456789',
  'p@ssw0rd',
  'p@ssword1',
  'binzhou123',
]);

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Minimum strength: at least 10 characters and 3 of the 4 classes (lower, upper, digit,
 * symbol), not the username, not a well-known password. Returns the problems, empty when fine.
 */
export function passwordProblems(
  password: string,
  opts: { username: string; field?: string },
): FieldProblem[] {
  const field = opts.field ?? 'newPassword';
  const problems: FieldProblem[] = [];
  const add = (reason: string, zh: string, en: string) =>
    problems.push({ field, in: 'body', reason, message: { zh, en } });
  if (password.length < PASSWORD_MIN_LENGTH)
    add('too_short', `至少 ${PASSWORD_MIN_LENGTH} 个字符`, `at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH)
    add('too_long', `最多 ${PASSWORD_MAX_LENGTH} 个字符`, `at most ${PASSWORD_MAX_LENGTH} characters`);
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3)
    add(
      'too_few_classes',
      '须包含小写字母、大写字母、数字、符号中的至少三类',
      'must mix at least three of: lower case, upper case, digits, symbols',
    );
  const lower = password.toLowerCase();
  if (opts.username && lower.includes(opts.username.toLowerCase()))
    add('contains_username', '不能包含用户名', 'must not contain the username');
  if (COMMON_PASSWORDS.has(lower)) add('too_common', '过于常见', 'is a well-known password');
  return problems;
}
