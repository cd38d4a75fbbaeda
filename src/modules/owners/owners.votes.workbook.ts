import ExcelJS from 'exceljs';

// The voting codes of a vote as a workbook to print and hand out: one row per elector.

/** The codes as .xlsx, every cell text so that nothing turns into a number or a date. */
export async function buildCodesWorkbook(opts: {
  title: string;
  compoundName: string | null;
  codes: readonly { label: string; area: string; code: string }[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Grassroots 基层治理平台';
  const ws = wb.addWorksheet('表决码', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([`${opts.compoundName ?? ''} 业主大会表决：${opts.title}（表决码仅此一份，请妥善分发）`]);
  ws.mergeCells(1, 1, 1, 4);
  ws.getRow(1).font = { bold: true };
  ws.addRow(['序号', '表决人（业主及专有部分）', '专有部分面积（平方米）', '表决码']);
  ws.getRow(2).font = { bold: true };
  ws.columns = [
    { width: 8, style: { numFmt: '@' } },
    { width: 60, style: { numFmt: '@' } },
    { width: 22, style: { numFmt: '@' } },
    { width: 20, style: { numFmt: '@' } },
  ];
  opts.codes.forEach((c, i) => {
    ws.addRow([String(i + 1), c.label, c.area, c.code]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function codesFilename(voteId: string): { filename: string; fallback: string } {
  return { filename: `表决码-${voteId}.xlsx`, fallback: `voting-codes-${voteId}.xlsx` };
}
