import ExcelJS from 'exceljs';
import {
  LEDGER_COLUMNS,
  LEDGER_EXAMPLES,
  LEDGER_NAMES,
  LEDGER_SHEETS,
  type LedgerColumn,
  type LedgerKind,
  templateHeader,
} from './people.import.columns';
import { MAX_LEDGER_ROWS } from './people.import.read';

// The blank ledger officials download, fill in and upload: the data sheet with its dropdowns and
// one example row, and an instructions sheet generated from the same column table the reader uses.

export { XLSX_TYPE } from '../../server/downloads';
export const INSTRUCTIONS_SHEET = '填写说明';
// Rows 2… carry the dropdowns; Excel copies them to rows inserted inside the range.
const VALIDATED_ROWS = 5001;

const GENERAL: Record<LedgerKind, string[]> = {
  residents: [
    '每行登记一位居民，住在“户编码”所指的住户（户）中。户编码须在您的管辖范围内，可在“区域树”中查到。',
    '身份证号不能与已登记的居民重复，也不能在本表中重复。',
  ],
  'party-members': [
    '每行登记一名党员。身份证号必填：已登记的居民按身份证号精确匹配，姓名须一致；党员的管辖范围随居民所在住户。',
    '居民尚未登记时，同一行填写户编码、姓名、与户主关系、人口类型（及性别、联系电话），将同时登记居民和党员。',
    '预备党员未填“预备期满日期”的，按入党日期后一年计（《中国共产党章程》第七条）。',
  ],
  talents: [
    '每行登记一名人才（人才台账）。身份证号必填：已登记的居民按身份证号精确匹配，姓名须一致。',
    '居民尚未登记时，同一行填写户编码、姓名、与户主关系、人口类型（及性别、联系电话），将同时登记居民和人才。',
    '人才类别、技能可填多个，用顿号“、”分隔，如：法律、调解。',
  ],
};

const COMMON = [
  '带 * 的列必填。身份证号、户编码、联系电话所在列已设为文本格式，请勿改为数字（超过 15 位的数字会被 Excel 改掉末尾）。',
  `第 2 行（灰色）是示例，不修改时导入会自动跳过；也可直接删除。单个文件最多 ${MAX_LEDGER_ROWS.toLocaleString('en-US')} 行。`,
  '导入前可先“预检”：系统列出所有有误的行号、列名和原因，但不写入。全部无误才会写入，且一次全部写入；任何一行有误则一行也不写入。',
];

/** The template of a ledger as an .xlsx file. */
export async function buildLedgerTemplate(kind: LedgerKind): Promise<Buffer> {
  const columns = LEDGER_COLUMNS[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Grassroots 基层治理平台';
  const sheet = wb.addWorksheet(LEDGER_SHEETS[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: templateHeader(c),
    key: c.key,
    width: c.width,
    style: c.text ? { numFmt: '@' } : c.date ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    header.getCell(i + 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required === 'always' ? 'FFFCE4D6' : 'FFDDEBF7' },
    };
  });
  const example = sheet.addRow(LEDGER_EXAMPLES[kind]);
  example.font = { italic: true, color: { argb: 'FF808080' } };
  addDropdowns(sheet, columns);
  addInstructions(wb, kind, columns);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function addDropdowns(sheet: ExcelJS.Worksheet, columns: readonly LedgerColumn[]): void {
  // exceljs 4 writes worksheet.dataValidations but leaves it out of its type declarations.
  const dv = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  columns.forEach((c, i) => {
    if (!c.choices) return;
    const letter = columnLetter(i);
    dv.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.choices.join(',')}"`],
      // A cell of several choices (法律、调解) is not one list item: Excel offers the list but lets it be.
      showErrorMessage: !c.multi,
      errorStyle: 'stop',
      errorTitle: c.header,
      error: `请从列表中选择：${c.choices.join('、')}`,
      showInputMessage: true,
      promptTitle: c.header,
      prompt: c.hint.slice(0, 255),
    });
  });
}

function addInstructions(wb: ExcelJS.Workbook, kind: LedgerKind, columns: readonly LedgerColumn[]): void {
  const help = wb.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [{ width: 16 }, { width: 14 }, { width: 70 }, { width: 50 }];
  help.addRow([`${LEDGER_NAMES[kind].zh}导入说明`]).font = { bold: true, size: 14 };
  [...GENERAL[kind], ...COMMON].forEach((line, i) => {
    help.addRow([`${i + 1}. ${line}`]);
  });
  help.addRow([]);
  help.addRow(['列名', '是否必填', '填写要求', '可选值']).font = { bold: true };
  for (const c of columns)
    help.addRow([
      c.header,
      c.required === 'always' ? '必填' : c.required === 'new_resident' ? '新登记居民时必填' : '选填',
      c.hint,
      c.choices?.join('、') ?? '',
    ]);
}
