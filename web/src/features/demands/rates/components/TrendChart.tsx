import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from '../../../common/EChart';
// Registers the charts and components this one draws, before EChart makes it.
import '../echarts';

export type TrendChartProps = {
  option: EChartsCoreOption;
  ariaLabel: string;
  height?: number;
};

/** The monthly trend lines; `data-ready="true"` once ECharts has drawn them, for browser tests. */
export function TrendChart({ option, ariaLabel, height = 300 }: TrendChartProps) {
  return <EChart option={option} ariaLabel={ariaLabel} height={height} testId="rates-trend-chart" />;
}
