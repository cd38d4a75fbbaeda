import * as echarts from 'echarts/core';
import { type CSSProperties, useEffect, useRef, useState } from 'react';

/** The GeoJSON that `echarts.registerMap` takes (our own FeatureCollections, no tile server). */
export type RegisteredGeoJson = Parameters<typeof echarts.registerMap>[1];

export type EChartProps = {
  option: echarts.EChartsCoreOption;
  ariaLabel: string;
  height: CSSProperties['height'];
  testId?: string;
  /** Registered under `name` before each drawing; the option's geo component or map series names it. */
  map?: { name: string; geoJson: { type: 'FeatureCollection'; features: readonly unknown[] } };
  /** A click on a series item, with the item's name (a map region's code). */
  onItemClick?: (name: string) => void;
  /** A click anywhere on the drawing, as longitude and latitude in the first geo component. */
  onGeoClick?: (at: [lng: number, lat: number]) => void;
  /** Added to the container's style (cursor, touch action). */
  style?: CSSProperties;
};

/**
 * One ECharts drawing that follows its container's size and is disposed of with it. Sets
 * `data-ready="true"` once ECharts has finished drawing the current option, so that browser tests
 * can wait for it. The caller imports its feature's `echarts.ts` first: that registers the charts
 * and components it draws (the full echarts build would add ~700 kB to the bundle).
 */
export function EChart({
  option,
  ariaLabel,
  height,
  testId,
  map,
  onItemClick,
  onGeoClick,
  style,
}: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const onItemClickRef = useRef(onItemClick);
  const onGeoClickRef = useRef(onGeoClick);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    onItemClickRef.current = onItemClick;
    onGeoClickRef.current = onGeoClick;
  }, [onItemClick, onGeoClick]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = echarts.init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('finished', () => setReady(true));
    chart.on('click', (params) => {
      if (params.componentType === 'series' && typeof params.name === 'string' && params.name) {
        onItemClickRef.current?.(params.name);
      }
    });
    // A click anywhere on the canvas (not only on a region): pixel → longitude and latitude.
    chart.getZr().on('click', (event) => {
      if (!onGeoClickRef.current) return;
      const at = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]) as
        | number[]
        | undefined;
      const [lng, lat] = at ?? [];
      if (lng === undefined || lat === undefined || !Number.isFinite(lng) || !Number.isFinite(lat)) return;
      onGeoClickRef.current([lng, lat]);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  const mapName = map?.name;
  const geoJson = map?.geoJson;
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    setReady(false);
    if (mapName && geoJson) echarts.registerMap(mapName, geoJson as unknown as RegisteredGeoJson);
    chart.setOption(option, { notMerge: true });
  }, [mapName, geoJson, option]);

  return (
    <div
      ref={containerRef}
      data-testid={testId}
      data-ready={ready ? 'true' : 'false'}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height, ...style }}
    />
  );
}
