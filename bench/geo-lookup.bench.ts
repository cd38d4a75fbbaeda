// Point → grid lookup at city scale: 1,000,000 reported places against Binzhou's ~1,459
// grids (网格), as when geocoding a backlog of demands or checking patrol check-ins.
import {
  type BBox,
  createPolygonIndex,
  locatePointInGeometry,
  type Polygon,
  type Position,
  subdivideRectangle,
} from '../src/lib/geo';
import { createRandom } from '../src/lib/random';
import type { BenchResult } from './bench.types';
import { timeIt } from './bench.types';

const BINZHOU: BBox = [117.6, 37.2, 118.3, 37.6];
const GRID_COUNT = 1459;
const POINT_COUNT = 1_000_000;
const NAIVE_SAMPLE = 20_000;

interface Grid {
  id: string;
  geometry: Polygon;
}

/** The index's rule by brute force: first grid (in id order) holding the point inside, else first touching it. */
function scanEveryGrid(grids: Grid[], point: Position, boxes?: BBox[]): Grid | undefined {
  let onBoundary: Grid | undefined;
  for (let i = 0; i < grids.length; i++) {
    const box = boxes?.[i];
    if (box && (point[0] < box[0] || point[1] < box[1] || point[0] > box[2] || point[1] > box[3])) continue;
    const where = locatePointInGeometry(point, grids[i]!.geometry);
    if (where === 'inside') return grids[i];
    if (where === 'boundary') onBoundary ??= grids[i];
  }
  return onBoundary;
}

export default async function geoLookup(): Promise<BenchResult[]> {
  const cells = subdivideRectangle({
    bbox: BINZHOU,
    count: GRID_COUNT,
    random: createRandom('binzhou-grids'),
  });
  // Ids in the same order as the cells, so that the scan's order is the index's id order.
  const grids: Grid[] = cells.map((geometry, i) => ({
    id: `371602-${String(i).padStart(4, '0')}`,
    geometry,
  }));
  const boxes = cells.map((cell) => {
    const ring = cell.coordinates[0]!;
    return [ring[0]![0], ring[0]![1], ring[2]![0], ring[2]![1]] as BBox;
  });
  const random = createRandom('geo-lookup-points');
  const points: Position[] = Array.from({ length: POINT_COUNT }, () => [
    random.float(BINZHOU[0], BINZHOU[2]),
    random.float(BINZHOU[1], BINZHOU[3]),
  ]);

  let index = createPolygonIndex(grids);
  const buildMs = await timeIt(() => {
    index = createPolygonIndex(grids);
  });
  let located = 0;
  const indexMs = await timeIt(() => {
    located = 0;
    for (const point of points) if (index.locate(point)) located++;
  });

  const sample = points.slice(0, NAIVE_SAMPLE);
  let naive: (Grid | undefined)[] = [];
  const naiveMs = await timeIt(() => {
    naive = sample.map((point) => scanEveryGrid(grids, point));
  });
  let boxed: (Grid | undefined)[] = [];
  const boxedMs = await timeIt(() => {
    boxed = sample.map((point) => scanEveryGrid(grids, point, boxes));
  });
  const disagreements = sample.filter(
    (point, i) => index.locate(point) !== naive[i] || boxed[i] !== naive[i],
  ).length;
  if (disagreements > 0)
    throw new Error(`index and scan disagree on ${disagreements} of ${NAIVE_SAMPLE} points`);

  const scale = POINT_COUNT / NAIVE_SAMPLE;
  const scaled = `timed on the first ${NAIVE_SAMPLE.toLocaleString('en')} points and multiplied by ${scale}`;
  const common =
    `${GRID_COUNT} grids from subdivideRectangle, ${POINT_COUNT.toLocaleString('en')} seeded uniform points, ` +
    `${located.toLocaleString('en')} located; index built in ${buildMs.toFixed(1)} ms (not in the subject's time); ` +
    `index and scans agree on every sampled point; best of 3`;
  return [
    {
      name: `point → grid, ${POINT_COUNT.toLocaleString('en')} points × ${GRID_COUNT} grids`,
      baseline: { label: 'scan every grid, exact test', ms: naiveMs * scale },
      subject: { label: 'index.locate', ms: indexMs },
      note: `baseline ${scaled} (${naiveMs.toFixed(1)} ms); ${common}`,
    },
    {
      name: `point → grid, bbox-filtered scan`,
      baseline: { label: 'scan every bbox, then exact test', ms: boxedMs * scale },
      subject: { label: 'index.locate', ms: indexMs },
      note: `baseline ${scaled} (${boxedMs.toFixed(1)} ms)`,
    },
  ];
}
