import type { EChartsCoreOption } from 'echarts/core';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { echarts, type RegisteredGeoJson } from '../echarts';

export type AreaMapChartProps = {
  /** Name to register the FeatureCollection under; a new name redraws the map from scratch. */
  mapName: string;
  /** Our own GeoJSON (no tile server): each feature's `properties.code` names its region. */
  geoJson: { type: 'FeatureCollection'; features: readonly unknown[] };
  option: EChartsCoreOption;
  height: CSSProperties['height'];
  /** Called with the code of a clicked region. */
  onRegionClick?: (code: string) => void;
  testId?: string;
  ariaLabel: string;
};

/**
 * An ECharts map drawn from a FeatureCollection. Sets `data-ready="true"` on its container once
 * ECharts has finished rendering the current map, so that browser tests can wait for it.
 */
export function AreaMapChart({
  mapName,
  geoJson,
  option,
  height,
  onRegionClick,
  testId,
  ariaLabel,
}: AreaMapChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const onRegionClickRef = useRef(onRegionClick);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    onRegionClickRef.current = onRegionClick;
  }, [onRegionClick]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = echarts.init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('finished', () => setReady(true));
    chart.on('click', (params) => {
      if (params.componentType === 'series' && typeof params.name === 'string' && params.name) {
        onRegionClickRef.current?.(params.name);
      }
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
      style={{ width: '100%', height, cursor: onRegionClick ? 'pointer' : undefined }}
    />
  );
}
