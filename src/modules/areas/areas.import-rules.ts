import type { Bilingual, FieldProblem } from '../../server/errors';
import type { AreaLevel, AreaRow } from './areas.table';

// What an import file must satisfy before anything is written. Pure: the service looks the named
// codes up in the database first and passes what it found, so every rule here has a table test.

/** The levels the Excel import creates; a code is its parent's code plus `digits` more. */
export const TREE_LEVELS = {
  community: { zh: '社区', parent: 'street', parentDigits: 9, digits: 3 },
  grid: { zh: '网格', parent: 'community', parentDigits: 12, digits: 3 },
  compound: { zh: '小区', parent: 'grid', parentDigits: 15, digits: 2 },
  building: { zh: '楼栋', parent: 'compound', parentDigits: 17, digits: 3 },
  unit: { zh: '单元', parent: 'building', parentDigits: 20, digits: 2 },
  household: { zh: '户', parent: 'unit', parentDigits: 22, digits: 4 },
} as const satisfies Record<string, { zh: string; parent: AreaLevel; parentDigits: number; digits: number }>;
export type TreeLevel = keyof typeof TREE_LEVELS;

const LEVEL_ZH: Partial<Record<AreaLevel, string>> = { district: '区县', street: '街道', city: '市' };
const levelZh = (level: AreaLevel) =>
  (TREE_LEVELS as Record<string, { zh: string }>)[level]?.zh ?? LEVEL_ZH[level];

/** The columns of the tree workbook, in template order; problems name the Chinese header. */
export const TREE_COLUMNS = [
  { key: 'level', header: '层级', en: 'level', required: true },
  { key: 'code', header: '编码', en: 'code', required: true },
  { key: 'name', header: '名称', en: 'name', required: true },
  { key: 'parentCode', header: '上级编码', en: 'parent code', required: true },
  { key: 'kind', header: '类型', en: 'kind', required: false },
  { key: 'lng', header: '经度', en: 'lng', required: false },
  { key: 'lat', header: '纬度', en: 'lat', required: false },
  { key: 'floors', header: '楼层数', en: 'floors', required: false },
  { key: 'units', header: '单元数', en: 'units', required: false },
] as const;
export type TreeColumnKey = (typeof TREE_COLUMNS)[number]['key'];
const HEADER = Object.fromEntries(TREE_COLUMNS.map((c) => [c.key, c.header])) as Record<
  TreeColumnKey,
  string
>;

/** A cell as read from the sheet: trimmed text, a number, or empty. */
export type Cell = string | number | null;
export type TreeRowInput = { row: number } & Record<TreeColumnKey, Cell>;

export interface RowProblem extends FieldProblem {
  /** The Excel row number, 1-based, as the official sees it at the left of the sheet. */
  row: number;
}
export interface FeatureProblem extends FieldProblem {
  index: number;
  code: string | null;
}

export const problem = (field: string, reason: string, zh: string, en: string) => ({
  field,
  in: 'body' as const,
  reason,
  message: { zh, en } satisfies Bilingual,
});

