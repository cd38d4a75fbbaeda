import type { CSSProperties } from 'react';
import { EChart } from '../../../common/EChart';
// Registers the charts and components this one draws, before EChart makes it.
import '../echarts';
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
  return (
    <EChart
      option={option}
      map={{ name: mapName, geoJson }}
      onGeoClick={
        onPick
          ? (at) => {
              const point = roundPoint(at);
              if (point) onPick(point);
            }
          : undefined
      }
      height={height}
      testId={testId}
      ariaLabel={ariaLabel}
      style={onPick ? { cursor: 'crosshair' } : undefined}
    />
  );
}
