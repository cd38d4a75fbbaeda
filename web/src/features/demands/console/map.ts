import type { ScatterSeriesOption } from 'echarts/charts';
import type { GeoComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { AreaFeature, AreaLevel, MapLevel } from '../../areas/api';
import { aspectScaleAt } from '../../areas/buildAreaMapOption';

// The small maps of the demands console, drawn from our own GeoJSON (/api/v1/areas/geojson, no
// tile server): the intake form's point picker over the grids of the chosen place, and the
// demand page's grid polygon with a marker at the demand's point.

export type DemandMapOption = ComposeOption<GeoComponentOption | ScatterSeriesOption>;
export type Point = { lng: number; lat: number };

/** Which boundaries to draw around a place: the grids of a street or community, the neighbours of a grid … */
export function pickMapQuery(place: {
  code: string;
  level: AreaLevel;
  parentCode: string | null;
}): { parent: string; level: MapLevel } | null {
  switch (place.level) {
    case 'city':
      return { parent: place.code, level: 'district' };
    case 'district':
      return { parent: place.code, level: 'street' };
    case 'street':
    case 'community':
      return { parent: place.code, level: 'grid' };
    case 'grid':
      return place.parentCode ? { parent: place.parentCode, level: 'grid' } : null;
    case 'compound':
      return place.parentCode ? { parent: place.parentCode, level: 'compound' } : null;
    default:
      return null;
  }
}

/** The code before `code` in a materialized path (`…/371602001001/371602001001001` → the community). */
export function parentInPath(path: string, code: string): string | null {
  const parts = path.split('/').filter(Boolean);
  const at = parts.indexOf(code);
  return at > 0 ? (parts[at - 1] ?? null) : null;
}

/** A point rounded to about a metre (six decimals), as it is sent to the server. */
export function roundPoint([lng, lat]: readonly number[]): Point | null {
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat))
    return null;
  return { lng: Math.round(lng * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 };
}

function middleLatitude(features: readonly AreaFeature[]): number | undefined {
  let south = Number.POSITIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const feature of features) {
    const polygons =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of polygons)
      for (const [, lat] of polygon[0] ?? []) {
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
  }
  return Number.isFinite(south) ? (south + north) / 2 : undefined;
}

/** The option: the boundaries (one highlighted), names when few, and a pin at the point. */
export function buildDemandMapOption(input: {
  mapName: string;
  features: readonly AreaFeature[];
  point: Point | null;
  highlight?: string | null;
  /** The picker may be zoomed and panned; the demand page's map stays still. */
  roam?: boolean;
}): DemandMapOption {
  const names = new Map(input.features.map((f) => [f.properties.code, f.properties.name]));
  return {
    animation: false,
    geo: {
      map: input.mapName,
      nameProperty: 'code',
      roam: input.roam ?? false,
      aspectScale: aspectScaleAt(middleLatitude(input.features)),
      layoutCenter: ['50%', '50%'],
      layoutSize: '92%',
      selectedMode: false,
      silent: !input.roam,
      itemStyle: { areaColor: 'rgba(22, 119, 255, 0.06)', borderColor: '#1677ff', borderWidth: 1 },
      emphasis: { disabled: true },
      regions: input.highlight
        ? [{ name: input.highlight, itemStyle: { areaColor: 'rgba(22, 119, 255, 0.18)', borderWidth: 2.5 } }]
        : [],
      label: {
        show: input.features.length <= 16,
        fontSize: 11,
        color: '#1d39c4',
        formatter: (params: { name?: string }) => names.get(params.name ?? '') ?? '',
      },
    },
    series: [
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'pin',
        symbolSize: 32,
        itemStyle: { color: '#ff4d4f' },
        silent: true,
        data: input.point ? [[input.point.lng, input.point.lat]] : [],
      },
    ],
  };
}
