import type { EChartsCoreOption } from 'echarts/core';

export interface TurnoutFigures {
  /** Exact shares as num/den strings (bigints); drawn as percentages, decided elsewhere. */
  area: { num: string; den: string };
  headcount: { num: string; den: string };
}

/** A share as a percentage for drawing only, to two decimals; exact figures stay in the API. */
export function percentOf(ratio: { num: string; den: string }): number {
  const num = BigInt(ratio.num);
  const den = BigInt(ratio.den);
  if (den === 0n) return 0;
  return Number((num * 10_000n) / den) / 100;
}

/**
 * Two horizontal bars — the share of the area and of the owners taking part — against the line
 * of two thirds that Civil Code art. 278(2) requires of both. Green once a bar reaches it.
 */
export function buildTurnoutOption(input: {
  figures: TurnoutFigures;
  labels: { area: string; headcount: string; quorum: string };
  reached: { area: boolean; headcount: boolean };
}): EChartsCoreOption {
  const { figures, labels, reached } = input;
  const bar = (value: number, ok: boolean) => ({ value, itemStyle: { color: ok ? '#52c41a' : '#1677ff' } });
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${v}%` },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: [labels.headcount, labels.area], axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barWidth: 22,
        data: [
          bar(percentOf(figures.headcount), reached.headcount),
          bar(percentOf(figures.area), reached.area),
        ],
        label: { show: true, position: 'right', formatter: '{c}%' },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#fa541c', type: 'dashed', width: 2 },
          label: { formatter: labels.quorum, position: 'end' },
          data: [{ xAxis: percentOf({ num: '2', den: '3' }) }],
        },
      },
    ],
  };
}
