import { xlsxWorksheets } from '../../lib/xlsx-stream';
import { zipDeclaredSize } from '../../lib/zip-size';
import { AppError } from '../../server/errors';
import { type Cell, cellText, cellValue, mapHeader } from './people.import.cells';
import {
  type ColumnKey,
  LEDGER_COLUMNS,
  LEDGER_EXAMPLES,
  LEDGER_SHEETS,
  type LedgerKind,
} from './people.import.columns';
import type { LedgerRow, RowProblem } from './people.import.rules';
import { ledgerErrors } from './people.ledger.errors';

// Reads a filled ledger row by row with exceljs' streaming worksheet reader, so that a 100,000-row
// file is never a 100,000-row object graph: the caller takes one batch, checks and writes it, and
// asks for the next. Only the shared-strings table (the file's distinct texts) is held whole, as
// exceljs needs it to resolve cells; the zip is opened by its directory (src/lib/xlsx-stream.ts).

/** More than the largest street's population: a bigger ledger belongs in several files. */
export const MAX_LEDGER_ROWS = 200_000;
// A 100,000-row ledger is ~60 MB of XML; a zip declaring far more is refused before it is inflated.
const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

export type LedgerReadEvent = { header: RowProblem[] } | { rows: LedgerRow[] };

/**
 * The data rows of a ledger workbook, in batches, after one `header` event. The data sheet is the
 * one named for the kind (居民, 党员, 人才) or else the first whose row 1 has the required headers;
 * when there is none, the header event lists the missing columns and no rows follow. Blank rows
 * and the template's untouched example row are skipped. Throws people.import_unreadable or
 * people.import_too_large.
 */
export async function* readLedger(opts: {
  file: Buffer;
  kind: LedgerKind;
  batchSize: number;
}): AsyncGenerator<LedgerReadEvent> {
  const declared = zipDeclaredSize(opts.file);
  if (declared === null) throw ledgerErrors.unreadable();
  if (declared > MAX_UNZIPPED_BYTES) throw ledgerErrors.tooLarge(MAX_LEDGER_ROWS);
  const columns = LEDGER_COLUMNS[opts.kind];
  const reader = xlsxWorksheets(opts.file);
  let found = false;
  let firstProblems: RowProblem[] | undefined;
  let count = 0;
  try {
    for await (const sheet of reader) {
      // Every sheet is read to its end, even one already done with: the zip is one stream.
      let at: Map<ColumnKey, number> | undefined;
      let batch: LedgerRow[] = [];
      for await (const row of sheet) {
        if (found && !at) continue;
        const values = row.values as unknown[];
        if (!at && row.number === 1) {
          const header = mapHeader(
            Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellValue(values[i + 1])),
            columns,
          );
          const named = (sheet as unknown as { name?: string }).name === LEDGER_SHEETS[opts.kind];
          if (header.missing.length === 0 && !found) {
            at = header.at;
            found = true;
            yield { header: [] };
          } else if (named || firstProblems === undefined) {
            firstProblems = header.missing.map((c) => ({
              row: 1,
              field: c.header,
              in: 'body' as const,
              reason: 'column_missing',
              message: { zh: `缺少「${c.header}」列`, en: `the "${c.header}" (${c.en}) column is missing` },
            }));
          }
          continue;
        }
        if (!at) continue;
        const cells: Partial<Record<ColumnKey, Cell>> = {};
        let empty = true;
        for (const [key, i] of at) {
          const v = cellValue(values[i + 1]);
          cells[key] = v;
          if (v !== null) empty = false;
        }
        if (empty || isExampleRow(opts.kind, cells)) continue;
        if (++count > MAX_LEDGER_ROWS) throw ledgerErrors.tooLarge(MAX_LEDGER_ROWS);
        batch.push({ row: row.number, cells });
        if (batch.length >= opts.batchSize) {
          yield { rows: batch };
          batch = [];
        }
      }
      if (batch.length > 0) yield { rows: batch };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw ledgerErrors.unreadable();
  }
  if (!found) yield { header: firstProblems?.length ? firstProblems : [sheetMissing(opts.kind)] };
}

function sheetMissing(kind: LedgerKind): RowProblem {
  const sheet = LEDGER_SHEETS[kind];
  return {
    row: 1,
    field: sheet,
    in: 'body',
    reason: 'sheet_missing',
    message: { zh: `找不到「${sheet}」工作表`, en: `no "${sheet}" worksheet` },
  };
}

/** The template's example row, untouched: every column as the template wrote it. */
export function isExampleRow(kind: LedgerKind, cells: Partial<Record<ColumnKey, Cell>>): boolean {
  const example = LEDGER_EXAMPLES[kind];
  const keys = new Set([...Object.keys(cells), ...Object.keys(example)]) as Set<ColumnKey>;
  for (const key of keys) if (cellText(cells[key] ?? null) !== (example[key] ?? '')) return false;
  return true;
}
