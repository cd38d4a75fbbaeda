import { describe, expect, it } from 'vitest';
import { canonicalJson, IDEMPOTENCY_KEY_PATTERN, requestHashOf } from './demands.idempotency';

describe('the request hash of an intake body', () => {
  it('does not depend on the order of keys, at any depth', () => {
    const a = { categoryCode: 'x', location: { lng: 1, lat: 2 }, photos: ['a', 'b'] };
    const b = { photos: ['a', 'b'], location: { lat: 2, lng: 1 }, categoryCode: 'x' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(requestHashOf(a)).toBe(requestHashOf(b));
  });

  it('depends on the order of array items and on every value', () => {
    const a = { photos: ['a', 'b'] };
    expect(requestHashOf(a)).not.toBe(requestHashOf({ photos: ['b', 'a'] }));
    expect(requestHashOf({ n: 1 })).not.toBe(requestHashOf({ n: '1' }));
    expect(requestHashOf({ n: null })).not.toBe(requestHashOf({}));
  });

  it('leaves out undefined members, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('is SHA-256 in hex', () => {
    expect(requestHashOf({})).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('what an Idempotency-Key may look like', () => {
  it.each([
    ['a UUID', '0f8fad5b-d9cb-469f-a165-70867728950e', true],
    ['one character', 'x', true],
    ['200 characters', 'k'.repeat(200), true],
    ['201 characters', 'k'.repeat(201), false],
    ['empty', '', false],
    ['with a space', 'a b', false],
    ['with Chinese', '键', false],
  ])('%s → %s', (_name, key, ok) => {
    expect(IDEMPOTENCY_KEY_PATTERN.test(key)).toBe(ok);
  });
});
