import { describe, expect, it } from 'vitest';
import type { RateFigures, TrendView } from './api';
import { axisFloor, buildTrendOption } from './buildTrendOption';

const figures = (rate: number | null): RateFigures => ({
  demands: rate === null ? 0 : 4,
  denominator: rate === null ? 0 : 4,
  responded: 0,
  resolved: 0,
  satisfied: 0,
  basic: 0,
  unsatisfied: 0,
  responseRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
  composite: rate,
});

const trend: TrendView = {
  place: { code: '371602001', name: '市中街道', level: 'street' },
  settings: {
    weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 },
    basicFactor: 0.9,
    denominator: 'callback',
  },
  months: [
    { month: '2025-02', period: { from: '2025-02-01', to: '2025-02-28' }, figures: figures(0.9) },
    { month: '2025-03', period: { from: '2025-03-01', to: '2025-03-31' }, figures: figures(null) },
    { month: '2025-04', period: { from: '2025-04-01', to: '2025-04-30' }, figures: figures(0.9876) },
  ],
};
const labels = {
  response: '响应率',
  resolution: '解决率',
  satisfaction: '满意率',
  composite: '综合',
  target: '95%',
};

describe('the trend chart', () => {
  it('draws one line per rate and the composite, in percent, with months on the x axis', () => {
    const option = buildTrendOption(trend, labels) as {
      xAxis: { data: string[] };
      series: { name: string; data: (number | null)[]; markLine?: { data: { yAxis: number }[] } }[];
    };
    expect(option.xAxis.data).toEqual(['2025-02', '2025-03', '2025-04']);
    expect(option.series.map((s) => s.name)).toEqual(['响应率', '解决率', '满意率', '综合']);
    expect(option.series[0]?.data).toEqual([90, null, 98.8]);
  });

  it('leaves a month without rates as a gap and marks the 95% bar', () => {
    const option = buildTrendOption(trend, labels) as {
      series: { data: (number | null)[]; markLine?: { data: { yAxis: number }[] } }[];
    };
    expect(option.series[3]?.data[1]).toBeNull();
    expect(option.series[3]?.markLine?.data).toEqual([{ yAxis: 95 }]);
  });
});

describe('where the trend axis starts', () => {
  it.each([
    [[90, 98.8], 80],
    [[96, null, 99], 90],
    [[12.5], 0],
    [[null], 0],
    [[], 0],
  ])('points %j start the axis at %s', (values, floor) => {
    expect(axisFloor(values)).toBe(floor);
  });
});
