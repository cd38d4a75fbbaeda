import type { MapSeriesOption } from 'echarts/charts';
import type { VisualMapComponentOption } from 'echarts/components';
import { describe, expect, it } from 'vitest';
import { type AreaMapRegion, aspectScaleAt, buildAreaMapOption } from './buildAreaMapOption';

const texts = { households: '户数', childCount: '网格数', high: '多', low: '少' };

const communities: AreaMapRegion[] = [
  { code: '371602001001', name: '黄河社区', households: 1200, childCount: 4 },
  { code: '371602001002', name: '渤海社区', households: 800, childCount: 3 },
  { code: '371602001003', name: '<b>新区</b>', households: 0, childCount: 0 },
];

function seriesOf(option: ReturnType<typeof buildAreaMapOption>): MapSeriesOption {
  const series = option.series;
  const first = Array.isArray(series) ? series[0] : series;
  if (!first) throw new Error('no series');
  return first as MapSeriesOption;
}

function visualMapOf(option: ReturnType<typeof buildAreaMapOption>): VisualMapComponentOption & {
  min?: number;
  max?: number;
} {
  const visualMap = option.visualMap;
  return (Array.isArray(visualMap) ? visualMap[0] : visualMap) as VisualMapComponentOption & {
    min?: number;
    max?: number;
  };
}

type TooltipFormatter = (params: { name: string }) => string;

function tooltipOf(option: ReturnType<typeof buildAreaMapOption>): TooltipFormatter {
  const tooltip = Array.isArray(option.tooltip) ? option.tooltip[0] : option.tooltip;
  return tooltip?.formatter as unknown as TooltipFormatter;
}

describe('buildAreaMapOption', () => {
  const option = buildAreaMapOption({
    mapName: 'area:371602001:community',
    regions: communities,
    texts,
    language: 'zh-CN',
  });

  it('draws the registered map with regions keyed by code, valued by households', () => {
    const series = seriesOf(option);
    expect(series.type).toBe('map');
    expect(series.map).toBe('area:371602001:community');
    expect(series.nameProperty).toBe('code');
    expect(series.data).toEqual([
      { name: '371602001001', value: 1200 },
      { name: '371602001002', value: 800 },
      { name: '371602001003', value: 0 },
    ]);
  });

  it('colours by households from zero up to the largest region', () => {
    const visualMap = visualMapOf(option);
    expect(visualMap.min).toBe(0);
    expect(visualMap.max).toBe(1200);
  });

  it('still gives the colour scale a range when no region has households yet', () => {
    const empty = buildAreaMapOption({
      mapName: 'm',
      regions: [{ code: '1', name: 'a', households: 0, childCount: 0 }],
      texts,
      language: 'zh-CN',
    });
    expect(visualMapOf(empty).max).toBe(1);
  });

  it('shows the name, households and the number of children in the tooltip', () => {
    const text = tooltipOf(option)({ name: '371602001001' });
    expect(text).toContain('黄河社区');
    expect(text).toContain('户数: 1,200');
    expect(text).toContain('网格数: 4');
  });

  it('escapes names in the tooltip, which ECharts renders as HTML', () => {
    const text = tooltipOf(option)({ name: '371602001003' });
    expect(text).not.toContain('<b>');
    expect(text).toContain('&#60;b&#62;新区');
  });

  it('leaves out the children line where the level has no children to count', () => {
    const grids = buildAreaMapOption({
      mapName: 'm',
      regions: communities,
      texts: { ...texts, childCount: null },
      language: 'en',
    });
    expect(tooltipOf(grids)({ name: '371602001001' })).not.toContain('网格数');
  });

  it('labels the regions by name while they are few, and only on hover when there are many', () => {
    const label = seriesOf(option).label;
    expect(label?.show).toBe(true);
    const formatter = label?.formatter as (params: { name: string }) => string;
    expect(formatter({ name: '371602001002' })).toBe('渤海社区');

    const many = Array.from({ length: 60 }, (_, index) => ({
      code: String(index),
      name: `网格${index}`,
      households: index,
      childCount: 0,
    }));
    const crowded = buildAreaMapOption({ mapName: 'm', regions: many, texts, language: 'zh-CN' });
    expect(seriesOf(crowded).label?.show).toBe(false);
  });

  it('narrows longitude by the cosine of the latitude (Binzhou at 37.4° N)', () => {
    expect(aspectScaleAt(37.4)).toBeCloseTo(0.794, 3);
    expect(aspectScaleAt(undefined)).toBe(0.75);
    const atBinzhou = buildAreaMapOption({
      mapName: 'm',
      regions: communities,
      texts,
      language: 'zh-CN',
      latitude: 37.4,
    });
    expect(seriesOf(atBinzhou).aspectScale).toBeCloseTo(0.794, 3);
  });
});
