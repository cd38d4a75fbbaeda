// What every change to the map shares: the change record and its audit entry, the versions
// that make past maps answerable, re-pathing a subtree, and the checks on dates and drawings.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { below } from '../../db/scope-filter';
import { type BBox, bboxOf, centroidOf, type PolygonalGeometry } from '../../lib/geo/index';
import { newId } from '../../lib/ids';
import { type Actor, appendAudit, authorize, can } from '../iam/index';
import { areasErrors } from './areas.errors';
import { geometryProblems } from './areas.geometry-rules';
import * as repo from './areas.repository';
import { AREA_LEVELS, type AreaLevel, type AreaRow, POLYGON_LEVELS } from './areas.table';
import { parseAttrs } from './areas.views';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Other modules whose rows carry area paths register here, so a move re-paths them in the same transaction. */
export type PathRewriter = (trx: Trx, change: { oldPath: string; newPath: string }) => Promise<void>;
const pathRewriters: PathRewriter[] = [];
export function registerPathRewriter(rewriter: PathRewriter): void {
  pathRewriters.push(rewriter);
}

/** Today in China (UTC+8), the day effective dates are compared with. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function checkEffectiveDate(date: string, current: AreaRow): void {
  if (date > chinaToday()) throw areasErrors.futureDate();
  if (date < current.validFrom) throw areasErrors.beforeCurrentVersion(current.validFrom);
}

export const parentLevelOf = (level: AreaLevel): AreaLevel | undefined =>
  AREA_LEVELS[AREA_LEVELS.indexOf(level) - 1];

export async function getWritableArea(
  db: Db | Trx,
  actor: Actor,
  code: string,
  level?: AreaLevel,
): Promise<AreaRow> {
  authorize(actor, 'areas.write');
  const row = await repo.findAreaByCode(db, code);
  if (!row || !can(actor, 'areas.write', row.path)) throw areasErrors.notFound();
  if (row.status !== 'active') throw areasErrors.retired(code);
  if (level && row.level !== level) throw areasErrors.wrongLevel(level, row.level);
  return row;
}

export function bboxColumns(geometry: PolygonalGeometry) {
  const [minLng, minLat, maxLng, maxLat] = bboxOf(geometry);
  const [lng, lat] = centroidOf(geometry);
  return { minLng, minLat, maxLng, maxLat, lng, lat, boundary: JSON.stringify(geometry) };
}

export function parentBBox(parent: AreaRow): BBox | null {
  return parent.minLng === null
    ? null
    : [parent.minLng, parent.minLat as number, parent.maxLng as number, parent.maxLat as number];
}

export function checkGeometry(geometry: PolygonalGeometry, field: string, parent: AreaRow): void {
  const problems = geometryProblems(geometry, { field, within: parentBBox(parent) });
  if (problems.length > 0) throw areasErrors.invalidGeometry(problems);
}

/** The next unused child code: parent code + a fixed-width serial; retired codes are never reused. */
export async function nextChildCode(db: Db | Trx, parent: AreaRow, width: number): Promise<string> {
  const rows = await db.selectFrom('areas').select('code').where('parentCode', '=', parent.code).execute();
  const used = rows.map((r) => Number(r.code.slice(parent.code.length))).filter(Number.isFinite);
  const next = (used.length ? Math.max(...used) : 0) + 1;
  if (String(next).length > width) throw areasErrors.codesExhausted();
  return `${parent.code}${String(next).padStart(width, '0')}`;
}

export async function openChange(
  trx: Trx,
  actor: Actor,
  change: {
    kind: 'create' | 'move' | 'split' | 'merge' | 'redraw' | 'rename' | 'import';
    effectiveDate: string;
    scopePath: string;
    note?: string | undefined;
    summary: Record<string, unknown>;
  },
) {
  const id = newId();
  await trx
    .insertInto('areaChanges')
    .values({
      id,
      kind: change.kind,
      effectiveDate: change.effectiveDate,
      scopePath: change.scopePath,
      actorId: actor.kind === 'user' ? actor.id : null,
      actorLabel: actor.label,
      note: change.note ?? null,
      summary: JSON.stringify(change.summary),
      createdAt: new Date().toISOString(),
    })
    .execute();
  await appendAudit(trx, {
    actor,
    action: `areas.${change.kind}`,
    targetType: 'area_change',
    targetId: id,
    scopePath: change.scopePath,
    summary: change.summary,
  });
  return id;
}

export async function closeVersion(trx: Trx, code: string, date: string): Promise<void> {
  await trx
    .updateTable('areaVersions')
    .set({ validTo: date })
    .where('areaCode', '=', code)
    .where('validTo', 'is', null)
    .execute();
}

export async function openVersion(
  trx: Trx,
  row: Pick<AreaRow, 'code' | 'parentCode' | 'path' | 'level' | 'name' | 'boundary'>,
  date: string,
  changeId: string,
) {
  if (!POLYGON_LEVELS.includes(row.level)) return;
  await trx
    .insertInto('areaVersions')
    .values({
      id: newId(),
      areaCode: row.code,
      parentCode: row.parentCode,
      path: row.path,
      level: row.level,
      name: row.name,
      boundary: row.boundary,
      validFrom: date,
      validTo: null,
      changeId,
    })
    .execute();
}

/** Moves a place and everything below it to a new path, keeping every code; versions follow. */
export async function rewriteSubtree(
  trx: Trx,
  node: AreaRow,
  newParent: AreaRow,
  date: string,
  changeId: string,
): Promise<void> {
  const oldPath = node.path;
  const newPath = `${newParent.path}/${node.code}`;
  const polygonsBelow = await trx
    .selectFrom('areas')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', node.code), below(eb, 'path', oldPath)]))
    .where('level', 'in', [...POLYGON_LEVELS])
    .where('status', '=', 'active')
    .execute();
  const now = new Date().toISOString();
  await trx
    .updateTable('areas')
    .set({ parentCode: newParent.code, path: newPath, updatedAt: now })
    .where('code', '=', node.code)
    .execute();
  // Everything below: replace the old path prefix with the new one in one statement.
  for (const table of ['areas', 'gridStaff'] as const) {
    await trx
      .updateTable(table)
      .set({ path: sql<string>`${newPath} || substr(${sql.ref('path')}, ${oldPath.length + 1})` })
      .where((eb) => below(eb, 'path', oldPath))
      .execute();
  }
  for (const rewrite of pathRewriters) await rewrite(trx, { oldPath, newPath });
  for (const p of polygonsBelow) {
    await closeVersion(trx, p.code, date);
    const path = newPath + p.path.slice(oldPath.length);
    await openVersion(
      trx,
      { ...p, path, parentCode: p.code === node.code ? newParent.code : p.parentCode },
      date,
      changeId,
    );
  }
}

export async function retire(trx: Trx, row: AreaRow, date: string, successors: string[]): Promise<void> {
  const attrs = { ...parseAttrs(row), successors };
  await trx
    .updateTable('areas')
    .set({
      status: 'retired',
      validTo: date,
      successorCode: successors[0] ?? null,
      attrs: JSON.stringify(attrs),
      updatedAt: new Date().toISOString(),
    })
    .where('code', '=', row.code)
    .execute();
  await closeVersion(trx, row.code, date);
}
