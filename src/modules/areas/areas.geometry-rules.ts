import type { BBox, PolygonalGeometry, Position } from '../../lib/geo/index';
import { bboxOf } from '../../lib/geo/index';
import type { FieldProblem } from '../../server/errors';

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[i + 1] as Position;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/**
 * What is wrong with a boundary a person drew or imported: open rings, too few corners, no area,
 * or lying outside its parent. Returns the problems with the field named, empty when fine.
 */
export function geometryProblems(
  geometry: PolygonalGeometry,
  opts: { field: string; within?: BBox | null },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (reason: string, zh: string, en: string) =>
    problems.push({ field: opts.field, in: 'body', reason, message: { zh, en } });
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  polygons.forEach((rings, p) => {
    rings.forEach((ring, r) => {
      const where = `${geometry.type === 'MultiPolygon' ? `第${p + 1}块` : ''}第${r + 1}个环`;
      const whereEn = `${geometry.type === 'MultiPolygon' ? `part ${p + 1}, ` : ''}ring ${r + 1}`;
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
        add(
          'ring_not_closed',
          `${where}首尾坐标不一致（环未闭合）`,
          `${whereEn} is not closed (first and last positions differ)`,
        );
      if (ring.length < 4)
        add('ring_too_short', `${where}至少需要 4 个坐标`, `${whereEn} needs at least 4 positions`);
      else if (Math.abs(ringArea(ring)) < 1e-12)
        add('ring_without_area', `${where}面积为零`, `${whereEn} encloses no area`);
    });
  });
  if (opts.within && problems.length === 0) {
    const [w, s, e, n] = bboxOf(geometry);
    const [pw, ps, pe, pn] = opts.within;
    const tolerance = 1e-6;
    if (w < pw - tolerance || s < ps - tolerance || e > pe + tolerance || n > pn + tolerance)
      add('outside_parent', '超出上级区域范围', 'extends beyond the parent place');
  }
  return problems;
}
