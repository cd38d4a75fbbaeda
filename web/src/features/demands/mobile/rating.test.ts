import { describe, expect, it } from 'vitest';
import { canSendRating, mayRate, ratingBody } from './rating';

describe('mayRate', () => {
  it.each([
    [true, 'closed', true],
    [false, 'closed', false],
    [true, 'verified', false],
    [true, 'rated', false],
  ] as const)('mine %s, %s → %s', (isMine, status, may) => {
    expect(mayRate({ isMine, status })).toBe(may);
  });
});

describe('rating', () => {
  it('needs both answers; the comment is optional', () => {
    expect(canSendRating({ rating: 'satisfied', resolved: null, comment: '' })).toBe(false);
    expect(canSendRating({ rating: null, resolved: true, comment: '' })).toBe(false);
    expect(canSendRating({ rating: 'unsatisfied', resolved: false, comment: '' })).toBe(true);
  });

  it('sends the rate action', () => {
    expect(ratingBody({ rating: 'basic', resolved: true, comment: '  还行 ' })).toEqual({
      action: 'rate',
      rating: 'basic',
      resolved: true,
      note: '还行',
    });
    expect(ratingBody({ rating: 'satisfied', resolved: true, comment: '' }).note).toBeNull();
  });
});
