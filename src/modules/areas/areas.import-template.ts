import ExcelJS from 'exceljs';
import { zipDeclaredSize } from '../../lib/zip-size';
import {
  type Cell,
  mapTreeHeader,
  type RowProblem,
  TEMPLATE_EXAMPLES,
  TREE_COLUMNS,
  TREE_LEVELS,
  type TreeColumnKey,
  type TreeRowInput,
} from './areas.import-rules';

// The tree workbook, both ways: the template officials fill in, and reading a filled one back.
// One file knows the layout (sheet names, header row, which columns are text).

export { XLSX_TYPE } from '../../server/downloads';
export const TEMPLATE_FILENAME = '区域导入模板.xlsx';
export const TREE_SHEET = '区域';
export const INSTRUCTIONS_SHEET = '说明';
/** More rows than a street has households: an import this size belongs in several files. */
export const MAX_TREE_ROWS = 100_000;
// A 20 MB upload inflates to many times that; 200 MB of XML is already far past MAX_TREE_ROWS.
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
// Rows 2… carry the dropdown and number checks; Excel keeps them when rows are inserted.
const VALIDATED_ROWS = 10_001;

const WIDTHS: Record<TreeColumnKey, number> = {
  level: 10,
  code: 30,
  name: 28,
  parentCode: 26,
  kind: 14,
  lng: 12,
  lat: 12,
  floors: 10,
  units: 10,
};
// Codes run to 26 digits; as numbers Excel would keep 15 of them and print 3.716E+25.
const TEXT_COLUMNS = new Set<TreeColumnKey>(['code', 'parentCode']);

const INSTRUCTIONS: string[][] = [
  ['区域导入说明'],
  [
    '1. 在「区域」表中每行填写一个新区域。层级从下拉列表选择：社区、网格、小区、楼栋、单元、户（也可填英文）。',
  ],
  ['2. 编码只含数字，由上级编码加固定位数的序号组成，序号不能全为 0：'],
  ['层级', '上级', '编码位数', '示例'],
  ['社区', '街道（9 位）', '9 + 3 = 12 位', '371602001001'],
  ['网格', '社区（12 位）', '12 + 3 = 15 位', '371602001001001'],
  ['小区', '网格（15 位）', '15 + 2 = 17 位', '37160200100100101'],
  ['楼栋', '小区（17 位）', '17 + 3 = 20 位', '37160200100100101001'],
  ['单元', '楼栋（20 位）', '20 + 2 = 22 位', '3716020010010010100101'],
  ['户', '单元（22 位）', '22 + 4 = 26 位', '37160200100100101001010101'],
  ['3. 上级须已在系统中且在您的管辖范围内，或写在本表更靠前的行中（先社区，后网格、小区、楼栋、单元、户）。'],
  ['4. 编码不能与已有编码重复；已撤销的编码也不能再用。'],
  ['5. 编码、上级编码两列为文本格式。超过 15 位的编码若按数字输入，Excel 会改掉末尾数字，导入时将被拒绝。'],
  ['6. 名称必填，不超过 64 个字；类型选填（如 城市社区、农村社区、城市网格、商品房小区）。'],
  ['7. 经纬度为十进制度（经度 73–136，纬度 3–54）。楼栋必填；单元和户不填时沿用所在楼栋的位置。'],
  ['8. 楼层数、单元数为正整数，选填。'],
  ['9. 社区、网格、小区导入后暂无边界，可随后用 GeoJSON「边界导入」补绘。'],
  ['10. 「区域」表第 2、3 行是示例，导入前请删除。'],
  [
    '11. 整表全部校验通过才会写入；任何一行有误则一行也不写入，并列出所有错误所在的行和列。可先“预检”再正式导入。',
  ],
];

