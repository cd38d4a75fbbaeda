// The changes officials make to the map: draw, split and merge grids, rename, redraw, move.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { centroidOf, locatePointInGeometry, type Polygon, type PolygonalGeometry } from '../../lib/geo/index';
import { newId } from '../../lib/ids';
import type { Actor } from '../iam/index';
import { areasErrors } from './areas.errors';
import {
  bboxColumns,
  checkEffectiveDate,
  checkGeometry,
  closeVersion,
  getWritableArea,
  nextChildCode,
  openChange,
  openVersion,
  parentLevelOf,
  retire,
  rewriteSubtree,
} from './areas.history';
import * as repo from './areas.repository';
import { type AreaRow, POLYGON_LEVELS } from './areas.table';
import { parseAttrs, parseBoundary } from './areas.views';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

async function insertGrid(
  trx: Trx,
  opts: {
    code: string;
    community: AreaRow;
    name: string;
    boundary: PolygonalGeometry;
    date: string;
    attrs: object;
    changeId: string;
    sortOrder: number;
  },
) {
  const now = new Date().toISOString();
  const row: AreaRow = {
    id: newId(),
    code: opts.code,
    parentCode: opts.community.code,
    path: `${opts.community.path}/${opts.code}`,
    level: 'grid',
    kind: '城市网格',
    name: opts.name,
    depth: opts.community.depth + 1,
    sortOrder: opts.sortOrder,
    ...bboxColumns(opts.boundary),
    attrs: JSON.stringify(opts.attrs),
    status: 'active',
    validFrom: opts.date,
    validTo: null,
    successorCode: null,
    createdAt: now,
    updatedAt: now,
  };
  await trx.insertInto('areas').values(row).execute();
  await openVersion(trx, row, opts.date, opts.changeId);
  return row;
}

export async function createGrid(opts: {
  db: Db;
  actor: Actor;
  input: {
    communityCode: string;
    name: string;
    boundary: PolygonalGeometry;
    effectiveDate: string;
    supervisionPhone?: string | undefined;
  };
}) {
  const { db, actor, input } = opts;
  const community = await getWritableArea(db, actor, input.communityCode, 'community');
  checkEffectiveDate(input.effectiveDate, community);
  checkGeometry(input.boundary, 'boundary', community);
  return db.transaction().execute(async (trx) => {
    const code = await nextChildCode(trx, community, 3);
    const changeId = await openChange(trx, actor, {
      kind: 'create',
      effectiveDate: input.effectiveDate,
      scopePath: community.path,
      summary: { code, name: input.name },
    });
    const attrs = input.supervisionPhone ? { supervisionPhone: input.supervisionPhone } : {};
    const row = await insertGrid(trx, {
      code,
      community,
      name: input.name,
      boundary: input.boundary,
      date: input.effectiveDate,
      attrs,
      changeId,
      sortOrder: 999,
    });
    await repo.bumpRevision(trx);
    return { code: row.code, changeId };
  });
}

/** Reassigns each compound of the old grid(s) to the new grid whose boundary holds its label point. */
async function reassignCompounds(
  trx: Trx,
  fromGrids: AreaRow[],
  toGrids: { row: AreaRow; geometry: PolygonalGeometry }[],
  date: string,
  changeId: string,
) {
  const moved: { compound: string; to: string }[] = [];
  for (const from of fromGrids) {
    const compounds = await repo.listChildren(trx, { parentCode: from.code, limit: 10_000 });
    for (const c of compounds) {
      const point: [number, number] =
        c.lng !== null && c.lat !== null ? [c.lng, c.lat] : centroidOf(parseBoundary(c.boundary) as Polygon);
      const target =
        toGrids.find((g) => locatePointInGeometry(point, g.geometry) !== 'outside') ??
        (toGrids.length === 1 ? toGrids[0] : undefined);
      if (!target)
        throw areasErrors.invalidGeometry([
          {
            field: 'parts',
            in: 'body',
            reason: 'compound_unplaced',
            message: {
              zh: `小区「${c.name}」不在任何新网格内`,
              en: `compound "${c.name}" lies in none of the new grids`,
            },
          },
        ]);
      await rewriteSubtree(trx, c, target.row, date, changeId);
      moved.push({ compound: c.code, to: target.row.code });
    }
    await trx
      .updateTable('gridStaff')
      .set({ gridCode: toGrids[0]!.row.code, path: toGrids[0]!.row.path })
      .where('gridCode', '=', from.code)
      .execute();
  }
  return moved;
}

