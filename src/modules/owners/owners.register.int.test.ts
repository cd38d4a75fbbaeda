import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { chinaToday } from '../areas/index';
import { addDays } from './owners.dates';
import { CITY } from './owners.fixtures';
import { DATA_SHEET, XLSX_TYPE } from './owners.import.workbook';

// The owners' register of 市中1号小区 through the API: owners sealed like residents, units with the
// area of SPC art. 8, the headcount of art. 9, and the Excel import.

const today = chinaToday();
const A1 = CITY.compoundA1;
const A2 = CITY.compoundA2;
const ID_1 = '371602198001010013';
const ID_2 = '371602198502020025';
const PHONE = '13805431234';
let t: TestApp;
let streetA: Session;
let streetB: Session;
let auditor: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely);
  const users = [
    ['streeta', 'street_official', CITY.streetA],
    ['streetb', 'street_official', CITY.streetB],
    ['auditor1', 'auditor', '3716'],
  ] as const;
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  [streetA, streetB, auditor] = (await Promise.all(users.map(([u]) => t.login(u)))) as [
    Session,
    Session,
    Session,
  ];
});
afterAll(() => t.close());

const post = (s: Session, url: string, body: unknown) => t.request(s, { method: 'POST', url, body });
const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });

describe('owners', () => {
  it('seals a person’s numbers and shows them only masked', async () => {
    const res = await post(streetA, `/api/v1/owners/compounds/${A1}/owners`, {
      name: '张三',
      idNumber: ID_1,
      phone: PHONE,
    });
    expect(res.statusCode).toBe(201);
    ids.zhang = res.json().id;
    expect(res.json()).toMatchObject({ idNumberMasked: '3716**********0013', phoneMasked: '138****1234' });
    const row = await t.db.kysely
      .selectFrom('owners')
      .selectAll()
      .where('id', '=', ids.zhang!)
      .executeTakeFirstOrThrow();
    expect(row.idNumberEnc).not.toContain(ID_1);
    expect(row.idNumberHash).toBeTruthy();
    const list = await get(streetA, `/api/v1/owners/compounds/${A1}/owners`);
    expect(list.body).not.toContain(ID_1);
    expect(list.body).not.toContain(PHONE);
    expect(list.body).not.toMatch(/Enc|Hash/);
  });

  it('refuses the same ID number twice in a compound, a bad one, and a number for an organisation', async () => {
    expect(
      (await post(streetA, `/api/v1/owners/compounds/${A1}/owners`, { name: '张三', idNumber: ID_1 })).json()
        .code,
    ).toBe('owners.owner_exists');
    const bad = await post(streetA, `/api/v1/owners/compounds/${A1}/owners`, {
      name: '李四',
      idNumber: '371602198001010012',
    });
    expect(bad.json()).toMatchObject({ code: 'owners.invalid_owner' });
    const org = await post(streetA, `/api/v1/owners/compounds/${A1}/owners`, {
      name: '滨州某公司',
      kind: 'organisation',
      idNumber: ID_2,
    });
    expect(org.json().errors[0].reason).toBe('id_number_for_organisation');
  });

  it('registers co-owners, the developer, and one developer only', async () => {
    for (const [key, body] of [
      ['li', { name: '李四', idNumber: ID_2 }],
      ['wang', { name: '王五' }],
      ['developer', { name: '滨州某置业有限公司', kind: 'developer' }],
    ] as const)
      ids[key] = (await post(streetA, `/api/v1/owners/compounds/${A1}/owners`, body)).json().id;
    const second = await post(streetA, `/api/v1/owners/compounds/${A1}/owners`, {
      name: '另一家',
      kind: 'developer',
    });
    expect(second.json().code).toBe('owners.developer_exists');
  });
});

