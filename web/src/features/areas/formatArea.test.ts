import { describe, expect, it } from 'vitest';
import { formatArea } from './formatArea';

describe('formatArea', () => {
  it('gives a grid of 0.42 km² in square kilometres', () => {
    expect(formatArea(420_000, 'zh-CN')).toEqual({ value: '0.42', unit: 'km2' });
  });

  it('gives a compound of 38,500 m² in square metres', () => {
    expect(formatArea(38_500.4, 'en')).toEqual({ value: '38,500', unit: 'm2' });
  });

  it('rounds a district of 1,040 km² to whole square kilometres', () => {
    expect(formatArea(1_040_123_456, 'en')).toEqual({ value: '1,040', unit: 'km2' });
  });

  it('has nothing to say about a place whose boundary is not drawn', () => {
    expect(formatArea(null, 'zh-CN')).toBeNull();
  });
});
