import ExcelJS from 'exceljs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from './areas.fixtures';
import { areasImportRoutes } from './areas.import.routes';
import type { Cell, TreeColumnKey } from './areas.import-rules';
import { buildTreeWorkbook, XLSX_TYPE } from './areas.import-template';

const STREET_A = '3716/371602/371602001';
let t: TestApp;
let admin: Session;
let streetA: Session;
let auditor: Session;

/** The app with the import routes, whether or not app.ts registers them yet. */
async function createImportTestApp(): Promise<TestApp> {
  const app = await createTestApp();
  if (!app.app.routeIndex.some((r) => r.url.startsWith('/api/v1/areas/imports/')))
    await app.app.register(async (scope) => areasImportRoutes(scope as never));
  return app;
}

// Each test may write the map: a fresh city per test.
beforeEach(async () => {
  if (t) await t.close();
  t = await createImportTestApp();
  await buildSmallCity(t.db.kysely);
  await t.createUser({ username: 'admin1', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  await t.createUser({
    username: 'streeta',
    assignments: [{ role: 'street_official', scopePath: STREET_A }],
  });
  await t.createUser({ username: 'auditor1', assignments: [{ role: 'auditor', scopePath: '3716' }] });
  [admin, streetA, auditor] = (await Promise.all(
    ['admin1', 'streeta', 'auditor1'].map((u) => t.login(u)),
  )) as [Session, Session, Session];
});
afterAll(() => t.close());

type Row = Partial<Record<TreeColumnKey, Cell>>;
const upload = async (s: Session, rows: Row[] | Buffer, dryRun = false) =>
  t.request(s, {
    method: 'POST',
    url: `/api/v1/areas/imports/tree?dryRun=${dryRun}`,
    body: Buffer.isBuffer(rows) ? rows : await buildTreeWorkbook(rows),
    headers: { 'content-type': XLSX_TYPE },
  });
const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });
const streetCounts = async () => (await get(admin, '/api/v1/areas/nodes/371602001')).json().counts;
const tableSizes = async () => {
  const count = async (table: 'areas' | 'areaVersions' | 'areaChanges' | 'auditLog') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  return {
    areas: await count('areas'),
    versions: await count('areaVersions'),
    changes: await count('areaChanges'),
    audit: await count('auditLog'),
  };
};

const CHAIN: Row[] = [
  { level: '社区', code: '371602001002', name: '新立社区', parentCode: '371602001', kind: '城市社区' },
  { level: '网格', code: '371602001002001', name: '新立第一网格', parentCode: '371602001002' },
  { level: '小区', code: '37160200100200101', name: '黄河花园', parentCode: '371602001002001' },
  {
    level: '楼栋',
    code: '37160200100200101001',
    name: '1号楼',
    parentCode: '37160200100200101',
    lng: 118.0203,
    lat: 37.3831,
    floors: 6,
    units: 2,
  },
  { level: '单元', code: '3716020010020010100101', name: '1单元', parentCode: '37160200100200101001' },
  { level: '户', code: '37160200100200101001010101', name: '101室', parentCode: '3716020010020010100101' },
];

describe('the tree template', () => {
  it('downloads as a workbook exceljs reads back, with the headers and a UTF-8 file name', async () => {
    const res = await get(streetA, '/api/v1/areas/imports/tree-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="area-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('区域导入模板.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.getWorksheet('区域')!.getRow(1).values as unknown[]).slice(1, 5)).toEqual([
      '层级',
      '编码',
      '名称',
      '上级编码',
    ]);
    expect(wb.getWorksheet('说明')).toBeDefined();
  });
});

