// The rows of an owners'-register workbook read into units and owners, every problem named by row
// and column. Pure: the service adds what only the database knows (households, existing units and
// owners). One row is one owner of one unit: co-owners repeat the unit on several rows, and one
// owner of several units appears on each of them (SPC interpretation art. 9 counts them once).

import type { Bilingual } from '../../server/errors';
import { isIsoDate } from './owners.dates';
import { unitProblems } from './owners.register-rules';
import type { OWNER_KINDS, UNIT_USE_KINDS } from './owners.table';

export type Cell = string | number | boolean | Date | null;

export const COLUMNS = {
  label: '专有部分',
  householdCode: '户编码',
  useKind: '用途',
  registeredArea: '不动产登记面积',
  surveyedArea: '实测面积',
  contractArea: '合同面积',
  deliveredOn: '交付日期',
  developerUnsold: '建设单位未售',
  ownerName: '业主姓名或名称',
  ownerKind: '业主类型',
  idNumber: '身份证号',
  phone: '联系电话',
  share: '共有份额',
} as const;
export type ColumnKey = keyof typeof COLUMNS;

export const USE_KIND_NAMES: Record<string, (typeof UNIT_USE_KINDS)[number]> = {
  住宅: 'residence',
  商铺: 'shop',
  车位: 'parking',
  车库: 'parking',
  其他: 'other',
};
export const OWNER_KIND_NAMES: Record<string, (typeof OWNER_KINDS)[number]> = {
  自然人: 'person',
  个人: 'person',
  单位: 'organisation',
  建设单位: 'developer',
};

export interface RowProblem {
  row: number;
  field: string;
  reason: string;
  message: Bilingual;
}

export interface ParsedRow {
  row: number;
  unit: {
    label: string;
    householdCode: string | null;
    useKind: (typeof UNIT_USE_KINDS)[number] | null;
    registeredArea: string | null;
    surveyedArea: string | null;
    contractArea: string | null;
    deliveredOn: string | null;
    developerUnsold: boolean | null;
  };
  owner: {
    name: string;
    kind: (typeof OWNER_KINDS)[number];
    idNumber: string | null;
    phone: string | null;
  } | null;
  share: string | null;
}

