import type { ScatterSeriesOption } from 'echarts/charts';
import type { GeoComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { aspectScaleAt } from '../../areas/buildAreaMapOption';

// The small map on which a resident or grid worker taps the place of a problem: the grids around
// drawn from our own GeoJSON (no tile server), a pin where they tapped. The server finds the grid
// and compound of the point exactly (areas lookup); here the grid's name is only shown back.

export type Position = [lng: number, lat: number];
export type Polygonal =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };
export type PickFeature = {
  type: 'Feature';
  id: string;
  geometry: Polygonal;
  properties: { code: string; name: string };
};
export type PickFeatureCollection = { type: 'FeatureCollection'; features: PickFeature[] };

export type PickPointOption = ComposeOption<GeoComponentOption | ScatterSeriesOption>;

/** Even-odd ray casting over one ring (planar lng/lat, as the grids are drawn). */
function insideRing(point: Position, ring: readonly Position[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside a polygon or multipolygon (holes left out). */
export function containsPoint(geometry: Polygonal, point: Position): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(
    ([outer, ...holes]) =>
      !!outer && insideRing(point, outer) && !holes.some((hole) => insideRing(point, hole)),
  );
}

/** The feature a point falls in, if any. */
export function featureAt(features: readonly PickFeature[], point: Position): PickFeature | undefined {
  return features.find((feature) => containsPoint(feature.geometry, point));
}

/** West, south, east, north of all features. */
export function boundsOf(features: readonly PickFeature[]): [number, number, number, number] | null {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const feature of features) {
    const polygons =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of polygons)
      for (const [lng, lat] of polygon[0] ?? []) {
        west = Math.min(west, lng);
        east = Math.max(east, lng);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

/** A point rounded to about a metre (six decimals), as it is sent to the server. */
export function roundPosition([lng, lat]: Position): Position {
  return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/** The ECharts option: the grids (names shown when few), and the pin of the picked point. */
export function buildPickPointOption(input: {
  mapName: string;
  features: readonly PickFeature[];
  point: Position | null;
}): PickPointOption {
  const bounds = boundsOf(input.features);
  const latitude = bounds ? (bounds[1] + bounds[3]) / 2 : undefined;
  return {
    animation: false,
    geo: {
      map: input.mapName,
      nameProperty: 'code',
      roam: false,
      aspectScale: aspectScaleAt(latitude),
      layoutCenter: ['50%', '50%'],
      layoutSize: '95%',
      selectedMode: false,
      silent: true,
      itemStyle: { areaColor: 'rgba(22, 119, 255, 0.08)', borderColor: '#1677ff', borderWidth: 1 },
      label: {
        show: input.features.length <= 12,
        fontSize: 10,
        color: '#1d39c4',
        formatter: (params: { name?: string }) =>
          input.features.find((feature) => feature.properties.code === params.name)?.properties.name ?? '',
      },
    },
    series: [
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'pin',
        symbolSize: 30,
        // The pin's tip, not its middle, marks the point.
        symbolOffset: [0, '-50%'],
        itemStyle: { color: '#ff4d4f' },
        silent: true,
        data: input.point ? [input.point] : [],
      },
    ],
  };
}