describe('importing the tree from Excel', () => {
  it('a community → grid → compound → building → unit → household chain is created, and the household counts under the street', async () => {
    const before = await streetCounts();
    const dry = await upload(streetA, CHAIN, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      ok: true,
      dryRun: true,
      total: 6,
      valid: 6,
      problems: [],
      changeId: null,
    });
    expect(await streetCounts()).toEqual(before);

    const res = await upload(streetA, CHAIN);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      dryRun: false,
      total: 6,
      byLevel: { community: 1, grid: 1, compound: 1, building: 1, unit: 1, household: 1 },
    });
    expect(await streetCounts()).toMatchObject({
      community: before.community + 1,
      building: before.building + 1,
      household: before.household + 1,
    });
    const household = (await get(admin, '/api/v1/areas/nodes/37160200100200101001010101')).json();
    expect(household).toMatchObject({ level: 'household', lng: 118.0203, lat: 37.3831 });
    expect(household.ancestors.map((a: { name: string }) => a.name)).toContain('黄河花园');
    const building = (await get(admin, '/api/v1/areas/nodes/37160200100200101001')).json();
    expect(building.attrs).toEqual({ floors: 6, units: 2 });
    // Drawn later through the boundary import: a first version exists, with no boundary yet.
    const history = (await get(admin, '/api/v1/areas/nodes/371602001002001/history')).json().versions;
    expect(history).toEqual([expect.objectContaining({ validTo: null, changeKind: 'import' })]);
    const audit = (await get(auditor, '/api/v1/iam/audit?action=areas.import')).json();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorLabel: 'streeta', scopePath: STREET_A });
  });

  it('a workbook with three different bad rows reports all three with row numbers and Chinese columns, and writes nothing', async () => {
    const rows: Row[] = [
      CHAIN[0]!,
      { level: '街道办', code: '371602001003', name: '错层级', parentCode: '371602001' },
      { level: '网格', code: '37160200100', name: '短编码', parentCode: '371602001001' },
      {
        level: '楼栋',
        code: '37160200100100101002',
        name: '2号楼',
        parentCode: '37160200100100101',
        lng: 118,
      },
    ];
    const before = await tableSizes();
    const expected = [
      expect.objectContaining({ row: 3, field: '层级', reason: 'level_unknown' }),
      expect.objectContaining({ row: 4, field: '编码', reason: 'code_not_under_parent' }),
      expect.objectContaining({ row: 5, field: '纬度', reason: 'required' }),
    ];
    const dry = await upload(streetA, rows, true);
    expect(dry.json()).toMatchObject({ ok: false, total: 4, valid: 1 });
    expect(dry.json().problems).toEqual(expected);
    const res = await upload(streetA, rows);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('areas.import_invalid');
    expect(res.json().errors).toEqual(expected);
    expect(res.json().errors[0].message.zh).toMatch(/层级应为/);
    expect(await tableSizes()).toEqual(before);
  });

  it('a street official’s file with a row under another street is refused and nothing is written', async () => {
    const rows: Row[] = [
      CHAIN[0]!,
      { level: '社区', code: '371602002002', name: '越界社区', parentCode: '371602002' },
    ];
    const before = await tableSizes();
    const res = await upload(streetA, rows);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ row: 3, field: '上级编码', reason: 'parent_unknown' }),
    ]);
    expect(await tableSizes()).toEqual(before);
    // The city administrator may import the same file.
    expect((await upload(admin, rows)).json()).toMatchObject({ ok: true, valid: 2 });
  });

  it('the template left unedited is refused on its example rows', async () => {
    const res = await upload(admin, await buildTreeWorkbook());
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { row: number; reason: string }) => [e.row, e.reason])).toEqual([
      [2, 'template_example'],
      [3, 'template_example'],
    ]);
  });

  it.each([
    ['text posing as a workbook', XLSX_TYPE, 'not an xlsx', 400, 'areas.import_unreadable'],
    ['an empty workbook body', XLSX_TYPE, Buffer.alloc(0), 400, 'areas.import_unreadable'],
    [
      'JSON instead of a file',
      'application/json',
      JSON.stringify({ rows: [] }),
      415,
      'areas.import_not_xlsx',
    ],
    ['a CSV file', 'text/csv', '层级,编码', 415, 'request.unsupported_media_type'],
  ])('%s is refused with a clear code, never a 500', async (_case, type, body, status, code) => {
    const res = await t.request(streetA, {
      method: 'POST',
      url: '/api/v1/areas/imports/tree',
      body,
      headers: { 'content-type': type },
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('a workbook without data rows answers 400 areas.import_empty', async () => {
    const res = await upload(streetA, []);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('areas.import_empty');
  });

  it('the auditor may neither download the template nor import (403)', async () => {
    expect((await get(auditor, '/api/v1/areas/imports/tree-template.xlsx')).statusCode).toBe(403);
    const res = await upload(auditor, CHAIN);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('iam.forbidden');
  });
});
