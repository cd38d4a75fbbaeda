import { describe, expect, it } from 'vitest';
import type { AreaFeature } from '../../areas/api';
import { buildDemandMapOption, parentInPath, pickMapQuery, roundPoint } from './map';

const grid = (code: string, lng0: number): AreaFeature => ({
  type: 'Feature',
  id: code,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lng0, 0],
        [lng0 + 10, 0],
        [lng0 + 10, 10],
        [lng0, 10],
        [lng0, 0],
      ],
    ],
  },
  properties: { code, name: `网格${code.slice(-1)}`, level: 'grid', households: 10, childCount: 1 },
});

describe('pickMapQuery', () => {
  it.each([
    [
      { code: '3716', level: 'city', parentCode: null },
      { parent: '3716', level: 'district' },
    ],
    [
      { code: '371602', level: 'district', parentCode: '3716' },
      { parent: '371602', level: 'street' },
    ],
    [
      { code: '371602001', level: 'street', parentCode: '371602' },
      { parent: '371602001', level: 'grid' },
    ],
    [
      { code: '371602001001', level: 'community', parentCode: '371602001' },
      { parent: '371602001001', level: 'grid' },
    ],
    [
      { code: '371602001001001', level: 'grid', parentCode: '371602001001' },
      { parent: '371602001001', level: 'grid' },
    ],
    [
      { code: 'c1', level: 'compound', parentCode: '371602001001001' },
      { parent: '371602001001001', level: 'compound' },
    ],
    [{ code: 'g', level: 'grid', parentCode: null }, null],
    [{ code: 'b1', level: 'building', parentCode: 'c1' }, null],
  ] as const)('%o', (place, query) => {
    expect(pickMapQuery(place)).toEqual(query);
  });
});

describe('parentInPath', () => {
  it('finds the place above a code in the materialized path', () => {
    const path = '3716/371602/371602001/371602001001/371602001001001/c1';
    expect(parentInPath(path, '371602001001001')).toBe('371602001001');
    expect(parentInPath(path, '3716')).toBeNull();
    expect(parentInPath(path, 'nope')).toBeNull();
  });
});

describe('roundPoint', () => {
  it('rounds to six decimals and refuses what is not a point', () => {
    expect(roundPoint([117.123456789, 37.98765432])).toEqual({ lng: 117.123457, lat: 37.987654 });
    expect(roundPoint([Number.NaN, 1])).toBeNull();
    expect(roundPoint([1])).toBeNull();
  });
});

describe('buildDemandMapOption', () => {
  it('draws the boundaries, highlights the grid and pins the point', () => {
    const option = buildDemandMapOption({
      mapName: 'm',
      features: [grid('371602001001001', 0), grid('371602001001002', 10)],
      point: { lng: 5, lat: 5 },
      highlight: '371602001001001',
    });
    const geo = option.geo as { map: string; roam: boolean; regions: { name: string }[] };
    expect(geo.map).toBe('m');
    expect(geo.roam).toBe(false);
    expect(geo.regions.map((r) => r.name)).toEqual(['371602001001001']);
    const [series] = option.series as { data: number[][]; coordinateSystem: string }[];
    expect(series?.coordinateSystem).toBe('geo');
    expect(series?.data).toEqual([[5, 5]]);
  });

  it('has no pin without a point and may be zoomed when picking', () => {
    const option = buildDemandMapOption({ mapName: 'm', features: [], point: null, roam: true });
    expect((option.geo as { roam: boolean }).roam).toBe(true);
    expect((option.series as { data: unknown[] }[])[0]?.data).toEqual([]);
  });
});
