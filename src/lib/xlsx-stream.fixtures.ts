import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';

/**
 * An .xlsx written as exceljs' streaming writer writes one (worksheets first, shared strings and
 * workbook.xml last, as large exports are), for tests. The bytes are taken at the stream's 'end':
 * the writer resolves at 'finish', when the last chunks may not have been read out yet.
 */
export async function streamedXlsx(
  write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void | Promise<void>,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = finished(out);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: true,
    useStyles: false,
  });
  await write(wb);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}
