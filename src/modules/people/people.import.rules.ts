import type { FieldCipher } from '../../lib/field-crypto';
import { parseIdNumber } from '../../lib/id-number';
import type { Bilingual } from '../../server/errors';
import { type Cell, cellText, dateCell, digitsText, splitChoices } from './people.import.cells';
import { type ColumnKey, LEDGER_COLUMNS, type LedgerColumn, type LedgerKind } from './people.import.columns';
import {
  AVAILABILITY_ALIASES,
  AVAILABILITY_LABELS,
  codeOf,
  MEMBERSHIP_ALIASES,
  MEMBERSHIP_LABELS,
  PARTY_CATEGORY_ALIASES,
  PARTY_CATEGORY_LABELS,
  TALENT_CATEGORY_LABELS,
  TALENT_SKILL_LABELS,
  WILLINGNESS_ALIASES,
  WILLINGNESS_LABELS,
} from './people.ledger.labels';
import { ID_NUMBER_REASONS, idNumberSearchHash } from './people.personal-data';
import { checkResidentInput, type FieldLabels, type ResidentFields } from './people.resident-rules';
import type { PartyMembersTable, TalentsTable } from './people.table';

// One row of a ledger, checked on its own: cells parsed, choices mapped to codes, the ID number's
// blind index computed so that the service can look the batch up in one query. Pure.

export interface RowProblem {
  /** The Excel row number, as the official sees it at the left of the sheet. */
  row: number;
  /** The Chinese column header. */
  field: string;
  in: 'body';
  reason: string;
  message: Bilingual;
}

export interface LedgerRow {
  row: number;
  cells: Partial<Record<ColumnKey, Cell>>;
}

export type PartyFields = Pick<
  PartyMembersTable,
  'membership' | 'category' | 'joinedOn' | 'probationEndsOn' | 'relationElsewhere'
>;
export type TalentFields = Pick<TalentsTable, 'willingness' | 'availability' | 'note'> & {
  categories: string[];
  skills: string[];
};

/** What a row asks for, before the database is asked anything. */
export interface CheckedRow {
  row: number;
  problems: RowProblem[];
  /** Blind index of a valid ID number, to find the resident or a duplicate. */
  idHash: string | null;
  householdCode: string | null;
  name: string;
  cells: Partial<Record<ColumnKey, Cell>>;
  party: PartyFields | null;
  talent: TalentFields | null;
}

export const HEADERS = Object.fromEntries(
  Object.values(LEDGER_COLUMNS)
    .flat()
    .map((c) => [c.key, c.header]),
) as Record<ColumnKey, string>;

/** checkResidentInput names problems by these headers. */
export const RESIDENT_LABELS: FieldLabels = {
  name: HEADERS.name,
  idNumber: HEADERS.idNumber,
  gender: HEADERS.gender,
  birthDate: HEADERS.birthDate,
  ethnicity: HEADERS.ethnicity,
  phone: HEADERS.phone,
  relationToHead: HEADERS.relationToHead,
  residenceType: HEADERS.residenceType,
  note: HEADERS.note,
};

export const problemAt = (
  row: number,
  key: ColumnKey,
  reason: string,
  zh: string,
  en: string,
): RowProblem => ({
  row,
  field: HEADERS[key],
  in: 'body',
  reason,
  message: { zh, en },
});

const REQUIRED = ['required', '必填', 'required'] as const;
// The first congress of the Communist Party of China, July 1921: no one joined before it.
const PARTY_FOUNDED = '1921-07-01';

function choiceProblem(row: number, col: LedgerColumn): RowProblem {
  const list = (col.choices ?? []).join('、');
  return problemAt(row, col.key, 'invalid_choice', `应为：${list}`, `must be one of: ${list}`);
}

/** The year after `day` (党章 art. 7: the probation of a new member lasts one year). */
function yearAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  // 29 February + 1 year is 1 March, as in the calendar used for terms.
  return next.toISOString().slice(0, 10);
}

/**
 * Reads one row: the cells every kind shares (ID number, household code, name) and the party or
 * talent fields. The resident's own columns are checked later by checkResidentInput, only when the
 * row registers a resident, so that a row naming an existing resident is not held to them.
 */
