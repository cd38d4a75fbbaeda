import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

// Row-by-row reading of an .xlsx held in memory, without exceljs' single-pass unzip.
//
// exceljs' streaming WorkbookReader reads the zip front to back with unzipper's Parse and, on
// Node 18 and later, now and then never sees the entries stored last (exceljs issues #683 and
// #3064, fixes proposed in PRs #2915 and #3065, unreleased as of 4.4.0). A workbook written by
// exceljs, and many others, stores its worksheets first and the shared strings and workbook.xml
// last, so a lost tail turned every text cell into `{ sharedString: n }`: a ledger whose header row
// was fine was refused with "缺少「户编码」列" (CI of stop 8 caught it). Here the zip is opened through
// its central directory instead, the workbook's parts are read in the order the worksheets need
// them, and only then are the worksheets handed out, each still inflated and parsed as it is read.

type ZipEntry = { path: string; type: string; stream(): Readable };
type Unzipper = { Open: { buffer(file: Buffer): Promise<{ files: ZipEntry[] }> } };
const unzipper = createRequire(import.meta.url)('unzipper') as Unzipper;

type ReaderEvent = { eventType: string; value: unknown };
/** The parts of exceljs 4.4.0's WorkbookReader used here (package.json pins that version). */
type ReaderInternals = {
  parse(): AsyncGenerator<ReaderEvent>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<ReaderEvent>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<ReaderEvent>;
};

const INTERNALS = ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles', '_parseWorksheet'];
const missing = INTERNALS.filter(
  (m) =>
    typeof (ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, unknown>)[m] !==
    'function',
);
if (missing.length > 0)
  throw new Error(`exceljs changed: WorkbookReader has no ${missing.join(', ')}; see src/lib/xlsx-stream.ts`);

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The worksheets of `file`, in sheet order, each an async iterable of rows as exceljs' streaming
 * reader gives them (text cells resolved from the shared strings, `name` from workbook.xml).
 * Throws when the file is not a zip; a worksheet that is not XML throws while its rows are read.
 */
export function xlsxWorksheets(
  file: Buffer,
  options: { styles?: 'cache' | 'ignore' } = {},
): AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file as unknown as Readable, {
    sharedStrings: 'cache',
    styles: options.styles ?? 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  internals.parse = async function* parse() {
    const { files } = await unzipper.Open.buffer(file);
    const part = (path: string) => files.find((f) => f.type === 'File' && f.path === path);
    const rels = part('xl/_rels/workbook.xml.rels');
    if (rels) await internals._parseRels(rels.stream());
    const workbook = part('xl/workbook.xml');
    if (workbook) await internals._parseWorkbook(workbook.stream());
    const strings = part('xl/sharedStrings.xml');
    if (strings) yield* internals._parseSharedStrings(strings.stream());
    const styles = part('xl/styles.xml');
    if (styles) await internals._parseStyles(styles.stream());
    const sheets = files
      .map((f) => ({ entry: f, no: SHEET.exec(f.path)?.[1] }))
      .filter((s): s is { entry: ZipEntry; no: string } => s.no !== undefined)
      .sort((a, b) => Number(a.no) - Number(b.no));
    // A sheet that exceljs would name from workbook.xml needs the model, even when that part is absent.
    if (!workbook) (reader as unknown as { model: { sheets: [] } }).model = { sheets: [] };
    for (const sheet of sheets) yield* internals._parseWorksheet(sheet.entry.stream(), sheet.no);
  };
  return reader;
}
