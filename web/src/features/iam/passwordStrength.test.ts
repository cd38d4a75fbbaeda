import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from './passwordStrength';

describe('checkPasswordStrength', () => {
  it.each([
    ['Binzhou2024', true, 'ten or more characters with lower, upper and digit'],
    ['binzhou-2024', true, 'lower, digit and symbol'],
    ['BINZHOU#CITY9', true, 'upper, symbol and digit'],
    ['Bz#2024aa', false, 'only nine characters'],
    ['binzhoucity2024', false, 'only lower and digit'],
    ['BinzhouCityHall', false, 'only lower and upper'],
    ['', false, 'empty'],
  ])('%s is acceptable: %s (%s)', (password, acceptable) => {
    expect(checkPasswordStrength(password).acceptable).toBe(acceptable);
  });

  it('counts characters, not UTF-16 units, toward the length', () => {
    expect(checkPasswordStrength('Aa1😀😀😀😀😀😀').longEnough).toBe(false);
  });

  it('does not count spaces as symbols', () => {
    expect(checkPasswordStrength('binzhou city 24').classes.symbol).toBe(false);
  });
});