/** A cell as trimmed text, full-width characters folded; a date as YYYY-MM-DD. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell).normalize('NFKC').trim();
}

/** 2024-03-15, 2024/3/15, 2024.3.15, 20240315, 2024年3月15日, or an Excel date or serial. */
export function dateText(cell: Cell): string | undefined {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number' && cell > 60 && cell < 2_958_466)
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(cellText(cell));
  if (!m) return undefined;
  const iso = `${m[1]}-${(m[2] ?? m[4])!.padStart(2, '0')}-${(m[3] ?? m[5])!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

const AREA = /^\d{1,7}(\.\d{1,4})?$/;

const fail = (row: number, column: ColumnKey, reason: string, zh: string, en: string): RowProblem => ({
  row,
  field: COLUMNS[column],
  reason,
  message: { zh, en },
});

/** One sheet row read into its unit and owner parts; problems of the row's own cells. */
export function readRow(
  row: number,
  cells: Partial<Record<ColumnKey, Cell>>,
): { parsed: ParsedRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text = (k: ColumnKey) => cellText(cells[k] ?? null);
  const area = (k: 'registeredArea' | 'surveyedArea' | 'contractArea') => {
    const value = text(k);
    if (!value) return null;
    if (!AREA.test(value) || !/[1-9]/.test(value)) {
      problems.push(
        fail(
          row,
          k,
          'bad_area',
          '面积应为大于 0 的数字，最多 4 位小数',
          'an area above 0 with up to 4 decimals',
        ),
      );
      return null;
    }
    return value;
  };
  const label = text('label');
  if (!label) problems.push(fail(row, 'label', 'required', '专有部分必填', 'the unit is required'));
  const household = text('householdCode');
  if (household && !/^\d{2,32}$/.test(household))
    problems.push(fail(row, 'householdCode', 'bad_code', '户编码应为数字', 'a household code is digits'));
  const useText = text('useKind');
  const useKind = useText ? (USE_KIND_NAMES[useText] ?? null) : null;
  if (useText && !useKind)
    problems.push(fail(row, 'useKind', 'bad_choice', '用途应为住宅、商铺、车位或其他', 'unknown use'));
  let deliveredOn: string | null = null;
  if (text('deliveredOn')) {
    deliveredOn = dateText(cells.deliveredOn ?? null) ?? null;
    if (!deliveredOn) problems.push(fail(row, 'deliveredOn', 'bad_date', '交付日期无法识别', 'not a date'));
  }
  const unsoldText = text('developerUnsold');
  const developerUnsold =
    unsoldText === '' ? null : unsoldText === '是' ? true : unsoldText === '否' ? false : null;
  if (unsoldText && developerUnsold === null)
    problems.push(
      fail(row, 'developerUnsold', 'bad_choice', '建设单位未售应填“是”或“否”', 'answer 是 or 否'),
    );
  const ownerName = text('ownerName');
  const kindText = text('ownerKind');
  const kind = kindText ? OWNER_KIND_NAMES[kindText] : 'person';
  if (!kind)
    problems.push(
      fail(row, 'ownerKind', 'bad_choice', '业主类型应为自然人、单位或建设单位', 'unknown owner kind'),
    );
  const idNumber = text('idNumber').toUpperCase() || null;
  // 同一买受人 must be identified exactly (SPC art. 9): a natural person by ID number, not by name.
  if (ownerName && kind === 'person' && !idNumber)
    problems.push(
      fail(row, 'idNumber', 'required', '自然人业主须填写身份证号', "a person's ID number is required"),
    );
  if (!ownerName && (idNumber || text('phone')))
    problems.push(fail(row, 'ownerName', 'required', '填写了证件或电话时须填写业主姓名', 'name the owner'));
  const areas = {
    registeredArea: area('registeredArea'),
    surveyedArea: area('surveyedArea'),
    contractArea: area('contractArea'),
  };
  // In the order of the columns, as the official reads across the sheet.
  const order: string[] = Object.values(COLUMNS);
  problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return {
    parsed: {
      row,
      unit: { label, householdCode: household || null, useKind, ...areas, deliveredOn, developerUnsold },
      owner: ownerName && kind ? { name: ownerName, kind, idNumber, phone: text('phone') || null } : null,
      share: text('share') || null,
    },
    problems,
  };
}

export interface UnitGroup {
  firstRow: number;
  unit: ParsedRow['unit'] & { useKind: (typeof UNIT_USE_KINDS)[number]; developerUnsold: boolean };
  rows: ParsedRow[];
}

/**
 * Rows of the same unit (by 专有部分) gathered into one. The unit's own columns may be left blank on
 * its further rows; where filled they must agree with the first. Each unit is then checked as the
 * register form checks it, with `ownerKey` telling which rows name the same owner.
 */
export function groupUnits(rows: ParsedRow[], today: string, ownerKey: (r: ParsedRow) => string | null) {
  const groups = new Map<string, UnitGroup>();
  const problems: RowProblem[] = [];
  for (const r of rows) {
    if (!r.unit.label) continue;
    const group = groups.get(r.unit.label);
    if (!group) {
      groups.set(r.unit.label, {
        firstRow: r.row,
        unit: {
          ...r.unit,
          useKind: r.unit.useKind ?? 'residence',
          developerUnsold: r.unit.developerUnsold ?? false,
        },
        rows: [r],
      });
      continue;
    }
    group.rows.push(r);
    for (const key of Object.keys(r.unit) as (keyof ParsedRow['unit'])[]) {
      const value = r.unit[key];
      if (value !== null && key !== 'label' && value !== group.unit[key])
        problems.push(
          fail(
            r.row,
            key as ColumnKey,
            'unit_conflict',
            `与第 ${group.firstRow} 行同一专有部分的内容不一致`,
            `differs from row ${group.firstRow} for the same unit`,
          ),
        );
    }
  }
  for (const g of groups.values()) {
    const ownerIds = g.rows.flatMap((r) => {
      const key = ownerKey(r);
      return key ? [key] : [];
    });
    for (const p of unitProblems({ ...g.unit, ownerIds }, today, {
      area: COLUMNS.registeredArea,
      deliveredOn: COLUMNS.deliveredOn,
      owners: COLUMNS.ownerName,
    }))
      problems.push({ row: g.firstRow, field: p.field, reason: p.reason, message: p.message });
  }
  return { groups: [...groups.values()], problems };
}