describe('units and the register figures', () => {
  const unit = (label: string, body: object) =>
    post(streetA, `/api/v1/owners/compounds/${A1}/units`, { label, ...body });

  it('refuses a unit without any area (SPC art. 8) or delivered without an owner', async () => {
    const res = await unit('1号楼0101', { deliveredOn: today });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { reason: string }) => e.reason)).toEqual([
      'area_missing',
      'delivered_without_owner',
    ]);
  });

  it('counts one owner of two units once, co-owners once and the developer once (SPC art. 9)', async () => {
    const delivered = addDays(today, -30);
    expect(
      (
        await unit('1号楼0101', {
          registeredArea: '89.5',
          surveyedArea: '90',
          deliveredOn: delivered,
          householdCode: CITY.household(A1, 1),
          owners: [{ ownerId: ids.zhang }],
        })
      ).json(),
    ).toMatchObject({ area: '89.5000', householdCode: CITY.household(A1, 1) });
    await unit('1号楼0102', {
      contractArea: '60.25',
      deliveredOn: delivered,
      owners: [{ ownerId: ids.zhang }],
    });
    await unit('1号楼0103', {
      surveyedArea: '100',
      deliveredOn: delivered,
      owners: [
        { ownerId: ids.li, share: '1/2' },
        { ownerId: ids.wang, share: '1/2' },
      ],
    });
    for (const label of ['2号楼0101', '2号楼0102'])
      await unit(label, {
        registeredArea: '125.0001',
        developerUnsold: true,
        owners: [{ ownerId: ids.developer }],
      });
    const res = await get(streetA, `/api/v1/owners/compounds/${A1}/register`);
    expect(res.json()).toMatchObject({
      units: 5,
      owners: 4,
      totalArea: '499.7502',
      headcount: 3,
      deliveredUnits: 3,
      deliveredArea: '249.7500',
      deliveredUnitsPercent: '60.00%',
      // 249.75 of 499.7502 m² is just under half: only the owners' condition holds.
      deliveredAreaPercent: '49.97%',
      firstMeeting: { triggered: true, conditions: ['delivered_owners_half'], triggeredSince: delivered },
    });
  });

  it('refuses the same unit twice, a household of another compound and owners of another compound', async () => {
    expect((await unit('1号楼0101', { registeredArea: '1' })).json().code).toBe('owners.unit_label_taken');
    const other = await unit('3号楼', { registeredArea: '1', householdCode: CITY.household(A2, 1) });
    expect(other.json().errors[0].reason).toBe('household_not_in_compound');
  });

  it('an owner holding units cannot be deleted', async () => {
    const res = await t.request(streetA, { method: 'DELETE', url: `/api/v1/owners/owners/${ids.zhang}` });
    expect(res.json().code).toBe('owners.owner_in_use');
  });

  it('another street and the auditor cannot write; another street cannot read', async () => {
    expect((await get(streetB, `/api/v1/owners/compounds/${A1}/units`)).statusCode).toBe(404);
    expect(
      (await post(streetB, `/api/v1/owners/compounds/${A1}/units`, { label: 'x', registeredArea: '1' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await post(auditor, `/api/v1/owners/compounds/${A1}/units`, { label: 'x', registeredArea: '1' }))
        .statusCode,
    ).toBe(403);
    expect((await get(auditor, `/api/v1/owners/compounds/${A1}/units`)).statusCode).toBe(200);
  });
});

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const template = await get(streetA, '/api/v1/owners/imports/register-template.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(DATA_SHEET)!;
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const importFile = (file: Buffer, dryRun: boolean) =>
  t.request(streetA, {
    method: 'POST',
    url: `/api/v1/owners/compounds/${A2}/imports/register?dryRun=${dryRun}`,
    body: file,
    headers: { 'content-type': XLSX_TYPE },
  });

describe('the Excel import of a register', () => {
  // 专有部分, 户编码, 用途, 登记面积, 实测面积, 合同面积, 交付日期, 建设单位未售, 业主, 类型, 身份证号, 电话, 份额
  const good = [
    [
      '1号楼0101',
      CITY.household(A2, 1),
      '住宅',
      '88.2',
      null,
      null,
      '2023-05-01',
      '否',
      '赵六',
      '自然人',
      ID_1,
      PHONE,
      null,
    ],
    ['1号楼0102', null, '住宅', null, '90.1', null, '2023/5/2', '否', '赵六', null, ID_1, null, null],
    ['1号楼0103', null, null, null, null, '100', '2023-05-03', null, '钱七', null, ID_2, null, '1/2'],
    [
      '1号楼0103',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '孙八',
      '自然人',
      '371602199003030012',
      null,
      '1/2',
    ],
    [
      '车位B-001',
      null,
      '车位',
      '12.5',
      null,
      null,
      null,
      '是',
      '滨州某置业有限公司',
      '建设单位',
      null,
      null,
      null,
    ],
  ];

  it('the dry run lists every bad row and writes nothing', async () => {
    const file = await workbook([
      ...good,
      ['1号楼0104', null, '别墅', null, null, null, '2023-02-30', null, '周九', null, null, null, null],
      ['1号楼0101', null, null, null, null, null, null, null, '吴十', null, '371602198001010012', null, null],
    ]);
    const res = await importFile(file, true);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: false, dryRun: true, total: 7 });
    expect(body.problems.map((p: { row: number; reason: string }) => `${p.row}:${p.reason}`)).toEqual([
      '7:bad_choice',
      '7:bad_date',
      '7:required',
      '7:area_missing',
      '8:bad_check_character',
    ]);
    expect(
      await t.db.kysely.selectFrom('ownerUnits').select('id').where('compoundCode', '=', A2).execute(),
    ).toEqual([]);
  });

  it('a clean file is written all at once, owners matched by ID number', async () => {
    const res = await importFile(await workbook(good), false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, created: { units: 4, owners: 4, ownerships: 5 } });
    const summary = (await get(streetA, `/api/v1/owners/compounds/${A2}/register`)).json();
    // 赵六 (two flats) one person, 钱七 + 孙八 one person, the developer one person.
    expect(summary).toMatchObject({ units: 4, owners: 4, headcount: 3, totalArea: '290.8000' });
    const owners = (await get(streetA, `/api/v1/owners/compounds/${A2}/owners`)).body;
    expect(owners).not.toContain(ID_1);
  });

  it('a file with one bad row writes nothing at all', async () => {
    const res = await importFile(
      await workbook([
        [
          '2号楼0101',
          null,
          null,
          '70',
          null,
          null,
          '2023-05-01',
          null,
          '郑十一',
          null,
          '371602199104040017',
          null,
          null,
        ],
        ['1号楼0101', null, null, '70', null, null, '2023-05-01', null, '赵六', null, ID_1, null, null],
      ]),
      false,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('owners.import_invalid');
    expect(res.json().errors).toMatchObject([{ row: 3, field: '专有部分', reason: 'unit_exists' }]);
    const units = await t.db.kysely
      .selectFrom('ownerUnits')
      .select('label')
      .where('compoundCode', '=', A2)
      .execute();
    expect(units.map((u) => u.label)).not.toContain('2号楼0101');
  });
});
