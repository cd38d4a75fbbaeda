import type { PolygonalGeometry } from '../../lib/geo/index';
import type { AreaLevel, AreaRow } from './areas.table';

export type AreaSummaryView = ReturnType<typeof toAreaSummary>;

export function toAreaSummary(
  row: Pick<AreaRow, 'code' | 'name' | 'level' | 'kind' | 'path' | 'parentCode' | 'status' | 'lng' | 'lat'>,
  hasChildren: boolean,
) {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    kind: row.kind,
    path: row.path,
    parentCode: row.parentCode,
    status: row.status,
    lng: row.lng,
    lat: row.lat,
    hasChildren,
  };
}

export function parseAttrs(row: Pick<AreaRow, 'attrs'>): Record<string, unknown> {
  try {
    const value = JSON.parse(row.attrs);
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

export function parseBoundary(text: string | null): PolygonalGeometry | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as PolygonalGeometry;
  } catch {
    return null;
  }
}

export const COUNTED_LEVELS = [
  'district',
  'street',
  'community',
  'grid',
  'compound',
  'building',
  'unit',
  'household',
] as const;

export function toLevelCounts(counts: Map<AreaLevel, number>) {
  return Object.fromEntries(COUNTED_LEVELS.map((l) => [l, counts.get(l) ?? 0])) as Record<
    (typeof COUNTED_LEVELS)[number],
    number
  >;
}

export function toAreaNode(opts: {
  row: AreaRow;
  hasChildren: boolean;
  ancestors: AreaRow[];
  counts: Map<AreaLevel, number>;
  successor: AreaRow | undefined;
  successorHasChildren: boolean;
}) {
  const { row } = opts;
  return {
    ...toAreaSummary(row, opts.hasChildren),
    validFrom: row.validFrom,
    validTo: row.validTo,
    successorCode: row.successorCode,
    successor: opts.successor ? toAreaSummary(opts.successor, opts.successorHasChildren) : null,
    attrs: parseAttrs(row),
    bbox:
      row.minLng !== null && row.minLat !== null && row.maxLng !== null && row.maxLat !== null
        ? ([row.minLng, row.minLat, row.maxLng, row.maxLat] as [number, number, number, number])
        : null,
    ancestors: opts.ancestors.map((a) => ({ code: a.code, name: a.name, level: a.level })),
    counts: toLevelCounts(opts.counts),
  };
}

/** The ancestor codes of a path, from the root down, without the node itself. */
export function ancestorCodes(path: string): string[] {
  return path.split('/').slice(0, -1);
}