/** Splits a grid into parts on a date: the old grid is retired, its compounds follow their location. */
export async function splitGrid(opts: {
  db: Db;
  actor: Actor;
  code: string;
  input: {
    effectiveDate: string;
    note?: string | undefined;
    parts: { name: string; boundary: PolygonalGeometry }[];
  };
}) {
  const { db, actor, input } = opts;
  const grid = await getWritableArea(db, actor, opts.code, 'grid');
  checkEffectiveDate(input.effectiveDate, grid);
  const community = await getWritableArea(db, actor, grid.parentCode as string, 'community');
  for (const [i, p] of input.parts.entries()) checkGeometry(p.boundary, `parts.${i}.boundary`, community);
  return db.transaction().execute(async (trx) => {
    const changeId = await openChange(trx, actor, {
      kind: 'split',
      effectiveDate: input.effectiveDate,
      scopePath: community.path,
      note: input.note,
      summary: { from: grid.code, parts: input.parts.map((p) => p.name) },
    });
    const created = [];
    for (const [i, part] of input.parts.entries()) {
      const code = await nextChildCode(trx, community, 3);
      const attrs = { ...parseAttrs(grid), predecessors: [grid.code] };
      const row = await insertGrid(trx, {
        code,
        community,
        name: part.name,
        boundary: part.boundary,
        date: input.effectiveDate,
        attrs,
        changeId,
        sortOrder: grid.sortOrder * 10 + i,
      });
      created.push({ row, geometry: part.boundary });
    }
    const moved = await reassignCompounds(trx, [grid], created, input.effectiveDate, changeId);
    await retire(
      trx,
      grid,
      input.effectiveDate,
      created.map((c) => c.row.code),
    );
    await repo.bumpRevision(trx);
    return { changeId, retired: [grid.code], created: created.map((c) => c.row.code), movedCompounds: moved };
  });
}

/** Merges grids of one community into a new grid on a date; the old grids are retired. */
export async function mergeGrids(opts: {
  db: Db;
  actor: Actor;
  input: { effectiveDate: string; note?: string | undefined; codes: string[]; name: string };
}) {
  const { db, actor, input } = opts;
  const grids: AreaRow[] = [];
  for (const code of new Set(input.codes)) grids.push(await getWritableArea(db, actor, code, 'grid'));
  if (new Set(grids.map((g) => g.parentCode)).size !== 1 || grids.length < 2) throw areasErrors.notSiblings();
  for (const g of grids) checkEffectiveDate(input.effectiveDate, g);
  const community = await getWritableArea(db, actor, grids[0]!.parentCode as string, 'community');
  const polygons = grids.flatMap((g) => {
    const b = parseBoundary(g.boundary);
    if (!b) return [];
    return b.type === 'Polygon' ? [b.coordinates] : b.coordinates;
  });
  const boundary: PolygonalGeometry = { type: 'MultiPolygon', coordinates: polygons };
  return db.transaction().execute(async (trx) => {
    const changeId = await openChange(trx, actor, {
      kind: 'merge',
      effectiveDate: input.effectiveDate,
      scopePath: community.path,
      note: input.note,
      summary: { from: grids.map((g) => g.code), name: input.name },
    });
    const code = await nextChildCode(trx, community, 3);
    const attrs = { ...parseAttrs(grids[0]!), predecessors: grids.map((g) => g.code) };
    const row = await insertGrid(trx, {
      code,
      community,
      name: input.name,
      boundary,
      date: input.effectiveDate,
      attrs,
      changeId,
      sortOrder: Math.min(...grids.map((g) => g.sortOrder)),
    });
    const moved = await reassignCompounds(
      trx,
      grids,
      [{ row, geometry: boundary }],
      input.effectiveDate,
      changeId,
    );
    for (const g of grids) await retire(trx, g, input.effectiveDate, [code]);
    await repo.bumpRevision(trx);
    return { changeId, retired: grids.map((g) => g.code), created: [code], movedCompounds: moved };
  });
}

