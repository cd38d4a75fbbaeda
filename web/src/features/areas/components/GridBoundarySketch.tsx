import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaFeature, Polygonal } from '../api';
import { buildGridSketchMap, buildGridSketchOption } from '../buildGridSketchOption';
import { AreaMapChart } from './AreaMapChart';

export type GridBoundarySketchProps = {
  grid: { code: string; name: string; boundary: Polygonal | null; lat?: number | null };
  /** The grid's compounds (geojson level=compound); none on the public page. */
  compounds?: readonly AreaFeature[];
  height: CSSProperties['height'];
  /** For phones: no zoom, pan or tooltips. */
  still?: boolean;
  testId?: string;
};

const NO_COMPOUNDS: readonly AreaFeature[] = [];

/** A grid's boundary drawn from our own GeoJSON, with its compounds inside it. */
export function GridBoundarySketch({
  grid,
  compounds = NO_COMPOUNDS,
  height,
  still,
  testId,
}: GridBoundarySketchProps) {
  const { t, i18n } = useTranslation('areas');
  const geoJson = useMemo(
    () =>
      buildGridSketchMap({ grid: { code: grid.code, name: grid.name, boundary: grid.boundary }, compounds }),
    [grid.code, grid.name, grid.boundary, compounds],
  );
  const mapName = `grid-sketch:${grid.code}:${compounds.length}`;
  const option = useMemo(
    () =>
      buildGridSketchOption({
        mapName,
        gridCode: grid.code,
        compounds: compounds.map((feature) => feature.properties),
        texts: { households: t('map.households') },
        language: i18n.language,
        latitude: grid.lat ?? undefined,
        still,
      }),
    [mapName, grid.code, grid.lat, compounds, t, i18n.language, still],
  );
  return (
    <AreaMapChart
      mapName={mapName}
      geoJson={geoJson}
      option={option}
      height={height}
      testId={testId}
      ariaLabel={t('profile.sketchLabel', { name: grid.name })}
    />
  );
}
