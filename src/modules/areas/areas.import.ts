import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { BBox } from '../../lib/geo/index';
import { newId } from '../../lib/ids';
import { AppError, type FieldProblem } from '../../server/errors';
import { type Actor, authorize, can } from '../iam/index';
import { areasErrors } from './areas.errors';
import { bboxColumns, chinaToday, closeVersion, openChange, openVersion } from './areas.history';
import {
  type BoundaryPlace,
  checkBoundaryFeatures,
  checkTreeRows,
  commonPath,
  featureCode,
  type KnownPlace,
  parseCodeCell,
  type RowProblem,
  TREE_LEVELS,
  type TreeLevel,
} from './areas.import-rules';
import {
  buildTreeWorkbook,
  MAX_TREE_ROWS,
  readTreeWorkbook,
  TEMPLATE_FILENAME,
} from './areas.import-template';
import * as repo from './areas.repository';
import { type AreaRow, POLYGON_LEVELS } from './areas.table';

type Db = Kysely<Database>;
type Q = Db | Transaction<Database>;

// One statement per 500 rows: 500 × 23 columns stays under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK = 500;

export const areasImportErrors = {
  invalid: (errors: FieldProblem[]) =>
    new AppError({
      code: 'areas.import_invalid',
      status: 400,
      title: { zh: '导入文件有误，未写入任何数据', en: 'The import has problems; nothing was written' },
      errors,
    }),
  unreadable: () =>
    new AppError({
      code: 'areas.import_unreadable',
      status: 400,
      title: {
        zh: '无法读取文件，请上传 Excel 2007 及以上版本的 .xlsx 工作簿（不支持 .xls、.csv）',
        en: 'The file is not a readable .xlsx workbook (.xls and .csv are not accepted)',
      },
    }),
  notXlsx: () =>
    new AppError({
      code: 'areas.import_not_xlsx',
      status: 415,
      title: {
        zh: '请以 .xlsx 文件作为请求体上传',
        en: 'Send the .xlsx file as the request body with the xlsx content type',
      },
    }),
  tooLarge: () =>
    new AppError({
      code: 'areas.import_too_large',
      status: 413,
      title: {
        zh: `文件过大：每次最多导入 ${MAX_TREE_ROWS} 行，请分批导入`,
        en: `The file is too large: at most ${MAX_TREE_ROWS} rows per import`,
      },
    }),
  empty: () =>
    new AppError({
      code: 'areas.import_empty',
      status: 400,
      title: { zh: '文件中没有要导入的数据行', en: 'The file has no rows to import' },
    }),
  conflict: () =>
    new AppError({
      code: 'areas.import_conflict',
      status: 409,
      title: {
        zh: '导入期间有编码被他人占用，请重新导入',
        en: 'Another change took one of these codes meanwhile; import again',
      },
    }),
};

async function inChunks<T, R>(items: T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await run(items.slice(i, i + CHUNK))));
  return out;
}

const isUniqueViolation = (err: unknown) =>
  ['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes(
    String((err as { code?: unknown } | null)?.code),
  );

export interface BoundaryImportInput {
  effectiveDate: string;
  note?: string | undefined;
  collection: { features: unknown[] };
}

/** The places the features name, with their parents' extents and the start of the version in force. */
async function findBoundaryPlaces(q: Q, codes: string[]): Promise<Map<string, BoundaryPlace>> {
  const rows = await inChunks(codes, (c) => repo.findAreasByCodes(q, c));
  const parentCodes = [...new Set(rows.flatMap((r) => (r.parentCode ? [r.parentCode] : [])))];
  const parents = await inChunks(parentCodes, (c) => repo.findAreasByCodes(q, c));
  const extent = new Map(
    parents.map((p) => [
      p.code,
      p.minLng === null ? null : ([p.minLng, p.minLat, p.maxLng, p.maxLat] as BBox),
    ]),
  );
  const open = await inChunks(codes, (c) =>
    q
      .selectFrom('areaVersions')
      .select(['areaCode', 'validFrom'])
      .where('areaCode', 'in', c)
      .where('validTo', 'is', null)
      .execute(),
  );
  const since = new Map(open.map((v) => [v.areaCode, v.validFrom]));
  return new Map(
    rows.map((r) => {
      // ISO dates order as text: the later of the place's start and its current version's start.
      const [, currentSince] = [r.validFrom, since.get(r.code) ?? r.validFrom].sort();
      return [
        r.code,
        {
          ...pick(r),
          currentSince: currentSince as string,
          parentBBox: (r.parentCode && extent.get(r.parentCode)) || null,
        },
      ];
    }),
  );
}

