import type { MapSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import type { Polygonal } from './api';
import { buildGridSketchMap, buildGridSketchOption } from './buildGridSketchOption';

const square = (x: number, y: number, size: number): Polygonal => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});

describe('grid sketch', () => {
  it('draws the grid boundary first and its compounds over it', () => {
    const map = buildGridSketchMap({
      grid: { code: '371602001001001', name: '第一网格', boundary: square(118, 37.3, 0.01) },
      compounds: [
        {
          id: '371602001001001001',
          geometry: square(118.001, 37.301, 0.002),
          properties: { code: '371602001001001001', name: '阳光小区' },
        },
      ],
    });
    expect(map.features.map((feature) => feature.properties.code)).toEqual([
      '371602001001001',
      '371602001001001001',
    ]);
  });

  it('draws only the compounds when the grid has no boundary yet', () => {
    const map = buildGridSketchMap({ grid: { code: 'g', name: 'g', boundary: null } });
    expect(map.features).toEqual([]);
  });

  it('keeps the grid outline silent and values the compounds by households', () => {
    const option = buildGridSketchOption({
      mapName: 'sketch:g',
      gridCode: 'g',
      compounds: [{ code: 'c1', name: '阳光小区', households: 120 }],
      texts: { households: '户数' },
      language: 'zh-CN',
    });
    const series = (option.series as MapSeriesOption[])[0];
    expect(series?.data?.[0]).toMatchObject({ name: 'g', silent: true });
    expect(series?.data?.[1]).toEqual({ name: 'c1', value: 120 });
    expect(series?.roam).toBe(true);
  });

  it('on a phone neither zooms nor pans, so that the page scrolls under a finger', () => {
    const option = buildGridSketchOption({
      mapName: 'sketch:g',
      gridCode: 'g',
      compounds: [],
      texts: { households: 'Households' },
      language: 'en',
      still: true,
    });
    expect((option.series as MapSeriesOption[])[0]?.roam).toBe(false);
  });
});
