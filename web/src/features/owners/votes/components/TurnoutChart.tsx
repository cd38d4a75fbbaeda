import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { echarts } from '../echarts';

export type TurnoutChartProps = {
  option: EChartsCoreOption;
  ariaLabel: string;
  height?: number;
};

/** The turnout bars; `data-ready="true"` once ECharts has drawn them, for browser tests. */
export function TurnoutChart({ option, ariaLabel, height = 160 }: TurnoutChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const chart = echarts.init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('finished', () => setReady(true));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={ariaLabel}
      data-testid="vote-turnout-chart"
      data-ready={ready ? 'true' : 'false'}
      style={{ width: '100%', height }}
    />
  );
}
