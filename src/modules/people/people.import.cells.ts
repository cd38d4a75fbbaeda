import type { Bilingual } from '../../server/errors';
import type { ColumnKey, LedgerColumn } from './people.import.columns';

// Cells as Excel hands them over, turned into text the rules can check. Pure: every function
// here has a table test. Officials type dates in a dozen ways and Excel turns long digit strings
// into numbers; both are dealt with here, before any rule looks at a value.

/** A cell as read from the sheet: text, a number, a date, or empty. */
export type Cell = string | number | Date | boolean | null;

/** A cell's value; formulas give their cached result, rich text its plain text, errors nothing. */
export function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText))
    return cellValue((v.richText as { text?: string }[]).map((t) => t.text ?? '').join(''));
  if ('formula' in v || 'sharedFormula' in v) return cellValue(v.result);
  if ('hyperlink' in v) return cellValue(v.text);
  return null;
}

/** The cell as trimmed text ('' when empty), full-width characters folded (NFKC); a date as YYYY-MM-DD. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.normalize('NFKC').trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return isoDay(cell);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; message: Bilingual };
const fail = (reason: string, zh: string, en: string): Parsed<never> => ({
  ok: false,
  reason,
  message: { zh, en },
});

/**
 * A cell that must keep every digit (a 26-digit household code, an 18-digit ID number, an
 * 11-digit phone). Excel keeps 15 significant digits of a number, so a longer number typed into
 * a cell not formatted as text has already lost its tail and is refused rather than guessed at.
 */
export function digitsText(cell: Cell, maxSafeDigits = 15): Parsed<string> {
  if (typeof cell === 'number') {
    if (Number.isSafeInteger(cell) && cell >= 0 && String(cell).length <= maxSafeDigits)
      return { ok: true, value: String(cell) };
    return fail(
      'not_text',
      '超过 15 位的数字须以文本格式填写（Excel 已改变了末尾数字）',
      'a number longer than 15 digits must be entered as text; Excel has altered its last digits',
    );
  }
  return { ok: true, value: cellText(cell) };
}

/** Days from Excel's epoch (1899-12-30, which absorbs its 1900 leap-year bug) for serials after Feb 1900. */
function excelSerialDay(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return undefined;
  return isoDay(new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000));
}

function validDay(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return isoDay(date);
}

/**
 * A date as YYYY-MM-DD, or null for an empty cell. Accepts real Excel dates, date serials (a date
 * cell read without its style), and text such as 1985-03-15, 1985/3/15, 1985.3.15, 19850315 and
 * 1985年3月15日.
 */
export function dateCell(cell: Cell): Parsed<string | null> {
  if (cell === null) return { ok: true, value: null };
  if (cell instanceof Date) return { ok: true, value: isoDay(cell) };
  const bad = fail('invalid_date', '日期应为 YYYY-MM-DD 或 Excel 日期', 'must be a date such as 1985-03-15');
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 18_000_101 && cell <= 29_991_231) return dateCell(String(cell));
    const day = excelSerialDay(cell);
    return day ? { ok: true, value: day } : bad;
  }
  const text = cellText(cell);
  if (text === '') return { ok: true, value: null };
  const m =
    text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/) ?? text.match(/^(\d{4})(\d{2})(\d{2})$/);
  const day = m ? validDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  return day ? { ok: true, value: day } : bad;
}

/** Several choices in one cell: 法律、调解 / 法律,调解 / 法律；调解 / 法律 调解. */
export function splitChoices(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；/|\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Which column each header names. Headers may carry the template's star or a note in brackets
 * (`姓名*`, `身份证号（18位）`), or be the English name. Returns the required columns that are missing.
 */
export function mapHeader(
  cells: Cell[],
  columns: readonly LedgerColumn[],
): { at: Map<ColumnKey, number>; missing: LedgerColumn[] } {
  const at = new Map<ColumnKey, number>();
  cells.forEach((cell, i) => {
    const text = cellText(cell)
      .replace(/[*＊]/g, '')
      .replace(/[（(].*$/, '')
      .trim()
      .toLowerCase();
    const column = columns.find((c) => c.header === text || c.en === text || c.key.toLowerCase() === text);
    if (column && !at.has(column.key)) at.set(column.key, i);
  });
  return { at, missing: columns.filter((c) => c.required === 'always' && !at.has(c.key)) };
}
