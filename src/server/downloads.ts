import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';

// Files the API hands out as downloads: Excel ledgers, templates, exports and rankings.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / RFC 5987: an ASCII fallback name plus the UTF-8 one that browsers show. */
export function attachmentHeader(filename: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A workbook built in memory, as a download. */
export function sendXlsx(reply: FastifyReply, file: { body: Buffer; filename: string; fallback: string }) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', attachmentHeader(file.filename, file.fallback))
    .send(file.body);
}

/** An export whose rows are counted and whose workbook is written while it is sent. */
export type StreamedXlsx = {
  filename: string;
  fallback: string;
  rows: number;
  write(out: Writable): Promise<unknown>;
};

/**
 * Sends a workbook as it is written, with its row count in `x-export-rows`; a failure midway aborts
 * the download rather than truncating it (a cut file would pass for a short ledger).
 */
export function streamXlsx(reply: FastifyReply, prepared: StreamedXlsx) {
  const out = new PassThrough();
  prepared.write(out).catch((err) => {
    reply.log.error({ err }, 'export failed while streaming');
    out.destroy(err);
  });
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', attachmentHeader(prepared.filename, prepared.fallback))
    .header('x-export-rows', String(prepared.rows))
    .send(out);
}
