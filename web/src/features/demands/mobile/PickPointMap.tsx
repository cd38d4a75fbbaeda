import { useMemo } from 'react';
import { EChart } from '../../common/EChart';
// Registers the geo component and scatter pin (the console's demand maps draw the same).
import '../console/echarts';
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
  const option = useMemo(
    () => buildPickPointOption({ mapName, features: geoJson.features, point }),
    [mapName, geoJson, point],
  );
  return (
    <EChart
      option={option}
      map={{ name: mapName, geoJson }}
      onGeoClick={(at) => onPick(roundPosition(at))}
      height={height}
      testId="demand-pick-map"
      ariaLabel={ariaLabel}
      style={{ touchAction: 'manipulation', cursor: 'crosshair' }}
    />
  );
}
