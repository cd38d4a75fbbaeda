import type { EChartsCoreOption } from 'echarts/core';
import type { TrendView } from './api';
import { TARGET } from './format';

export type TrendLabels = {
  response: string;
  resolution: string;
  satisfaction: string;
  composite: string;
  target: string;
};

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * Where the y axis starts: rates of a working place sit near the top, so the axis starts at the
 * ten below the lowest point (at most 90, so that the 95% line always shows; 0 with no data).
 */
export function axisFloor(values: readonly (number | null)[]): number {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return 0;
  return Math.min(90, Math.max(0, Math.floor((Math.min(...present) - 5) / 10) * 10));
}

/**
 * The monthly trend as four lines in percent (the three rates and the composite), with the 95% bar
 * as a dashed line. A month without rates is a gap, not a zero.
 */
export function buildTrendOption(trend: TrendView, labels: TrendLabels): EChartsCoreOption {
  const months = trend.months.map((m) => m.month);
  const all = trend.months.flatMap((m) =>
    [m.figures.responseRate, m.figures.resolutionRate, m.figures.satisfactionRate, m.figures.composite].map(
      pct,
    ),
  );
  const line = (name: string, values: (number | null)[], extra: Record<string, unknown> = {}) => ({
    name,
    type: 'line',
    data: values,
    connectNulls: false,
    symbolSize: 6,
    ...extra,
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', min: axisFloor(all), max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      line(
        labels.response,
        trend.months.map((m) => pct(m.figures.responseRate)),
      ),
      line(
        labels.resolution,
        trend.months.map((m) => pct(m.figures.resolutionRate)),
      ),
      line(
        labels.satisfaction,
        trend.months.map((m) => pct(m.figures.satisfactionRate)),
      ),
      line(
        labels.composite,
        trend.months.map((m) => pct(m.figures.composite)),
        {
          lineStyle: { width: 3 },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#cf1322' },
            label: { formatter: labels.target },
            data: [{ yAxis: TARGET * 100 }],
          },
        },
      ),
    ],
  };
}