export function readLedgerRow(
  kind: LedgerKind,
  input: LedgerRow,
  ctx: { cipher: FieldCipher; today: string },
): CheckedRow {
  const { row, cells } = input;
  const problems: RowProblem[] = [];
  const add = (key: ColumnKey, reason: string, zh: string, en: string) =>
    problems.push(problemAt(row, key, reason, zh, en));
  const columns = LEDGER_COLUMNS[kind];
  const column = (key: ColumnKey) => columns.find((c) => c.key === key) as LedgerColumn;
  const text = (key: ColumnKey) => cellText(cells[key] ?? null);

  const digits = (key: ColumnKey): string => {
    const parsed = digitsText(cells[key] ?? null);
    if (!parsed.ok) {
      add(key, parsed.reason, parsed.message.zh, parsed.message.en);
      return '';
    }
    return parsed.value;
  };

  const household = digits('householdCode');
  if (household && !/^\d{2,32}$/.test(household))
    add('householdCode', 'code_not_digits', '户编码只能包含数字', 'a household code has digits only');
  if (!household && kind === 'residents') add('householdCode', ...REQUIRED);

  // Residents are checked whole by checkResidentInput; the other ledgers find the resident by it.
  const idText = digits('idNumber');
  let idHash: string | null = null;
  if (idText) {
    const parsed = parseIdNumber(idText, { today: ctx.today });
    if (parsed.ok) idHash = idNumberSearchHash(ctx.cipher, parsed.value) ?? null;
    else if (kind !== 'residents') {
      const m = ID_NUMBER_REASONS[parsed.reason];
      add('idNumber', parsed.reason, m.zh, m.en);
    }
  } else if (kind !== 'residents' && !problems.some((p) => p.field === HEADERS.idNumber))
    add('idNumber', ...REQUIRED);

  const choice = <T extends string>(
    key: ColumnKey,
    labels: Record<T, string>,
    aliases: Record<string, T> = {},
  ): T | null => {
    const t = text(key);
    if (!t) {
      add(key, ...REQUIRED);
      return null;
    }
    const code = codeOf(labels, t, aliases);
    if (!code) problems.push(choiceProblem(row, column(key)));
    return code ?? null;
  };
  const date = (key: ColumnKey): string | null => {
    const parsed = dateCell(cells[key] ?? null);
    if (!parsed.ok) add(key, parsed.reason, parsed.message.zh, parsed.message.en);
    else if (parsed.value && parsed.value > ctx.today)
      add(key, 'future_date', '日期不能晚于今天', 'must not be after today');
    return parsed.ok ? parsed.value : null;
  };

  let party: PartyFields | null = null;
  if (kind === 'party-members') {
    const membership = choice('membership', MEMBERSHIP_LABELS, MEMBERSHIP_ALIASES);
    const category = choice('partyCategory', PARTY_CATEGORY_LABELS, PARTY_CATEGORY_ALIASES);
    const joinedOn = date('joinedOn');
    if (joinedOn && joinedOn < PARTY_FOUNDED)
      add('joinedOn', 'before_founding', '入党日期不能早于 1921 年 7 月', 'must not be before July 1921');
    let probationEndsOn = date('probationEndsOn');
    if (probationEndsOn && joinedOn && probationEndsOn <= joinedOn)
      add('probationEndsOn', 'before_joined', '预备期满日期须晚于入党日期', 'must be after the joining date');
    if (!probationEndsOn && membership === 'probationary' && joinedOn) probationEndsOn = yearAfter(joinedOn);
    const elsewhere = text('relationElsewhere') || null;
    if (elsewhere && elsewhere.length > 200)
      add('relationElsewhere', 'too_long', '不能超过 200 个字', 'at most 200 characters');
    if (membership && category)
      party = { membership, category, joinedOn, probationEndsOn, relationElsewhere: elsewhere };
  }

  let talent: TalentFields | null = null;
  if (kind === 'talents') {
    const tags = (key: ColumnKey, labels: Record<string, string>, required: boolean): string[] => {
      const words = splitChoices(text(key));
      if (words.length === 0 && required) add(key, ...REQUIRED);
      const codes = words.map((w) => codeOf(labels, w));
      if (codes.some((c) => !c)) problems.push(choiceProblem(row, column(key)));
      return [...new Set(codes.filter((c): c is string => Boolean(c)))];
    };
    const categories = tags('categories', TALENT_CATEGORY_LABELS, true);
    const skills = tags('skills', TALENT_SKILL_LABELS, false);
    const willingness = choice('willingness', WILLINGNESS_LABELS, WILLINGNESS_ALIASES);
    const availability = choice('availability', AVAILABILITY_LABELS, AVAILABILITY_ALIASES);
    const note = text('note') || null;
    if (note && note.length > 500) add('note', 'too_long', '不能超过 500 个字', 'at most 500 characters');
    if (willingness && availability) talent = { categories, skills, willingness, availability, note };
  }

  return {
    row,
    problems,
    idHash,
    householdCode: household || null,
    name: text('name'),
    cells,
    party,
    talent,
  };
}

/** The resident a row registers, checked and sealed; problems are named by the Chinese headers. */
export function checkNewResident(
  checked: CheckedRow,
  kind: LedgerKind,
  ctx: { cipher: FieldCipher; today: string },
): { ok: true; value: ResidentFields } | { ok: false; problems: RowProblem[] } {
  const text = (key: ColumnKey) => cellText(checked.cells[key] ?? null) || null;
  const birth = dateCell(checked.cells.birthDate ?? null);
  const id = digitsText(checked.cells.idNumber ?? null);
  const result = checkResidentInput({
    input: {
      name: checked.name,
      gender: text('gender'),
      // A date the reader could not parse is passed on as typed, so checkResidentInput names it.
      birthDate: birth.ok ? birth.value : text('birthDate'),
      idNumber: id.ok ? id.value : null,
      phone: digitsOrText(checked.cells.phone ?? null),
      ethnicity: text('ethnicity'),
      relationToHead: text('relationToHead') ?? '',
      residenceType: text('residenceType') ?? '',
      // In the talent ledger 备注 describes the talent, not the resident.
      note: kind === 'residents' ? text('note') : null,
    },
    cipher: ctx.cipher,
    today: ctx.today,
    labels: RESIDENT_LABELS,
  });
  if (result.ok) return result;
  const already = new Set(checked.problems.map((p) => `${p.field}:${p.reason}`));
  // An ID number Excel turned into a number is reported once; it is not "missing" as well.
  if (!id.ok) already.add(`${HEADERS.gender}:required`);
  return {
    ok: false,
    problems: result.problems
      .map((p) => ({ ...p, row: checked.row, in: 'body' as const }))
      .filter((p) => !already.has(`${p.field}:${p.reason}`)),
  };
}

function digitsOrText(cell: Cell): string | null {
  const parsed = digitsText(cell);
  return parsed.ok ? parsed.value || null : cellText(cell) || null;
}
