import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { householdCode, STREET_A, STREET_B } from './people.fixtures';
import { LEDGER_COLUMNS, LEDGER_KINDS, templateHeader } from './people.import.columns';
import { XLSX_TYPE } from './people.import.template';
import { buildLedgerWorkbook, type LedgerCells, ledgerIdNumber, ledgerPhone } from './people.ledger.fixtures';

let t: TestApp;
let admin: Session;
let streetA: Session;
let auditor: Session;

const HH_A = householdCode('A', 1, 1);
const HH_B = householdCode('B', 1, 1);

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely, { householdsPerCompound: 20 });
  const users: [string, string, string][] = [
    ['admin1', 'city_admin', '3716'],
    ['streeta', 'street_official', STREET_A],
    ['auditor1', 'auditor', '3716'],
  ];
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  [admin, streetA, auditor] = (await Promise.all(users.map(([u]) => t.login(u)))) as [
    Session,
    Session,
    Session,
  ];
});
afterAll(() => t.close());

const upload = (s: Session, kind: string, file: Buffer, query = 'dryRun=false') =>
  t.request(s, {
    method: 'POST',
    url: `/api/v1/people/imports/${kind}?${query}`,
    body: file,
    headers: { 'content-type': XLSX_TYPE },
  });

const resident = (i: number, over: LedgerCells = {}): LedgerCells => ({
  户编码: HH_A,
  姓名: `居民${i}`,
  身份证号: ledgerIdNumber(i),
  联系电话: ledgerPhone(i),
  与户主关系: i % 3 === 0 ? '户主' : '子女',
  人口类型: '户籍',
  ...over,
});

