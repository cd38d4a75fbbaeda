import type { EChartsCoreOption } from 'echarts/core';
import type { CSSProperties } from 'react';
import { EChart } from '../../common/EChart';
// Registers the charts and components this one draws, before EChart makes it.
import '../echarts';

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
  return (
    <EChart
      option={option}
      map={{ name: mapName, geoJson }}
      onItemClick={onRegionClick}
      height={height}
      testId={testId}
      ariaLabel={ariaLabel}
      style={onRegionClick ? { cursor: 'pointer' } : undefined}
    />
  );
}
