import type { MapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Polygonal } from './api';
import { aspectScaleAt, escapeHtml } from './buildAreaMapOption';

export type GridSketchOption = ComposeOption<MapSeriesOption | TooltipComponentOption>;

export type GridSketchCompound = { code: string; name: string; households: number };

export type BuildGridSketchOptionInput = {
  /** Registered map holding the grid's boundary (feature id = the grid's code) and its compounds. */
  mapName: string;
  gridCode: string;
  compounds: readonly GridSketchCompound[];
  texts: { households: string };
  language: string;
  latitude?: number;
  /** A sketch for a phone: no zoom or pan that would fight the page's scrolling, no tooltips. */
  still?: boolean;
};

const GRID_FILL = 'rgba(22, 119, 255, 0.08)';
const GRID_BORDER = '#1677ff';
const COMPOUND_FILL = '#ffe7ba';
const COMPOUND_BORDER = '#d46b08';

/** The ECharts option of a grid's boundary with its compounds drawn inside it. */
export function buildGridSketchOption(input: BuildGridSketchOptionInput): GridSketchOption {
  const byCode = new Map(input.compounds.map((compound) => [compound.code, compound]));
  const numbers = new Intl.NumberFormat(input.language);
  const still = input.still ?? false;
  const compoundName = (code: string) => byCode.get(code)?.name ?? '';

  return {
    tooltip: {
      show: !still,
      trigger: 'item',
      formatter: (params) => {
        const code = Array.isArray(params) ? params[0]?.name : params.name;
        const compound = code === undefined ? undefined : byCode.get(code);
        if (!compound) return '';
        return `<strong>${escapeHtml(compound.name)}</strong><br/>${escapeHtml(input.texts.households)}: ${numbers.format(compound.households)}`;
      },
    },
    series: [
      {
        type: 'map',
        map: input.mapName,
        nameProperty: 'code',
        roam: !still,
        aspectScale: aspectScaleAt(input.latitude),
        layoutCenter: ['50%', '50%'],
        layoutSize: '90%',
        selectedMode: false,
        itemStyle: { areaColor: COMPOUND_FILL, borderColor: COMPOUND_BORDER, borderWidth: 1 },
        label: {
          show: !still && input.compounds.length <= 12,
          formatter: (params) => compoundName(params.name),
          fontSize: 11,
          color: '#613400',
        },
        emphasis: {
          label: { show: !still, formatter: (params) => compoundName(params.name) },
          itemStyle: { areaColor: '#ffc069' },
        },
        data: [
          {
            name: input.gridCode,
            silent: true,
            itemStyle: { areaColor: GRID_FILL, borderColor: GRID_BORDER, borderWidth: 2.5 },
            label: { show: false },
            emphasis: { disabled: true },
          },
          ...input.compounds.map((compound) => ({ name: compound.code, value: compound.households })),
        ],
      },
    ],
  };
}

type SketchFeature = {
  type: 'Feature';
  id: string;
  geometry: Polygonal;
  properties: { code: string; name: string };
};

/**
 * The FeatureCollection to register for a grid sketch: the grid's own boundary first, then its
 * compounds, so that the compounds are drawn over the grid.
 */
export function buildGridSketchMap(input: {
  grid: { code: string; name: string; boundary: Polygonal | null };
  compounds?: readonly { id: string; geometry: Polygonal; properties: { code: string; name: string } }[];
}): { type: 'FeatureCollection'; features: SketchFeature[] } {
  const features: SketchFeature[] = [];
  if (input.grid.boundary) {
    features.push({
      type: 'Feature',
      id: input.grid.code,
      geometry: input.grid.boundary,
      properties: { code: input.grid.code, name: input.grid.name },
    });
  }
  for (const compound of input.compounds ?? []) {
    features.push({
      type: 'Feature',
      id: compound.id,
      geometry: compound.geometry,
      properties: { code: compound.properties.code, name: compound.properties.name },
    });
  }
  return { type: 'FeatureCollection', features };
}
