// What a GeoJSON boundary import must satisfy before anything is written. Pure, like the tree rules.
import { type BBox, bboxOf, type PolygonalGeometry } from '../../lib/geo/index';
import { geometryProblems } from './areas.geometry-rules';
import { type FeatureProblem, problem } from './areas.import-rules';
import { polygonalSchema } from './areas.schemas';
import type { AreaLevel, AreaRow } from './areas.table';

/** Boundaries may be imported for these levels: the city's own outline is not redrawn by import. */
export const BOUNDARY_LEVELS: readonly AreaLevel[] = ['district', 'street', 'community', 'grid', 'compound'];

/** What the service found about a code a feature names: the place, its parent's extent, the current version's start. */
export type BoundaryPlace = Pick<AreaRow, 'code' | 'name' | 'level' | 'path' | 'status' | 'parentCode'> & {
  /** The day the version in force began: a redraw may not start before it. */
  currentSince: string;
  parentBBox: BBox | null;
};

export interface PlannedRedraw {
  index: number;
  place: BoundaryPlace;
  geometry: PolygonalGeometry;
}

/** The code a feature names in `properties.code`, as digits, or undefined. */
export function featureCode(feature: unknown): string | undefined {
  const code = (feature as { properties?: { code?: unknown } } | null)?.properties?.code;
  if (typeof code === 'number' && Number.isSafeInteger(code)) return String(code);
  return typeof code === 'string' && /^\d{2,32}$/.test(code.trim()) ? code.trim() : undefined;
}

/**
 * Checks every feature of a boundary import: a known polygon place in the caller's scope, named
 * once, with a valid polygon inside its parent. A parent redrawn in the same file is judged by its
 * new outline. An unknown code and one outside the caller's scope read the same.
 */
export function checkBoundaryFeatures(
  features: unknown[],
  ctx: {
    known: ReadonlyMap<string, BoundaryPlace>;
    canWrite: (path: string) => boolean;
    effectiveDate: string;
  },
): { problems: FeatureProblem[]; redraws: PlannedRedraw[] } {
  const shapes = features.map((f) =>
    polygonalSchema.safeParse((f as { geometry?: unknown } | null)?.geometry),
  );
  const newOutline = new Map<string, BBox>();
  features.forEach((f, i) => {
    const code = featureCode(f);
    const shape = shapes[i];
    if (code && shape?.success && !newOutline.has(code)) newOutline.set(code, bboxOf(shape.data));
  });
  const problems: FeatureProblem[] = [];
  const redraws: PlannedRedraw[] = [];
  const firstIndex = new Map<string, number>();
  features.forEach((feature, index) => {
    const code = featureCode(feature) ?? null;
    const before = problems.length;
    const add = (field: string, reason: string, zh: string, en: string) =>
      problems.push({ index, code, ...problem(field, reason, zh, en) });
    const at = `features[${index}]`;
    if ((feature as { type?: unknown } | null)?.type !== 'Feature')
      add(at, 'not_a_feature', '应为 GeoJSON Feature', 'must be a GeoJSON Feature');
    // A place outside the caller's scope is treated as absent throughout, down to the parent
    // extent its outline is measured against: nothing in the answer may tell it exists.
    const found = code ? ctx.known.get(code) : undefined;
    const place = found && ctx.canWrite(found.path) ? found : undefined;
    const seen = code ? firstIndex.get(code) : undefined;
    if (!code)
      add(
        `${at}.properties.code`,
        'code_missing',
        '缺少区域编码（properties.code）',
        'properties.code is missing or not a code',
      );
    else if (seen !== undefined)
      add(
        `${at}.properties.code`,
        'code_duplicate',
        `编码与 features[${seen}] 重复`,
        `the code repeats features[${seen}]`,
      );
    else if (!place)
      add(
        `${at}.properties.code`,
        'code_unknown',
        '编码不存在或不在您的管辖范围内',
        'unknown or outside your scope',
      );
    else if (place.status !== 'active')
      add(`${at}.properties.code`, 'code_retired', '该区域已撤销', 'the place is retired');
    else if (!BOUNDARY_LEVELS.includes(place.level))
      add(
        `${at}.properties.code`,
        'not_polygon_level',
        '只有区县、街道、社区、网格、小区可导入边界',
        'only districts, streets, communities, grids and compounds have boundaries',
      );
    else if (ctx.effectiveDate < place.currentSince)
      add(
        'effectiveDate',
        'effective_before_current',
        `生效日期不能早于现行版本（${place.currentSince}）`,
        `the effective date is before the current version (${place.currentSince})`,
      );
    if (code && seen === undefined) firstIndex.set(code, index);

    const shape = shapes[index];
    if (!shape?.success)
      add(
        `${at}.geometry`,
        'geometry_not_polygon',
        '几何应为 Polygon 或 MultiPolygon，坐标为[经度, 纬度]',
        'geometry must be a Polygon or MultiPolygon of [lng, lat] positions',
      );
    else {
      const parentCode = place?.parentCode ?? undefined;
      const within = (parentCode && newOutline.get(parentCode)) || place?.parentBBox || null;
      for (const p of geometryProblems(shape.data, { field: `${at}.geometry`, within }))
        problems.push({ index, code, ...p });
    }
    if (problems.length === before && place && shape?.success)
      redraws.push({ index, place, geometry: shape.data });
  });
  return { problems, redraws };
}

/** The deepest path that covers all of `paths`: where an import's change is filed. */
export function commonPath(paths: string[]): string {
  if (paths.length === 0) return '';
  let common = paths[0]!.split('/');
  for (const p of paths.slice(1)) {
    const parts = p.split('/');
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('/');
}