const pick = ({ code, name, level, path, status, parentCode }: AreaRow) => ({
  code,
  name,
  level,
  path,
  status,
  parentCode,
});

/**
 * Redraws existing places from a GeoJSON FeatureCollection, all or nothing. Every feature is
 * checked and every problem reported; a dry run only reports. (checkEffectiveDate would stop at
 * the first place; an import must name them all, so the per-place date rule is in the checks.)
 */
export async function importBoundaries(opts: {
  db: Db;
  actor: Actor;
  input: BoundaryImportInput;
  dryRun: boolean;
}) {
  const { db, actor, input, dryRun } = opts;
  authorize(actor, 'areas.write');
  if (input.effectiveDate > chinaToday()) throw areasErrors.futureDate();
  const features = input.collection.features;
  const check = async (q: Q) => {
    const codes = [...new Set(features.flatMap((f) => featureCode(f) ?? []))];
    return checkBoundaryFeatures(features, {
      known: await findBoundaryPlaces(q, codes),
      canWrite: (path) => can(actor, 'areas.write', path),
      effectiveDate: input.effectiveDate,
    });
  };
  const answer = (checked: Awaited<ReturnType<typeof check>>, changeId: string | null) => ({
    ok: checked.problems.length === 0,
    dryRun,
    total: features.length,
    valid: checked.redraws.length,
    problems: checked.problems,
    changes: checked.redraws.map((r) => ({
      code: r.place.code,
      name: r.place.name,
      action: 'redraw' as const,
    })),
    changeId,
  });
  if (dryRun) return answer(await check(db), null);
  return db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: what the rows looked like a moment ago does not count.
    const checked = await check(trx);
    if (checked.problems.length > 0) throw areasImportErrors.invalid(checked.problems);
    const byLevel: Record<string, number> = {};
    for (const r of checked.redraws) byLevel[r.place.level] = (byLevel[r.place.level] ?? 0) + 1;
    const changeId = await openChange(trx, actor, {
      kind: 'import',
      effectiveDate: input.effectiveDate,
      scopePath: commonPath(checked.redraws.map((r) => r.place.path)),
      note: input.note,
      summary: { source: 'geojson', redrawn: checked.redraws.length, byLevel },
    });
    const now = new Date().toISOString();
    for (const { place, geometry } of checked.redraws) {
      const columns = bboxColumns(geometry);
      await trx
        .updateTable('areas')
        .set({ ...columns, updatedAt: now })
        .where('code', '=', place.code)
        .execute();
      await closeVersion(trx, place.code, input.effectiveDate);
      await openVersion(trx, { ...place, boundary: columns.boundary }, input.effectiveDate, changeId);
    }
    await repo.bumpRevision(trx);
    return answer(checked, changeId);
  });
}

function emptyByLevel(): Record<TreeLevel, number> {
  return Object.fromEntries(Object.keys(TREE_LEVELS).map((l) => [l, 0])) as Record<TreeLevel, number>;
}

/**
 * Creates new places (community … household) from a filled tree workbook, all or nothing. Every
 * row is checked and every problem reported with its Excel row and Chinese column; a dry run only
 * reports. Communities, grids and compounds arrive without a boundary: the boundary import draws them.
 */
