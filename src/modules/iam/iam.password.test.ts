import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblems, verifyPassword } from './iam.password';

describe('password strength', () => {
  it.each([
    ['Abcdefgh1!', []],
    ['abcdefgh12', ['too_few_classes']],
    ['Abcdefg1!', ['too_short']],
    ['Abcdefgh12', []],
    ['ABCDEFGH1!', []],
    ['Wangwei-2026', ['contains_username']],
    ['P@ssw0rd', ['too_short', 'too_common']],
  ])('%s → %j', (password, reasons) => {
    expect(passwordProblems(password, { username: 'wangwei' }).map((p) => p.reason)).toEqual(reasons);
  });

  it('exactly 10 characters is long enough and 9 is not', () => {
    expect(passwordProblems('Aa1!Aa1!Aa', { username: 'x' })).toEqual([]);
    expect(passwordProblems('Aa1!Aa1!A', { username: 'x' }).map((p) => p.reason)).toEqual(['too_short']);
  });

  it('every problem names the field and says why in Chinese and English', () => {
    const [p] = passwordProblems('short', { username: 'u', field: 'password' });
    expect(p?.field).toBe('password');
    expect(p?.message.zh).toMatch(/10/);
    expect(p?.message.en).toMatch(/10/);
  });
});

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Correct-Horse-9');
    expect(hash.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('Correct-Horse-9', hash)).toBe(true);
    expect(await verifyPassword('Correct-Horse-8', hash)).toBe(false);
  });

  it('salts each hash so equal passwords hash differently', async () => {
    expect(await hashPassword('Same-Password-1')).not.toBe(await hashPassword('Same-Password-1'));
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
