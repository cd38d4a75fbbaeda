import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { householdCode, STREET_A } from './people.fixtures';
import { XLSX_TYPE } from './people.import.template';
import { buildLedgerWorkbook, type LedgerCells, ledgerIdNumber, seedTalent } from './people.ledger.fixtures';

// Party members and talents are found by ID number among registered residents, or registered
// together with their resident when the row also names a household.

let t: TestApp;
let streetA: Session;
const HH_A = householdCode('A', 1, 1);

const upload = (kind: string, file: Buffer, dryRun = false) =>
  t.request(streetA, {
    method: 'POST',
    url: `/api/v1/people/imports/${kind}?dryRun=${dryRun}`,
    body: file,
    headers: { 'content-type': XLSX_TYPE },
  });
const reasons = (body: { problems?: { row: number; field: string; reason: string }[]; errors?: unknown[] }) =>
  (body.problems ?? (body.errors as { row: number; field: string; reason: string }[])).map(
    (p) => `${p.row} ${p.field} ${p.reason}`,
  );

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely, { householdsPerCompound: 4 });
  await t.createUser({
    username: 'streeta',
    assignments: [{ role: 'street_official', scopePath: STREET_A }],
  });
  streetA = await t.login('streeta');
  // Registered residents: 1 and 2 in street A (1 already a talent), 3 in street B.
  await seedTalent(t.db.kysely, t.app.cipher, { household: HH_A, i: 1, name: '张一' });
  const second = await seedTalent(t.db.kysely, t.app.cipher, { household: HH_A, i: 2, name: '张二' });
  await t.db.kysely.deleteFrom('talentTags').where('talentId', '=', second.talentId).execute();
  await t.db.kysely.deleteFrom('talents').where('id', '=', second.talentId).execute();
  await seedTalent(t.db.kysely, t.app.cipher, { household: householdCode('B', 1, 1), i: 3, name: '张三' });
});
afterAll(() => t.close());

describe('importing party members', () => {
  const member = (i: number, over: LedgerCells = {}): LedgerCells => ({
    身份证号: ledgerIdNumber(i),
    '正式/预备': '正式党员',
    党员类别: '在职党员',
    入党日期: '2001-07-01',
    ...over,
  });

  it('a registered resident is matched by ID number; a new one is registered with the member from the same row', async () => {
    const file = await buildLedgerWorkbook({
      kind: 'party-members',
      rows: [
        member(1, { 姓名: '张一' }),
        member(10, {
          姓名: '新党员',
          户编码: HH_A,
          与户主关系: '配偶',
          人口类型: '户籍',
          '正式/预备': '预备党员',
          入党日期: '2025-06-30',
        }),
      ],
    });
    const res = await upload('party-members', file);
    expect(res.json()).toMatchObject({ ok: true, created: { residents: 1, partyMembers: 2, talents: 0 } });
    const members = await t.db.kysely
      .selectFrom('partyMembers')
      .innerJoin('residents', 'residents.id', 'partyMembers.residentId')
      .select([
        'residents.name',
        'partyMembers.membership',
        'partyMembers.probationEndsOn',
        'partyMembers.path',
      ])
      .orderBy('residents.name')
      .execute();
    expect(members).toEqual([
      expect.objectContaining({ name: '张一', membership: 'formal', probationEndsOn: null }),
      // 党章 art. 7: a probationary member's probation lasts one year.
      expect.objectContaining({ name: '新党员', membership: 'probationary', probationEndsOn: '2026-06-30' }),
    ]);
    expect(members.every((m) => m.path.startsWith(`${STREET_A}/`))).toBe(true);
  });

  it('an unknown ID without a household, another street’s resident, a wrong name and a second entry are each refused', async () => {
    const file = await buildLedgerWorkbook({
      kind: 'party-members',
      rows: [
        member(20),
        member(3),
        member(2, { 姓名: '李四' }),
        member(1),
        member(21, { '正式/预备': '积极分子', 入党日期: '1900-01-01' }),
      ],
    });
    const before = await t.db.kysely.selectFrom('partyMembers').select('id').execute();
    const res = await upload('party-members', file);
    expect(res.statusCode).toBe(400);
    expect(reasons(res.json())).toEqual([
      '2 身份证号 resident_unknown',
      '3 身份证号 resident_outside_scope',
      '4 姓名 name_mismatch',
      '5 身份证号 already_enrolled',
      '6 身份证号 resident_unknown',
      '6 正式/预备 invalid_choice',
      '6 入党日期 before_founding',
    ]);
    expect(await t.db.kysely.selectFrom('partyMembers').select('id').execute()).toHaveLength(before.length);
  });
});

describe('importing talents', () => {
  it('categories and skills are read from one cell each, in Chinese, and land as tags', async () => {
    const file = await buildLedgerWorkbook({
      kind: 'talents',
      rows: [
        {
          身份证号: ledgerIdNumber(2),
          姓名: '张二',
          人才类别: '退休干部、热心居民',
          技能: '法律，调解',
          参与意愿: '愿意',
          可服务时间: '周末',
          备注: '退休法官',
        },
        {
          身份证号: ledgerIdNumber(30),
          姓名: '新人才',
          户编码: HH_A,
          与户主关系: '子女',
          人口类型: '流动',
          人才类别: '流动党员',
          参与意愿: '视情况',
          可服务时间: '晚间',
        },
      ],
    });
    const res = await upload('talents', file);
    expect(res.json()).toMatchObject({ ok: true, created: { residents: 1, talents: 2 } });
    const list = (
      await t.request(streetA, { method: 'GET', url: '/api/v1/people/talents?skill=law' })
    ).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        name: '张二',
        categories: ['retired_cadre', 'enthusiastic_resident'],
        skills: ['law', 'mediation'],
        availability: 'weekends',
        note: '退休法官',
      }),
    ]);
    const stats = (await t.request(streetA, { method: 'GET', url: '/api/v1/people/talents/stats' })).json();
    expect(stats.total).toBe(3);
  });

  it('an unknown skill and a missing willingness are named by their headers', async () => {
    const file = await buildLedgerWorkbook({
      kind: 'talents',
      rows: [{ 身份证号: ledgerIdNumber(1), 人才类别: '热心居民', 技能: '法律、魔法', 可服务时间: '随时' }],
    });
    const res = await upload('talents', file, true);
    expect(reasons(res.json())).toEqual([
      '2 身份证号 already_enrolled',
      '2 技能 invalid_choice',
      '2 参与意愿 required',
    ]);
  });
});
