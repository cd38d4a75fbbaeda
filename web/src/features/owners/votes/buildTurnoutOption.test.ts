import { describe, expect, it } from 'vitest';
import { buildTurnoutOption, percentOf } from './buildTurnoutOption';

const labels = { area: '参与面积', headcount: '参与人数', quorum: '三分之二' };

describe('buildTurnoutOption', () => {
  it('draws each share as a percentage truncated to two decimals, never rounded up past a line', () => {
    expect(percentOf({ num: '2', den: '3' })).toBe(66.66);
    expect(percentOf({ num: '199999', den: '300000' })).toBe(66.66);
    expect(percentOf({ num: '1', den: '1' })).toBe(100);
    expect(percentOf({ num: '0', den: '1' })).toBe(0);
  });

  it('draws the two-thirds line of art. 278(2) and colours a bar green only once it is reached', () => {
    const option = buildTurnoutOption({
      figures: { area: { num: '7', den: '10' }, headcount: { num: '1', den: '2' } },
      labels,
      reached: { area: true, headcount: false },
    }) as {
      yAxis: { data: string[] };
      series: {
        data: { value: number; itemStyle: { color: string } }[];
        markLine: { data: { xAxis: number }[] };
      }[];
    };
    expect(option.yAxis.data).toEqual(['参与人数', '参与面积']);
    const [headcount, area] = option.series[0]!.data;
    expect(headcount).toMatchObject({ value: 50, itemStyle: { color: '#1677ff' } });
    expect(area).toMatchObject({ value: 70, itemStyle: { color: '#52c41a' } });
    expect(option.series[0]!.markLine.data).toEqual([{ xAxis: 66.66 }]);
  });
});
