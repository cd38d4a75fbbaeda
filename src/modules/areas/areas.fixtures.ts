import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { bboxOf, centroidOf, type Polygon } from '../../lib/geo/index';
import { newId } from '../../lib/ids';
import type { AreaLevel, AreaRow } from './areas.table';

/** Test factory: a rectangle as a GeoJSON polygon. */
export function rect(w: number, s: number, e: number, n: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

const EPOCH = '2021-01-01';

function areaRow(opts: {
  code: string;
  parent?: AreaRow;
  level: AreaLevel;
  name: string;
  boundary?: Polygon;
  point?: [number, number];
  attrs?: object;
}): AreaRow {
  const now = new Date().toISOString();
  const geo = opts.boundary
    ? (() => {
        const [minLng, minLat, maxLng, maxLat] = bboxOf(opts.boundary);
        const [lng, lat] = centroidOf(opts.boundary);
        return { boundary: JSON.stringify(opts.boundary), minLng, minLat, maxLng, maxLat, lng, lat };
      })()
    : {
        boundary: null,
        minLng: null,
        minLat: null,
        maxLng: null,
        maxLat: null,
        lng: opts.point?.[0] ?? null,
        lat: opts.point?.[1] ?? null,
      };
  return {
    id: newId(),
    code: opts.code,
    parentCode: opts.parent?.code ?? null,
    path: opts.parent ? `${opts.parent.path}/${opts.code}` : opts.code,
    level: opts.level,
    kind: null,
    name: opts.name,
    depth: opts.parent ? opts.parent.depth + 1 : 0,
    sortOrder: 0,
    ...geo,
    attrs: JSON.stringify(opts.attrs ?? {}),
    status: 'active',
    validFrom: EPOCH,
    validTo: null,
    successorCode: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A small city for tests: 滨城区 with two streets (市中 371602001, 市西 371602002) side by side,
 * one community each, two grids per community split at the middle, one compound per grid, and
 * `householdsPerCompound` households in one building. Street A spans lng 0–10, street B 10–20;
 * every place is a rectangle, so points on shared edges are easy to name.
 */
export async function buildSmallCity(db: Kysely<Database>, opts: { householdsPerCompound?: number } = {}) {
  const perCompound = opts.householdsPerCompound ?? 4;
  const rows: AreaRow[] = [];
  const add = (r: AreaRow) => {
    rows.push(r);
    return r;
  };
  const city = add(areaRow({ code: '3716', level: 'city', name: '滨州市', boundary: rect(0, 0, 20, 10) }));
  const district = add(
    areaRow({
      code: '371602',
      parent: city,
      level: 'district',
      name: '滨城区',
      boundary: rect(0, 0, 20, 10),
    }),
  );
  const streets = [
    { code: '371602001', name: '市中街道', w: 0 },
    { code: '371602002', name: '市西街道', w: 10 },
  ];
  for (const st of streets) {
    const street = add(
      areaRow({
        code: st.code,
        parent: district,
        level: 'street',
        name: st.name,
        boundary: rect(st.w, 0, st.w + 10, 10),
      }),
    );
    const community = add(
      areaRow({
        code: `${st.code}001`,
        parent: street,
        level: 'community',
        name: `${st.name.slice(0, 2)}社区`,
        boundary: rect(st.w, 0, st.w + 10, 10),
      }),
    );
    for (const [i, w] of [st.w, st.w + 5].entries()) {
      const grid = add(
        areaRow({
          code: `${community.code}00${i + 1}`,
          parent: community,
          level: 'grid',
          name: `第${i + 1}网格`,
          boundary: rect(w, 0, w + 5, 10),
          attrs: { supervisionPhone: '0543-3160000' },
        }),
      );
      const compound = add(
        areaRow({
          code: `${grid.code}01`,
          parent: grid,
          level: 'compound',
          name: `${st.name.slice(0, 2)}${i + 1}号小区`,
          boundary: rect(w + 1, 1, w + 4, 9),
        }),
      );
      const building = add(
        areaRow({
          code: `${compound.code}001`,
          parent: compound,
          level: 'building',
          name: '1号楼',
          point: [w + 2, 5],
        }),
      );
      const unit = add(
        areaRow({
          code: `${building.code}01`,
          parent: building,
          level: 'unit',
          name: '1单元',
          point: [w + 2, 5],
        }),
      );
      for (let h = 1; h <= perCompound; h++)
        add(
          areaRow({
            code: `${unit.code}01${String(h).padStart(2, '0')}`,
            parent: unit,
            level: 'household',
            name: `1号楼1单元01${String(h).padStart(2, '0')}室`,
            point: [w + 2, 5],
          }),
        );
    }
  }
  await db.insertInto('areas').values(rows).execute();
  const polygons = rows.filter((r) => r.boundary);
  await db
    .insertInto('areaVersions')
    .values(
      polygons.map((r) => ({
        id: newId(),
        areaCode: r.code,
        parentCode: r.parentCode,
        path: r.path,
        level: r.level,
        name: r.name,
        boundary: r.boundary,
        validFrom: EPOCH,
        validTo: null,
        changeId: null,
      })),
    )
    .execute();
  await db
    .insertInto('gridStaff')
    .values(
      rows
        .filter((r) => r.level === 'grid')
        .map((g, i) => ({
          id: newId(),
          gridCode: g.code,
          path: g.path,
          name: `网格员${i + 1}`,
          duty: 'full_time' as const,
          workPhone: `1380543000${i}`,
          userId: null,
          sortOrder: 0,
          createdAt: new Date().toISOString(),
        })),
    )
    .execute();
  return { rows, byCode: new Map(rows.map((r) => [r.code, r])) };
}