async function countResidents(pathPrefix?: string): Promise<number> {
  let q = t.db.kysely.selectFrom('residents').select((eb) => eb.fn.countAll<number>().as('n'));
  if (pathPrefix) q = q.where('path', 'like', `${pathPrefix}/%`);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe('ledger templates', () => {
  it.each(LEDGER_KINDS)(
    'the %s template has the Chinese headers, dropdowns, an example row and instructions',
    async (kind) => {
      const res = await t.request(streetA, {
        method: 'GET',
        url: `/api/v1/people/imports/${kind}/template.xlsx`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX_TYPE);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="[\w.-]+"; filename\*=UTF-8''%E/,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const [data, help] = wb.worksheets;
      expect(help?.name).toBe('填写说明');
      const headers = (data!.getRow(1).values as unknown[]).slice(1);
      expect(headers).toEqual(LEDGER_COLUMNS[kind].map(templateHeader));
      expect(data!.getRow(2).getCell(2).text).not.toBe('');
      const validations = (
        data as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
      ).dataValidations.model;
      const lists = new Set(Object.values(validations).map((v) => v.formulae[0]));
      expect(lists.size).toBeGreaterThanOrEqual(kind === 'residents' ? 3 : 5);
      expect([...lists].join()).toContain(
        kind === 'residents' ? '户主' : kind === 'talents' ? '法律' : '预备党员',
      );
    },
  );

  it('an untouched template imports nothing: its example row is skipped', async () => {
    const template = await t.request(streetA, {
      method: 'GET',
      url: '/api/v1/people/imports/residents/template.xlsx',
    });
    const res = await upload(streetA, 'residents', template.rawPayload, 'dryRun=true');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('people.import_empty');
  });
});

describe('importing residents from Excel', () => {
  it('a clean workbook previews clean without writing, then imports, and its residents count below their street', async () => {
    const file = await buildLedgerWorkbook({
      kind: 'residents',
      rows: [
        resident(1, { 与户主关系: '户主' }),
        resident(2),
        resident(3, { 户编码: householdCode('A', 2, 5) }),
      ],
      instructions: true,
    });
    const before = await countResidents(STREET_A);
    const preview = await upload(streetA, 'residents', file, 'dryRun=true');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      ok: true,
      dryRun: true,
      total: 3,
      valid: 3,
      problems: [],
      auditSeq: null,
    });
    expect(await countResidents(STREET_A)).toBe(before);

    const res = await upload(streetA, 'residents', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      dryRun: false,
      created: { residents: 3, partyMembers: 0, talents: 0 },
    });
    expect(await countResidents(STREET_A)).toBe(before + 3);
    expect(await countResidents(STREET_B)).toBe(0);
    const audit = await t.db.kysely
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'people.ledger_imported')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.seq).toBe(res.json().auditSeq);
    expect(audit[0]!.summary).not.toContain(ledgerIdNumber(1));
    const stored = await t.db.kysely
      .selectFrom('residents')
      .selectAll()
      .where('name', '=', '居民1')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      householdCode: HH_A,
      relationToHead: 'head',
      gender: 'male',
      status: 'active',
    });
    expect(JSON.stringify(stored)).not.toContain(ledgerIdNumber(1));
  });

  it('several bad rows are each reported with their Excel row and Chinese header, and nothing is written', async () => {
    const badCheck = `${ledgerIdNumber(11).slice(0, 17)}${ledgerIdNumber(11).endsWith('0') ? '1' : '0'}`;
    const file = await buildLedgerWorkbook({
      kind: 'residents',
      rows: [
        resident(10),
        resident(11, { 身份证号: badCheck }),
        resident(12, { 户编码: '37160200100100101001019999' }),
        resident(13, { 身份证号: ledgerIdNumber(10) }),
        resident(14, { 姓名: null }),
        resident(15, { 与户主关系: '表亲', 联系电话: '1234' }),
      ],
    });
    const before = await countResidents();
    const preview = await upload(streetA, 'residents', file, 'dryRun=true');
    expect(preview.json()).toMatchObject({ ok: false, total: 6, valid: 1 });
    const expected = [
      { row: 3, field: '身份证号', reason: 'bad_check_character' },
      { row: 4, field: '户编码', reason: 'household_unknown' },
      { row: 5, field: '身份证号', reason: 'duplicate_in_file' },
      { row: 6, field: '姓名', reason: 'required' },
      { row: 7, field: '联系电话', reason: 'bad_format' },
      { row: 7, field: '与户主关系', reason: 'invalid' },
    ];
    const brief = (ps: { row: number; field: string; reason: string }[]) =>
      ps.map(({ row, field, reason }) => ({ row, field, reason }));
    expect(brief(preview.json().problems)).toEqual(expected);
    expect(preview.json().problems[2].message).toEqual({
      zh: '与第 2 行的身份证号重复',
      en: 'repeats row 2',
    });
    expect(preview.body).not.toContain(ledgerIdNumber(10));

    const res = await upload(streetA, 'residents', file);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'people.import_invalid', total: 6, valid: 1 });
    expect(brief(res.json().errors)).toEqual(expected);
    expect(await countResidents()).toBe(before);
  });

  it('an ID number already registered is refused, so importing a file twice adds nobody', async () => {
    const file = await buildLedgerWorkbook({ kind: 'residents', rows: [resident(20), resident(21)] });
    expect((await upload(admin, 'residents', file)).statusCode).toBe(200);
    const again = await upload(admin, 'residents', file, 'dryRun=true');
    expect(again.json().problems.map((p: { reason: string }) => p.reason)).toEqual([
      'already_registered',
      'already_registered',
    ]);
  });

  it('a street official cannot import into another street: its households are unknown to them', async () => {
    const file = await buildLedgerWorkbook({ kind: 'residents', rows: [resident(30, { 户编码: HH_B })] });
    const res = await upload(streetA, 'residents', file);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ row: 2, field: '户编码', reason: 'household_unknown' }),
    ]);
    const elsewhere = await upload(streetA, 'residents', file, 'dryRun=true&areaCode=371602002');
    expect(elsewhere.statusCode).toBe(404);
    expect(await countResidents(STREET_B)).toBe(0);
  });

  it('rows outside the chosen area are refused even within the caller’s scope', async () => {
    const file = await buildLedgerWorkbook({ kind: 'residents', rows: [resident(31, { 户编码: HH_B })] });
    const res = await upload(admin, 'residents', file, 'dryRun=true&areaCode=371602001');
    expect(res.json().problems).toEqual([expect.objectContaining({ reason: 'household_unknown' })]);
  });

  it('the auditor may download a template but not import', async () => {
    const file = await buildLedgerWorkbook({ kind: 'residents', rows: [resident(40)] });
    const res = await upload(auditor, 'residents', file, 'dryRun=true');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('iam.forbidden');
  });

  it('a file that is not a workbook, or no file at all, is refused with a reason', async () => {
    expect((await upload(streetA, 'residents', Buffer.from('姓名,身份证号\n'))).json().code).toBe(
      'people.import_unreadable',
    );
    const none = await t.request(streetA, { method: 'POST', url: '/api/v1/people/imports/residents' });
    expect(none.statusCode).toBe(415);
    const csv = await t.request(streetA, {
      method: 'POST',
      url: '/api/v1/people/imports/residents',
      body: 'a,b',
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.statusCode).toBe(415);
  });

  it('a sheet without the required columns names each missing one at row 1', async () => {
    const file = await buildLedgerWorkbook({
      kind: 'residents',
      rows: [{ 姓名: '王芳' }],
      headers: ['姓名', '备注'],
    });
    const res = await upload(streetA, 'residents', file, 'dryRun=true');
    expect(res.json().problems.map((p: { row: number; field: string }) => [p.row, p.field])).toEqual([
      [1, '户编码'],
      [1, '与户主关系'],
      [1, '人口类型'],
    ]);
  });

  it('a 10,000-row workbook imports in one transaction', async () => {
    const rows = function* () {
      for (let i = 0; i < 10_000; i++)
        yield resident(100_000 + i, {
          户编码: householdCode(i % 2 ? 'A' : 'B', (((i >> 1) % 2) + 1) as 1 | 2, (i % 20) + 1),
        });
    };
    const file = await buildLedgerWorkbook({ kind: 'residents', rows: rows() });
    const before = await countResidents();
    const started = performance.now();
    const res = await upload(admin, 'residents', file);
    const ms = performance.now() - started;
    expect(res.json()).toMatchObject({
      ok: true,
      total: 10_000,
      valid: 10_000,
      created: { residents: 10_000 },
    });
    expect(await countResidents()).toBe(before + 10_000);
    expect(await countResidents(STREET_B)).toBe(5_000);
    expect(ms).toBeLessThan(25_000);
  }, 60_000);
});
