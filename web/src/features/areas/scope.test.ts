import { describe, expect, it } from 'vitest';
import { openableCodes } from './scope';

const trail = [
  { code: '3716', name: '滨州市' },
  { code: '371602', name: '滨城区' },
  { code: '371602001', name: '市中街道' },
  { code: '371602001001', name: '黄河社区' },
];

describe('openableCodes', () => {
  it('a street official may open their street and what lies below it, not the district or the city', () => {
    expect([...openableCodes(trail, new Set(['371602001']))]).toEqual(['371602001', '371602001001']);
  });

  it('the city admin may open every entry', () => {
    expect(openableCodes(trail, new Set(['3716'])).size).toBe(4);
  });

  it('offers every entry while the scope roots are still loading', () => {
    expect(openableCodes(trail, undefined).size).toBe(4);
  });

  it('offers none when the trail lies outside every scope root', () => {
    expect(openableCodes(trail, new Set(['371603'])).size).toBe(0);
  });
});
