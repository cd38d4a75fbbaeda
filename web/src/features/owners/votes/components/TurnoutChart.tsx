import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from '../../../common/EChart';
// Registers the charts and components this one draws, before EChart makes it.
import '../echarts';

export type TurnoutChartProps = {
  option: EChartsCoreOption;
  ariaLabel: string;
  height?: number;
};

/** The turnout bars; `data-ready="true"` once ECharts has drawn them, for browser tests. */
export function TurnoutChart({ option, ariaLabel, height = 160 }: TurnoutChartProps) {
  return <EChart option={option} ariaLabel={ariaLabel} height={height} testId="vote-turnout-chart" />;
}