export async function importTree(opts: { db: Db; actor: Actor; file: Buffer | undefined; dryRun: boolean }) {
  const { db, actor, file, dryRun } = opts;
  authorize(actor, 'areas.write');
  if (!file) throw areasImportErrors.notXlsx();
  const read = await readTreeWorkbook(file);
  if (read.kind === 'unreadable') throw areasImportErrors.unreadable();
  if (read.kind === 'too_large') throw areasImportErrors.tooLarge();
  const { rows } = read;
  if (rows.length === 0 && read.problems.length === 0) throw areasImportErrors.empty();

  const check = async (q: Q) => {
    if (read.problems.length > 0)
      return { problems: read.problems, places: [], byLevel: emptyByLevel(), valid: 0 };
    const codes = new Set<string>();
    for (const r of rows)
      for (const cell of [r.code, r.parentCode]) {
        const parsed = parseCodeCell(cell);
        if ('value' in parsed && parsed.value) codes.add(parsed.value);
      }
    // Every status: a retired code is never handed out again.
    const found = await inChunks([...codes], (c) => repo.findAreasByCodes(q, c));
    const known = new Map<string, KnownPlace>(found.map((r) => [r.code, r]));
    return checkTreeRows(rows, { known, canWrite: (path) => can(actor, 'areas.write', path) });
  };
  const answer = (checked: Awaited<ReturnType<typeof check>>, changeId: string | null) => ({
    ok: checked.problems.length === 0,
    dryRun,
    total: rows.length,
    valid: checked.valid,
    problems: checked.problems as RowProblem[],
    byLevel: checked.byLevel,
    changeId,
  });
  if (dryRun) return answer(await check(db), null);
  try {
    return await db.transaction().execute(async (trx) => {
      const checked = await check(trx);
      if (checked.problems.length > 0) throw areasImportErrors.invalid(checked.problems);
      const today = chinaToday();
      const changeId = await openChange(trx, actor, {
        kind: 'import',
        effectiveDate: today,
        scopePath: commonPath(checked.places.map((p) => p.path.slice(0, p.path.lastIndexOf('/')))),
        summary: { source: 'xlsx', created: checked.places.length, byLevel: checked.byLevel },
      });
      const now = new Date().toISOString();
      const areaRows: AreaRow[] = checked.places.map((p) => ({
        id: newId(),
        code: p.code,
        parentCode: p.parentCode,
        path: p.path,
        level: p.level,
        kind: p.kind,
        name: p.name,
        depth: p.depth,
        sortOrder: p.sortOrder,
        lng: p.lng,
        lat: p.lat,
        boundary: null,
        minLng: null,
        minLat: null,
        maxLng: null,
        maxLat: null,
        attrs: JSON.stringify(p.attrs),
        status: 'active',
        validFrom: today,
        validTo: null,
        successorCode: null,
        createdAt: now,
        updatedAt: now,
      }));
      await inChunks(areaRows, (chunk) => trx.insertInto('areas').values(chunk).execute());
      // Polygon places get their first version now, boundary still empty, so a later redraw has one to close.
      const versions = areaRows
        .filter((r) => POLYGON_LEVELS.includes(r.level))
        .map((r) => ({
          id: newId(),
          areaCode: r.code,
          parentCode: r.parentCode,
          path: r.path,
          level: r.level,
          name: r.name,
          boundary: null,
          validFrom: today,
          validTo: null,
          changeId,
        }));
      await inChunks(versions, (chunk) => trx.insertInto('areaVersions').values(chunk).execute());
      await repo.bumpRevision(trx);
      return answer(checked, changeId);
    });
  } catch (err) {
    // Two imports racing for the same code: the loser's transaction has rolled back.
    if (isUniqueViolation(err)) throw areasImportErrors.conflict();
    throw err;
  }
}

/** The blank tree template with its instructions sheet and two example rows. */
export async function getTreeTemplate(opts: { actor: Actor }): Promise<{ filename: string; body: Buffer }> {
  authorize(opts.actor, 'areas.write');
  return { filename: TEMPLATE_FILENAME, body: await buildTreeWorkbook() };
}
