import { useEffect, useMemo, useRef, useState } from 'react';
import { echarts, type RegisteredGeoJson } from './echarts';
import {
  buildPickPointOption,
  type PickFeatureCollection,
  type Position,
  roundPosition,
} from './pickPointMap';

export type PickPointMapProps = {
  /** A name unique to these features (ECharts keeps registered maps by name). */
  mapName: string;
  geoJson: PickFeatureCollection;
  point: Position | null;
  onPick: (point: Position) => void;
  ariaLabel: string;
  height?: number;
};

/**
 * The grids around, drawn from our own GeoJSON; a tap sets the point. `data-ready="true"` once
 * drawn, so that a browser test can wait for it before tapping.
 */
export function PickPointMap({
  mapName,
  geoJson,
  point,
  onPick,
  ariaLabel,
  height = 260,
}: PickPointMapProps) {
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
    // A tap anywhere on the canvas: pixel → longitude and latitude in the geo component.
    chart.getZr().on('click', (event) => {
      const at = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]) as
        | number[]
        | undefined;
      if (!at || at.length < 2 || !Number.isFinite(at[0]) || !Number.isFinite(at[1])) return;
      onPickRef.current(roundPosition([at[0] as number, at[1] as number]));
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  const option = useMemo(
    () => buildPickPointOption({ mapName, features: geoJson.features, point }),
    [mapName, geoJson, point],
  );

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    echarts.registerMap(mapName, geoJson as unknown as RegisteredGeoJson);
    chart.setOption(option, { notMerge: true });
  }, [mapName, geoJson, option]);

  return (
    <div
      ref={containerRef}
      data-testid="demand-pick-map"
      data-ready={ready ? 'true' : 'false'}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height, touchAction: 'manipulation', cursor: 'crosshair' }}
    />
  );
}