/** A tree workbook with the given rows: the template (with its two examples) when none are given. */
export async function buildTreeWorkbook(
  rows: readonly Partial<Record<TreeColumnKey, Cell>>[] = TEMPLATE_EXAMPLES,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Grassroots 基层治理平台';
  const sheet = wb.addWorksheet(TREE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TREE_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: WIDTHS[c.key],
    style: TEXT_COLUMNS.has(c.key) ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  for (const r of rows) {
    const added = sheet.addRow(r);
    if (rows === TEMPLATE_EXAMPLES) added.font = { italic: true, color: { argb: 'FF808080' } };
  }
  addValidations(sheet);

  const help = wb.addWorksheet(INSTRUCTIONS_SHEET);
  help.getColumn(1).width = 12;
  help.getColumn(2).width = 16;
  help.getColumn(3).width = 18;
  help.getColumn(4).width = 32;
  for (const line of INSTRUCTIONS) help.addRow(line);
  help.getRow(1).font = { bold: true, size: 14 };
  help.getRow(4).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addValidations(sheet: ExcelJS.Worksheet): void {
  // exceljs 4 writes worksheet.dataValidations but leaves it out of its type declarations.
  const dv = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  const column = (key: TreeColumnKey) =>
    String.fromCharCode(65 + TREE_COLUMNS.findIndex((c) => c.key === key));
  const range = (key: TreeColumnKey) => `${column(key)}2:${column(key)}${VALIDATED_ROWS}`;
  const levels = Object.values(TREE_LEVELS).map((l) => l.zh);
  dv.add(range('level'), {
    type: 'list',
    allowBlank: true,
    formulae: [`"${levels.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '层级',
    error: `请从列表中选择：${levels.join('、')}`,
  });
  const decimal = (key: TreeColumnKey, min: number, max: number, title: string) =>
    dv.add(range(key), {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [min, max],
      showErrorMessage: true,
      errorTitle: title,
      error: `${title}应在 ${min}–${max} 之间`,
    });
  decimal('lng', 73, 136, '经度');
  decimal('lat', 3, 54, '纬度');
  for (const key of ['floors', 'units'] as const)
    dv.add(range(key), {
      type: 'whole',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [1],
      showErrorMessage: true,
      error: '应为正整数',
    });
}

export type WorkbookRead =
  | { kind: 'rows'; rows: TreeRowInput[]; problems: RowProblem[] }
  | { kind: 'unreadable' }
  | { kind: 'too_large' };

/**
 * Reads the rows of a filled tree workbook. The whole file is loaded in memory
 * (`xlsx.load(buffer)`): the body is at most 20 MB and its declared unzipped size is checked
 * first, so a zip bomb is refused before it is inflated.
 */
export async function readTreeWorkbook(file: Buffer): Promise<WorkbookRead> {
  const unzipped = zipDeclaredSize(file);
  if (unzipped === null) return { kind: 'unreadable' };
  if (unzipped > MAX_UNZIPPED_BYTES) return { kind: 'too_large' };
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` type (an ArrayBuffer); a Node Buffer is what it reads.
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return { kind: 'unreadable' };
  }
  const sheet = wb.getWorksheet(TREE_SHEET) ?? wb.worksheets.find((s) => s.name !== INSTRUCTIONS_SHEET);
  if (!sheet) return { kind: 'unreadable' };
  const headerCells: Cell[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headerCells[col - 1] = cellValue(cell.value);
  });
  const { columns, problems } = mapTreeHeader([...headerCells].map((c) => c ?? null));
  if (problems.length > 0) return { kind: 'rows', rows: [], problems };
  const rows: TreeRowInput[] = [];
  let tooMany = false;
  sheet.eachRow((row, number) => {
    if (number === 1 || tooMany) return;
    const values = Object.fromEntries(
      TREE_COLUMNS.map((c) => {
        const col = columns.get(c.key);
        return [c.key, col === undefined ? null : cellValue(row.getCell(col + 1).value)];
      }),
    ) as Record<TreeColumnKey, Cell>;
    if (Object.values(values).every((v) => v === null)) return;
    if (rows.length >= MAX_TREE_ROWS) tooMany = true;
    else rows.push({ row: number, ...values });
  });
  return tooMany ? { kind: 'too_large' } : { kind: 'rows', rows, problems: [] };
}

/** A cell's value as text or number; formulas give their cached result, rich text its plain text. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return cellValue(value.richText.map((t) => t.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellValue(value.result ?? null);
  if ('hyperlink' in value) return cellValue(value.text);
  return 'error' in value ? value.error : null;
}
