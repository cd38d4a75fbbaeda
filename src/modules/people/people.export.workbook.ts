import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

// Writes an export as a stream: exceljs' streaming writer turns each row into XML as it is
// committed and zips it straight into `out`. A page of rows is fetched, written and forgotten;
// when the reader of `out` falls behind, the next page waits for it to drain.

export interface ExportColumn<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
}

/** One worksheet with a bold header row, filled page by page from `pages`, then the zip is finished. */
export async function writeExportWorkbook<T>(opts: {
  out: Writable;
  sheet: string;
  columns: readonly ExportColumn<T>[];
  pages: AsyncIterable<T[]>;
}): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: opts.out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Grassroots 基层治理平台';
  const ws = wb.addWorksheet(opts.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Every column as text: ID numbers and codes must not turn into 3.7E+17 when the file is opened.
  ws.columns = opts.columns.map((c) => ({ header: c.header, width: c.width, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let rows = 0;
  for await (const page of opts.pages) {
    for (const row of page) {
      ws.addRow(opts.columns.map((c) => c.value(row))).commit();
      rows += 1;
    }
    if (opts.out.writableNeedDrain) await once(opts.out, 'drain');
  }
  ws.commit();
  await wb.commit();
  return rows;
}

export { attachmentHeader } from '../../server/downloads';

/** 20260115, for file names. */
export function compactDay(day: string): string {
  return day.replaceAll('-', '');
}
