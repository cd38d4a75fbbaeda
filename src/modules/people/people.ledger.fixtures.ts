import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { idNumberCheckCharacter } from '../../lib/id-number';
import { newId } from '../../lib/ids';
import { streamedXlsx } from '../../lib/xlsx-stream.fixtures';
import { LEDGER_COLUMNS, LEDGER_SHEETS, type LedgerKind, templateHeader } from './people.import.columns';
import { findPlace } from './people.places';
import { checkResidentInput } from './people.resident-rules';
import type { TalentsTable } from './people.table';

// Test factories for the Excel ledgers and the talent ledger: ledgers as a clerk fills them in,
// and residents with talents written straight to the database.

/**
 * The i-th of as many distinct valid ID numbers as a test needs (GB 11643): 1,000 sequence numbers
 * per birth date, birth dates counted on from 1950-01-01.
 */
export function ledgerIdNumber(i: number, region = '371602'): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 1000) * 86_400_000);
  const first17 = `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

export const ledgerPhone = (i: number) => `137${String(i).padStart(8, '0')}`;

export type LedgerCells = Record<string, string | number | null>;

/**
 * A ledger workbook as Excel writes one (shared strings, the data sheet first), with the template's
 * headers unless `headers` is given; rows are keyed by the Chinese header. Written with the
 * streaming writer, so 100,000 rows cost little memory here too.
 */
export function buildLedgerWorkbook(opts: {
  kind: LedgerKind;
  rows: Iterable<LedgerCells>;
  headers?: string[];
  instructions?: boolean;
}): Promise<Buffer> {
  return streamedXlsx((wb) => {
    const ws = wb.addWorksheet(LEDGER_SHEETS[opts.kind]);
    const headers = opts.headers ?? LEDGER_COLUMNS[opts.kind].map(templateHeader);
    const keys = headers.map((h) => h.replace(/\*$/, ''));
    ws.addRow(headers).commit();
    for (const row of opts.rows) ws.addRow(keys.map((k) => row[k] ?? null)).commit();
    ws.commit();
    if (opts.instructions) {
      const help = wb.addWorksheet('填写说明');
      help.addRow(['说明']).commit();
      help.commit();
    }
  });
}

/** Reads every cell of every sheet of an .xlsx as text, for tests that scan a whole file. */
export async function workbookCells(file: Buffer): Promise<{ sheet: string; row: number; text: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const cells: { sheet: string; row: number; text: string }[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row, n) =>
      row.eachCell((cell) => {
        cells.push({ sheet: ws.name, row: n, text: cell.text });
      }),
    );
  return cells;
}

/**
 * Registers a resident in a household and puts them on the talent ledger, straight in the
 * database (no audit): for tests that need talents to list, count or export.
 */
export async function seedTalent(
  db: Kysely<Database>,
  cipher: FieldCipher,
  opts: {
    household: string;
    i: number;
    name?: string;
    categories?: string[];
    skills?: string[];
    willingness?: TalentsTable['willingness'];
  },
): Promise<{ residentId: string; talentId: string; idNumber: string; phone: string }> {
  const place = await findPlace(db, opts.household);
  if (!place) throw new Error(`no household ${opts.household}`);
  const idNumber = ledgerIdNumber(opts.i);
  const phone = ledgerPhone(opts.i);
  const checked = checkResidentInput({
    input: {
      name: opts.name ?? `人才${opts.i}`,
      idNumber,
      phone,
      relationToHead: '户主',
      residenceType: '户籍',
    },
    cipher,
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const now = new Date().toISOString();
  const residentId = newId();
  const talentId = newId();
  await db
    .insertInto('residents')
    .values({
      id: residentId,
      householdCode: place.code,
      path: place.path,
      ...checked.value,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('talents')
    .values({
      id: talentId,
      residentId,
      path: place.path,
      willingness: opts.willingness ?? 'willing',
      availability: 'weekends',
      note: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  const tags = [
    ...(opts.categories ?? ['enthusiastic_resident']).map((tag) => ({
      talentId,
      kind: 'category' as const,
      tag,
    })),
    ...(opts.skills ?? []).map((tag) => ({ talentId, kind: 'skill' as const, tag })),
  ];
  await db.insertInto('talentTags').values(tags).execute();
  return { residentId, talentId, idNumber, phone };
}