/** Which column each header names; headers may be Chinese or English, with a trailing note like `（必填）`. */
export function mapTreeHeader(cells: Cell[]): {
  columns: Map<TreeColumnKey, number>;
  problems: RowProblem[];
} {
  const columns = new Map<TreeColumnKey, number>();
  cells.forEach((cell, i) => {
    const text = String(cell ?? '')
      .replace(/[（(*].*$/, '')
      .trim()
      .toLowerCase();
    const column = TREE_COLUMNS.find(
      (c) => c.header === text || c.en === text || c.key.toLowerCase() === text,
    );
    if (column && !columns.has(column.key)) columns.set(column.key, i);
  });
  const problems = TREE_COLUMNS.filter((c) => c.required && !columns.has(c.key)).map((c) => ({
    row: 1,
    ...problem(
      c.header,
      'column_missing',
      `缺少「${c.header}」列`,
      `the "${c.header}" (${c.en}) column is missing`,
    ),
  }));
  return { columns, problems };
}

/**
 * The template's two example rows. Left in by mistake they would create a real 示例社区 under 市中街道,
 * so a row equal to one of them is refused with a note to delete it.
 */
export const TEMPLATE_EXAMPLES = [
  { level: '社区', code: '371602001099', name: '示例社区', parentCode: '371602001', kind: '城市社区' },
  {
    level: '网格',
    code: '371602001099001',
    name: '示例社区第一网格',
    parentCode: '371602001099',
    kind: '城市网格',
  },
] as const;

/** Accepts the Chinese level names of the template and the English ones. */
export function parseTreeLevel(cell: Cell): TreeLevel | undefined {
  const text = String(cell ?? '').trim();
  const entries = Object.entries(TREE_LEVELS) as [TreeLevel, { zh: string }][];
  return entries.find(([en, l]) => l.zh === text || en === text.toLowerCase())?.[0];
}

type Parsed<T> = { value: T } | { reason: string; zh: string; en: string } | { value: null };

/** A code cell: digits only. A number past 15 digits has already lost digits in Excel, so it is refused. */
export function parseCodeCell(cell: Cell): Parsed<string> {
  if (cell === null || cell === '') return { value: null };
  if (typeof cell === 'number') {
    if (Number.isSafeInteger(cell) && cell >= 0) return { value: String(cell) };
    return {
      reason: 'code_not_text',
      zh: '编码超过 15 位时须以文本格式填写（Excel 已改变了数字）',
      en: 'a code longer than 15 digits must be entered as text; Excel has altered the number',
    };
  }
  if (/^\d+$/.test(cell)) return { value: cell };
  return { reason: 'code_not_digits', zh: '编码只能包含数字', en: 'a code has digits only' };
}

const NOT_WHOLE = { reason: 'not_positive_integer', zh: '应为正整数', en: 'must be a positive whole number' };

function parseNumberCell(cell: Cell, opts: { integer: boolean; min: number; max: number }): Parsed<number> {
  if (cell === null || cell === '') return { value: null };
  const n = typeof cell === 'number' ? cell : Number(cell);
  const inRange = n >= opts.min && n <= opts.max;
  if (opts.integer) return Number.isInteger(n) && inRange ? { value: n } : NOT_WHOLE;
  if (!Number.isFinite(n)) return { reason: 'not_a_number', zh: '应为数字', en: 'must be a number' };
  if (!inRange)
    return {
      reason: 'outside_china',
      zh: `应在 ${opts.min}–${opts.max} 之间（中国境内）`,
      en: `must lie between ${opts.min} and ${opts.max} (within China)`,
    };
  return { value: n };
}

/** What the service found in the database under a code the file names (any status). */
export type KnownPlace = Pick<AreaRow, 'code' | 'level' | 'path' | 'depth' | 'status' | 'lng' | 'lat'>;

export interface PlannedPlace {
  row: number;
  code: string;
  level: TreeLevel;
  name: string;
  kind: string | null;
  parentCode: string;
  path: string;
  depth: number;
  sortOrder: number;
  lng: number | null;
  lat: number | null;
  attrs: { floors?: number; units?: number };
}

const REQUIRED = { zh: '必填', en: 'required' };
const PAIRED = {
  zh: '楼栋须填写经纬度；经度、纬度须成对填写',
  en: 'a building needs a location; lng and lat go together',
};
const WHOLE = { integer: true, min: 1, max: 999 };

/** The cells of one row on their own, before its place in the tree is looked at. */
function readRowCells(r: TreeRowInput, add: (key: TreeColumnKey, reason: string, m: Bilingual) => void) {
  const take = <T>(key: TreeColumnKey, parsed: Parsed<T>, required = false): T | null => {
    if ('reason' in parsed) add(key, parsed.reason, parsed);
    else if (parsed.value === null && required) add(key, 'required', REQUIRED);
    return 'value' in parsed ? parsed.value : null;
  };
  const level = parseTreeLevel(r.level);
  if (!level && r.level === null) add('level', 'required', REQUIRED);
  else if (!level)
    add('level', 'level_unknown', {
      zh: '层级应为社区、网格、小区、楼栋、单元或户',
      en: 'level must be community, grid, compound, building, unit or household',
    });
  const code = take('code', parseCodeCell(r.code), true);
  const parentCode = take('parentCode', parseCodeCell(r.parentCode), true);
  const name = String(r.name ?? '').trim();
  if (!name) add('name', 'required', REQUIRED);
  else if ([...name].length > 64)
    add('name', 'too_long', { zh: '名称不能超过 64 个字', en: 'a name has at most 64 characters' });
  const kind = String(r.kind ?? '').trim() || null;
  if (kind && [...kind].length > 32)
    add('kind', 'too_long', { zh: '类型不能超过 32 个字', en: 'a kind has at most 32 characters' });
  const lng = take('lng', parseNumberCell(r.lng, { integer: false, min: 73, max: 136 }));
  const lat = take('lat', parseNumberCell(r.lat, { integer: false, min: 3, max: 54 }));
  if (level === 'building' || (r.lng === null) !== (r.lat === null)) {
    if (r.lng === null) add('lng', 'required', PAIRED);
    if (r.lat === null) add('lat', 'required', PAIRED);
  }
  const floors = take('floors', parseNumberCell(r.floors, WHOLE));
  const units = take('units', parseNumberCell(r.units, WHOLE));
  const attrs = { ...(floors !== null ? { floors } : {}), ...(units !== null ? { units } : {}) };
  return { level, code, parentCode, name, kind, lng, lat, attrs };
}

type Parent = Pick<KnownPlace, 'level' | 'depth' | 'lng' | 'lat'> & { path: string | null };

/**
 * Checks every row of a tree workbook and reports every problem, not the first. Parents may be in
 * the database (active, within the caller's `areas.write` scope) or in an earlier row of the file.
 */
export function checkTreeRows(
  rows: TreeRowInput[],
  ctx: { known: ReadonlyMap<string, KnownPlace>; canWrite: (path: string) => boolean },
) {
  const problems: RowProblem[] = [];
  const places: PlannedPlace[] = [];
  const byLevel = Object.fromEntries(Object.keys(TREE_LEVELS).map((l) => [l, 0])) as Record<
    TreeLevel,
    number
  >;
  // Rows that later rows may hang under; path is null while the row's own parent is unknown.
  const inFile = new Map<string, Parent & { row: number }>();
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const c = parseCodeCell(r.code);
    if ('value' in c && c.value && !firstRowOf.has(c.value)) firstRowOf.set(c.value, r.row);
  }
  for (const r of rows) {
    const before = problems.length;
    const add = (key: TreeColumnKey, reason: string, m: Bilingual) =>
      problems.push({ row: r.row, ...problem(HEADER[key], reason, m.zh, m.en) });
    const { level, code, parentCode, name, kind, lng, lat, attrs } = readRowCells(r, add);
    if (TEMPLATE_EXAMPLES.some((e) => e.code === code && e.name === name))
      add('code', 'template_example', {
        zh: '这是模板中的示例行，请删除后再导入',
        en: 'this is an example row of the template; delete it before importing',
      });
    if (!level || !code || !parentCode) continue;
    const spec = TREE_LEVELS[level];
    const earlier = inFile.get(code);
    const taken = ctx.known.has(code);
    if (taken)
      add('code', 'code_taken', {
        zh: '编码已被使用（已撤销的编码也不能再用）',
        en: 'the code is taken (retired codes are never reused)',
      });
    else if (earlier)
      add('code', 'code_duplicate', {
        zh: `编码与第 ${earlier.row} 行重复`,
        en: `the code repeats row ${earlier.row}`,
      });
    if (
      !code.startsWith(parentCode) ||
      parentCode.length !== spec.parentDigits ||
      code.length !== spec.parentDigits + spec.digits
    )
      add('code', 'code_not_under_parent', {
        zh: `${spec.zh}编码应为 ${spec.parentDigits} 位上级编码后加 ${spec.digits} 位数字`,
        en: `a ${level} code is its ${spec.parentDigits}-digit parent code followed by ${spec.digits} digits`,
      });
    else if (/^0+$/.test(code.slice(parentCode.length)))
      add('code', 'code_serial_zero', {
        zh: `编码末 ${spec.digits} 位不能全为 0`,
        en: `the last ${spec.digits} digits cannot all be 0`,
      });

    const db = ctx.known.get(parentCode);
    const parent: Parent | undefined =
      inFile.get(parentCode) ?? (db?.status === 'active' && ctx.canWrite(db.path) ? db : undefined);
    const parentRow = firstRowOf.get(parentCode);
    if (!parent && parentRow !== undefined && parentRow > r.row)
      add('parentCode', 'parent_after_child', {
        zh: '上级须写在本行之前',
        en: 'the parent must come in an earlier row',
      });
    else if (!parent && parentRow !== undefined && parentRow < r.row)
      add('parentCode', 'parent_row_invalid', {
        zh: `上级所在的第 ${parentRow} 行有误`,
        en: `the parent's row ${parentRow} is not valid`,
      });
    else if (!parent)
      add('parentCode', 'parent_unknown', {
        zh: '上级编码不存在或不在您的管辖范围内',
        en: 'the parent code is unknown or outside your scope',
      });
    else if (parent.level !== spec.parent)
      add('parentCode', 'parent_wrong_level', {
        zh: `上级应为${levelZh(spec.parent)}，实为${levelZh(parent.level)}`,
        en: `the parent must be a ${spec.parent}, not a ${parent.level}`,
      });

    if (problems.length === before) byLevel[level]++;
    if (taken || earlier) continue;
    const path = parent?.path ? `${parent.path}/${code}` : null;
    // Units and households stand where their building stands unless the row says otherwise.
    const inherits = lng === null && (level === 'unit' || level === 'household');
    const point = inherits ? { lng: parent?.lng ?? null, lat: parent?.lat ?? null } : { lng, lat };
    const depth = (parent?.depth ?? 0) + 1;
    inFile.set(code, { row: r.row, level, path, depth, ...point });
    if (problems.length > before || !path) continue;
    const sortOrder = Number(code.slice(parentCode.length));
    places.push({ row: r.row, code, level, name, kind, parentCode, path, depth, sortOrder, ...point, attrs });
  }
  return { problems, places, byLevel, valid: Object.values(byLevel).reduce((a, b) => a + b, 0) };
}

// Boundary rules live beside these; re-exported so that callers import one rules module.
export type { BoundaryPlace, PlannedRedraw } from './areas.import-boundary-rules';
export {
  BOUNDARY_LEVELS,
  checkBoundaryFeatures,
  commonPath,
  featureCode,
} from './areas.import-boundary-rules';