/** Renames or redraws a place, or changes a grid's supervision phone; name and boundary changes are versioned. */
export async function updateArea(opts: {
  db: Db;
  actor: Actor;
  code: string;
  input: {
    effectiveDate: string;
    name?: string | undefined;
    boundary?: PolygonalGeometry | undefined;
    supervisionPhone?: string | undefined;
  };
}) {
  const { db, actor, input } = opts;
  const row = await getWritableArea(db, actor, opts.code);
  checkEffectiveDate(input.effectiveDate, row);
  const parent = row.parentCode ? await repo.findAreaByCode(db, row.parentCode) : undefined;
  if (input.boundary) {
    if (!POLYGON_LEVELS.includes(row.level)) throw areasErrors.wrongLevel('polygon', row.level);
    checkGeometry(input.boundary, 'boundary', parent ?? row);
  }
  const versioned = (input.name !== undefined && input.name !== row.name) || input.boundary !== undefined;
  return db.transaction().execute(async (trx) => {
    const kind = input.boundary ? 'redraw' : 'rename';
    const changeId = await openChange(trx, actor, {
      kind,
      effectiveDate: input.effectiveDate,
      scopePath: row.path,
      summary: {
        code: row.code,
        before: { name: row.name },
        after: {
          name: input.name,
          boundaryChanged: Boolean(input.boundary),
          supervisionPhone: input.supervisionPhone,
        },
      },
    });
    const attrs =
      input.supervisionPhone !== undefined
        ? { ...parseAttrs(row), supervisionPhone: input.supervisionPhone }
        : parseAttrs(row);
    const next: AreaRow = {
      ...row,
      name: input.name ?? row.name,
      ...(input.boundary ? bboxColumns(input.boundary) : {}),
      attrs: JSON.stringify(attrs),
      updatedAt: new Date().toISOString(),
    };
    await trx
      .updateTable('areas')
      .set({
        name: next.name,
        boundary: next.boundary,
        minLng: next.minLng,
        minLat: next.minLat,
        maxLng: next.maxLng,
        maxLat: next.maxLat,
        lng: next.lng,
        lat: next.lat,
        attrs: next.attrs,
        updatedAt: next.updatedAt,
      })
      .where('code', '=', row.code)
      .execute();
    if (versioned) {
      await closeVersion(trx, row.code, input.effectiveDate);
      await openVersion(trx, next, input.effectiveDate, changeId);
    }
    await repo.bumpRevision(trx);
    return { changeId };
  });
}

/** Moves a place under another parent of the level above (a compound to another grid); codes stay. */
export async function moveArea(opts: {
  db: Db;
  actor: Actor;
  code: string;
  input: { effectiveDate: string; newParentCode: string; note?: string | undefined };
}) {
  const { db, actor, input } = opts;
  const row = await getWritableArea(db, actor, opts.code);
  const expected = parentLevelOf(row.level);
  const parent = await getWritableArea(db, actor, input.newParentCode, expected);
  checkEffectiveDate(input.effectiveDate, row);
  if (row.parentCode === parent.code) return { changeId: null };
  return db.transaction().execute(async (trx) => {
    const changeId = await openChange(trx, actor, {
      kind: 'move',
      effectiveDate: input.effectiveDate,
      scopePath: parent.path,
      note: input.note,
      summary: { code: row.code, from: row.parentCode, to: parent.code },
    });
    await rewriteSubtree(trx, row, parent, input.effectiveDate, changeId);
    await repo.bumpRevision(trx);
    return { changeId };
  });
}
