import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipDeclaredSize } from '../../lib/zip-size';
import { TEMPLATE_EXAMPLES } from './areas.import-rules';
import { buildTreeWorkbook, readTreeWorkbook } from './areas.import-template';

async function open(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('the tree template', () => {
  it('has the Chinese headers, a level dropdown, text code columns and an instructions sheet', async () => {
    const wb = await open(await buildTreeWorkbook());
    const sheet = wb.getWorksheet('区域')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '层级',
      '编码',
      '名称',
      '上级编码',
      '类型',
      '经度',
      '纬度',
      '楼层数',
      '单元数',
    ]);
    const model = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(model.A2).toMatchObject({ type: 'list', formulae: ['"社区,网格,小区,楼栋,单元,户"'] });
    expect(sheet.getColumn(2).numFmt).toBe('@');
    const help = wb.getWorksheet('说明')!;
    const text = help.getSheetValues().flat().join(' ');
    expect(text).toContain('22 + 4 = 26 位');
    expect(text).toContain('示例');
  });

  it('reads back its own two example rows, codes as text', async () => {
    const read = await readTreeWorkbook(await buildTreeWorkbook());
    expect(read).toMatchObject({
      kind: 'rows',
      rows: TEMPLATE_EXAMPLES.map((e, i) => ({ row: i + 2, ...e, lng: null })),
    });
  });
});

describe('reading a filled workbook', () => {
  it('finds the columns by header wherever they are, skips empty rows, and keeps 26-digit codes whole', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sheet1');
    sheet.addRow(['名称', 'code', '层级', '上级编码', '经度', '纬度']);
    sheet.addRow(['101室', '37160200100100101001010102', '户', '3716020010010010100101', null, null]);
    sheet.addRow([]);
    sheet.addRow([
      { richText: [{ text: '第九' }, { text: '网格' }] },
      '371602001001009',
      '网格',
      371602001001,
      118.1,
      37.4,
    ]);
    const read = await readTreeWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.kind === 'rows' && read.rows).toEqual([
      expect.objectContaining({ row: 2, name: '101室', code: '37160200100100101001010102', level: '户' }),
      expect.objectContaining({ row: 4, name: '第九网格', parentCode: 371602001001, lng: 118.1 }),
    ]);
  });

  it('a sheet without the required headers is reported on row 1, not read as data', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('区域').addRow(['层级', '名称']);
    const read = await readTreeWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(read.kind === 'rows' && read.problems.map((p) => [p.row, p.field])).toEqual([
      [1, '编码'],
      [1, '上级编码'],
    ]);
  });

  it.each([
    ['plain text', Buffer.from('not an xlsx')],
    ['an empty body', Buffer.alloc(0)],
    ['a truncated workbook', Buffer.from('PK\u0003\u0004 cut off here')],
  ])('%s is not a workbook', async (_case, body) => {
    expect(zipDeclaredSize(body)).toBeNull();
    expect(await readTreeWorkbook(body)).toEqual({ kind: 'unreadable' });
  });

  it('a zip that says it unpacks to more than 200 MB is refused before it is unpacked', async () => {
    const file = await buildTreeWorkbook();
    const declared = zipDeclaredSize(file)!;
    expect(declared).toBeGreaterThan(file.length);
    // Claim 250 MB for the first central-directory entry, as a zip bomb would.
    const bomb = Buffer.from(file);
    const firstEntry = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(250 * 1024 * 1024, firstEntry + 24);
    expect(await readTreeWorkbook(bomb)).toEqual({ kind: 'too_large' });
  });
});
