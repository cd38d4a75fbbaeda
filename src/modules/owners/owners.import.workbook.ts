import ExcelJS from 'exceljs';
import { zipDeclaredSize } from '../../lib/zip-size';
import { ownersErrors } from './owners.errors';
import {
  type Cell,
  COLUMNS,
  type ColumnKey,
  OWNER_KIND_NAMES,
  type RowProblem,
  USE_KIND_NAMES,
} from './owners.import.rules';

// The owners'-register workbook: the template officials fill in and the reader of a filled one.
// A compound has hundreds to a few thousand units, so the file is read whole (not streamed).

export { XLSX_TYPE } from '../../server/downloads';
export const DATA_SHEET = '业主名册';
export const MAX_ROWS = 20_000;
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const REQUIRED: ColumnKey[] = ['label'];
const TEXT_COLUMNS: ColumnKey[] = ['householdCode', 'idNumber', 'phone', 'label'];

const HINTS: Record<ColumnKey, string> = {
  label: '必填。如“1号楼1单元0101室”“商铺3”“地下车位B-012”，在本小区内唯一',
  householdCode: '选填。区域树中住户的编码（26 位），须在本小区内',
  useKind: `选填，默认住宅：${Object.keys(USE_KIND_NAMES).join('、')}`,
  registeredArea: '不动产登记簿记载的面积（平方米，最多 4 位小数）',
  surveyedArea: '尚未登记的，填测绘机构的实测面积',
  contractArea: '尚未实测的，填房屋买卖合同记载的面积',
  deliveredOn: '向买受人交付的日期，如 2024-03-15',
  developerUnsold: '是/否。建设单位尚未出售或已售未交付的填“是”',
  ownerName: '业主姓名或单位名称。共有人：同一专有部分填多行，每行一位',
  ownerKind: `选填，默认自然人：${Object.keys(OWNER_KIND_NAMES).join('、')}`,
  idNumber: '自然人必填（同一人的多套房以身份证号认定为一人）',
  phone: '选填，11 位手机号',
  share: '选填，如 1/2',
};

const GUIDE = [
  '每行登记一位业主对一个专有部分的所有权。共有的专有部分填多行（每位共有人一行，专有部分相同）；同一业主有多个专有部分的，每个专有部分各填一行。',
  '面积按最高人民法院关于建筑物区分所有权的解释第八条：有不动产登记面积的填登记面积；尚未登记的填实测面积；尚未实测的填合同面积。三项至少填一项。',
  '业主人数按该解释第九条计算：一个专有部分按一人；同一买受人拥有多个专有部分的按一人；建设单位未出售和已售未交付的部分合计按一人。',
  '导入前可先“预检”：系统列出所有有误的行号、列名和原因，但不写入。全部无误才会写入，且一次全部写入；任何一行有误则一行也不写入。',
  '身份证号、户编码、联系电话所在列已设为文本格式，请勿改为数字。',
];

function letter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The blank register template: the data sheet with dropdowns, and a sheet of instructions. */
export async function buildRegisterTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Grassroots 基层治理平台';
  const sheet = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const keys = Object.keys(COLUMNS) as ColumnKey[];
  sheet.columns = keys.map((k) => ({
    header: REQUIRED.includes(k) ? `${COLUMNS[k]}*` : COLUMNS[k],
    key: k,
    width: k === 'label' || k === 'ownerName' ? 24 : k === 'householdCode' ? 30 : 16,
    style: TEXT_COLUMNS.includes(k) ? { numFmt: '@' } : k === 'deliveredOn' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const choices: Partial<Record<ColumnKey, string[]>> = {
    useKind: Object.keys(USE_KIND_NAMES),
    developerUnsold: ['是', '否'],
    ownerKind: Object.keys(OWNER_KIND_NAMES),
  };
  // exceljs 4 writes worksheet.dataValidations but leaves it out of its type declarations.
  const dv = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  keys.forEach((k, i) => {
    const list = choices[k];
    if (list)
      dv.add(`${letter(i)}2:${letter(i)}5001`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
      });
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 90 }];
  help.addRow(['业主名册导入说明']).font = { bold: true, size: 14 };
  for (const [i, line] of GUIDE.entries()) help.addRow([`${i + 1}. ${line}`]);
  help.addRow([]);
  help.addRow(['列名', '填写要求']).font = { bold: true };
  for (const k of keys) help.addRow([COLUMNS[k], HINTS[k]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as unknown as Record<string, unknown>;
  if (Array.isArray(v.richText))
    return cellOf((v.richText as { text?: string }[]).map((t) => t.text ?? '').join(''));
  if ('formula' in v || 'sharedFormula' in v) return cellOf(v.result as ExcelJS.CellValue);
  if ('hyperlink' in v) return cellOf(v.text as ExcelJS.CellValue);
  return null;
}

export interface SheetRow {
  row: number;
  cells: Partial<Record<ColumnKey, Cell>>;
}

/** The non-blank data rows of a filled register, or the header problems when its columns are missing. */
export async function readRegisterWorkbook(
  file: Buffer,
): Promise<{ rows: SheetRow[]; header: RowProblem[] }> {
  const declared = zipDeclaredSize(file);
  if (declared === null) throw ownersErrors.importUnreadable();
  if (declared > MAX_UNZIPPED_BYTES) throw ownersErrors.importTooLarge(MAX_ROWS);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw ownersErrors.importUnreadable();
  }
  const byHeader = new Map<string, ColumnKey>(Object.entries(COLUMNS).map(([k, h]) => [h, k as ColumnKey]));
  const sheets = [wb.getWorksheet(DATA_SHEET), ...wb.worksheets].filter((s): s is ExcelJS.Worksheet => !!s);
  for (const sheet of sheets) {
    const at = new Map<ColumnKey, number>();
    sheet.getRow(1).eachCell((cell, col) => {
      const key = byHeader.get(
        String(cellOf(cell.value) ?? '')
          .replace(/\*$/, '')
          .trim(),
      );
      if (key) at.set(key, col);
    });
    if (!REQUIRED.every((k) => at.has(k))) continue;
    if (sheet.rowCount - 1 > MAX_ROWS) throw ownersErrors.importTooLarge(MAX_ROWS);
    const rows: SheetRow[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const cells: SheetRow['cells'] = {};
      let empty = true;
      for (const [key, col] of at) {
        const value = cellOf(row.getCell(col).value);
        cells[key] = value;
        if (value !== null) empty = false;
      }
      if (!empty) rows.push({ row: number, cells });
    });
    return { rows, header: [] };
  }
  const missing = REQUIRED.map((k) => ({
    row: 1,
    field: COLUMNS[k],
    reason: 'column_missing',
    message: { zh: `缺少「${COLUMNS[k]}」列`, en: `the "${COLUMNS[k]}" column is missing` },
  }));
  return { rows: [], header: missing };
}
