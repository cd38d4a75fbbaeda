import type { MapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type AreaMapOption = ComposeOption<
  MapSeriesOption | TooltipComponentOption | VisualMapComponentOption
>;

/** One child region on the map, as the geojson endpoint describes it. */
export type AreaMapRegion = { code: string; name: string; households: number; childCount: number };

export type AreaMapTexts = {
  /** "户数" — the tooltip line and the visual map's title. */
  households: string;
  /** What the children of a region are called at this level ("社区数"); null where there are none to count. */
  childCount: string | null;
  /** The visual map's ends. */
  high: string;
  low: string;
};

export type BuildAreaMapOptionInput = {
  /** The name the FeatureCollection was registered under (`echarts.registerMap`). */
  mapName: string;
  regions: readonly AreaMapRegion[];
  texts: AreaMapTexts;
  /** BCP 47 language for number formatting. */
  language: string;
  /** Latitude of the map's centre: degrees of longitude shrink by cos(latitude). */
  latitude?: number;
  /** Past this many regions the names show only on hover, so that small grids do not bury each other's labels. */
  maxLabels?: number;
};

const HOUSEHOLD_COLORS = ['#e6f4ff', '#91caff', '#4096ff', '#0958d9', '#002c8c'];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Width/height correction for a plate carrée map at this latitude (ECharts' default 0.75 fits ~41°). */
export function aspectScaleAt(latitude: number | undefined): number {
  if (latitude === undefined || !Number.isFinite(latitude)) return 0.75;
  return Math.max(0.2, Math.cos((latitude * Math.PI) / 180));
}

/**
 * The ECharts option of a drill-down map: each child region coloured by its household count,
 * the name and figures in the tooltip. Regions are keyed by code (the series' `nameProperty`),
 * since two grids of different communities may share a name.
 */
export function buildAreaMapOption(input: BuildAreaMapOptionInput): AreaMapOption {
  const { regions, texts, language } = input;
  const byCode = new Map(regions.map((region) => [region.code, region]));
  const numbers = new Intl.NumberFormat(language);
  const maxHouseholds = regions.reduce((max, region) => Math.max(max, region.households), 0);
  const showLabels = regions.length <= (input.maxLabels ?? 40);

  return {
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const code = Array.isArray(params) ? params[0]?.name : params.name;
        const region = code === undefined ? undefined : byCode.get(code);
        if (!region) return '';
        const lines = [
          `<strong>${escapeHtml(region.name)}</strong>`,
          `${escapeHtml(texts.households)}: ${numbers.format(region.households)}`,
        ];
        if (texts.childCount !== null)
          lines.push(`${escapeHtml(texts.childCount)}: ${numbers.format(region.childCount)}`);
        return lines.join('<br/>');
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      // A map whose households are all unknown (0) still needs a range to draw the legend.
      max: Math.max(1, maxHouseholds),
      left: 16,
      bottom: 16,
      calculable: true,
      text: [texts.high, texts.low],
      inRange: { color: HOUSEHOLD_COLORS },
      formatter: (value) => numbers.format(Math.round(Number(value))),
    },
    series: [
      {
        type: 'map',
        map: input.mapName,
        nameProperty: 'code',
        roam: true,
        scaleLimit: { min: 0.8, max: 20 },
        aspectScale: aspectScaleAt(input.latitude),
        // Room on the left for the colour scale, so that it never covers a region.
        left: 128,
        right: 24,
        top: 24,
        bottom: 24,
        selectedMode: false,
        label: {
          show: showLabels,
          formatter: (params) => byCode.get(params.name)?.name ?? params.name,
          // A light chip behind the name reads on the palest and the darkest blue alike.
          color: '#1f1f1f',
          fontSize: 12,
          backgroundColor: 'rgba(255, 255, 255, 0.85)',
          padding: [2, 4],
          borderRadius: 3,
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1.2, areaColor: '#f0f0f0' },
        emphasis: {
          label: { show: true, formatter: (params) => byCode.get(params.name)?.name ?? params.name },
          itemStyle: { areaColor: '#ffd666', borderColor: '#fa8c16', borderWidth: 2 },
        },
        data: regions.map((region) => ({ name: region.code, value: region.households })),
      },
    ],
  };
}
