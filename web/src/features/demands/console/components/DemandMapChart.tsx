import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { echarts, type RegisteredGeoJson } from '../echarts';
import { type DemandMapOption, type Point, roundPoint } from '../map';

export type DemandMapChartProps = {
  /** A new name redraws the boundaries from scratch. */
  mapName: string;
  geoJson: { type: 'FeatureCollection'; features: readonly unknown[] };
  option: DemandMapOption;
  height: CSSProperties['height'];
  /** Called with the clicked point (the intake form's picker). */
  onPick?: (point: Point) => void;
  testId?: string;
  ariaLabel: string;
};

/** A geo map with a pin; sets `data-ready="true"` once drawn, for the browser tests. */
export function DemandMapChart({
  mapName,
  geoJson,
  option,
  height,
  onPick,
  testId,
  ariaLabel,
}: DemandMapChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const onPickRef = useRef(onPick);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    onPickRef.current = onPick;
  }, [onPick]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = echarts.init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('finished', () => setReady(true));
    // A click anywhere on the drawing (not only on a region) picks the point under the pointer.
    chart.getZr().on('click', (event) => {
      if (!onPickRef.current) return;
      const at = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]) as
        | number[]
        | undefined;
      const point = at ? roundPoint(at) : null;
      if (point) onPickRef.current(point);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    setReady(false);
    echarts.registerMap(mapName, geoJson as unknown as RegisteredGeoJson);
    chart.setOption(option, { notMerge: true });
  }, [mapName, geoJson, option]);

  return (
    <div
      ref={containerRef}
      data-testid={testId}
      data-ready={ready ? 'true' : 'false'}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height, cursor: onPick ? 'crosshair' : undefined }}
    />
  );
}
