import { describe, expect, it } from 'vitest';
import { formatRate, formatScore, rankMove, rateTone } from './format';

describe('how rates read', () => {
  it.each([
    [0.95, '95.0%'],
    [0.9512, '95.1%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [2 / 3, '66.7%'],
    [null, '—'],
  ])('%s reads %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });

  it('writes the composite as a score out of 100', () => {
    expect(formatScore(0.792)).toBe('79.2');
    expect(formatScore(null)).toBe('—');
  });

  it.each([
    [0.95, 'good'],
    [0.9499, 'bad'],
    [0.1 + 0.85, 'good'], // 0.95 in floating point is a hair under
    [null, 'none'],
  ])('%s against the 95%% bar is %s', (rate, tone) => {
    expect(rateTone(rate)).toBe(tone);
  });

  it.each([
    [2, { dir: 'up', n: 2 }],
    [-3, { dir: 'down', n: 3 }],
    [0, { dir: 'same', n: 0 }],
    [null, null],
  ])('a rank change of %s is %o', (change, move) => {
    expect(rankMove(change)).toEqual(move);
  });
});
