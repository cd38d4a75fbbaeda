import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { GRID_A1, householdCode, STREET_A } from './people.fixtures';
import { ledgerIdNumber, ledgerPhone, seedTalent } from './people.ledger.fixtures';

let t: TestApp;
let admin: Session;
let streetA: Session;
let gridA1: Session;
let auditor: Session;
let streetBTalent: string;

const HH_A1 = householdCode('A', 1, 1);
const HH_A2 = householdCode('A', 2, 1);
const HH_B1 = householdCode('B', 1, 1);

const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });
const names = (res: { json(): { items: { name: string }[] } }) =>
  res
    .json()
    .items.map((i) => i.name)
    .sort();

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely, { householdsPerCompound: 4 });
  const users: [string, string, string][] = [
    ['admin1', 'city_admin', '3716'],
    ['streeta', 'street_official', STREET_A],
    ['grida1', 'grid_worker', GRID_A1],
    ['auditor1', 'auditor', '3716'],
  ];
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  [admin, streetA, gridA1, auditor] = (await Promise.all(users.map(([u]) => t.login(u)))) as [
    Session,
    Session,
    Session,
    Session,
  ];
  const { db } = t;
  const cipher = t.app.cipher;
  await seedTalent(db.kysely, cipher, {
    household: HH_A1,
    i: 1,
    name: '李律师',
    skills: ['law', 'mediation'],
  });
  await seedTalent(db.kysely, cipher, {
    household: HH_A1,
    i: 2,
    name: '王医生',
    categories: ['retired_cadre'],
    skills: ['medicine'],
    willingness: 'conditional',
  });
  await seedTalent(db.kysely, cipher, { household: HH_A2, i: 3, name: '赵老师', skills: ['education'] });
  streetBTalent = (
    await seedTalent(db.kysely, cipher, { household: HH_B1, i: 4, name: '钱调解', skills: ['mediation'] })
  ).talentId;
  // A resident who moved away leaves the ledger and its counts.
  const gone = await seedTalent(db.kysely, cipher, { household: HH_A2, i: 5, name: '孙迁出' });
  await db.kysely
    .updateTable('residents')
    .set({ status: 'moved_out' })
    .where('id', '=', gone.residentId)
    .execute();
  // One resident not yet in the ledger, to add through the API.
  await db.kysely
    .insertInto('residents')
    .values({
      id: 'resident-zhou',
      householdCode: HH_A2,
      path: (
        await db.kysely.selectFrom('areas').select('path').where('code', '=', HH_A2).executeTakeFirstOrThrow()
      ).path,
      name: '周热心',
      gender: 'female',
      birthDate: '1960-01-01',
      ethnicity: null,
      idNumberEnc: cipher.encrypt(ledgerIdNumber(6)),
      idNumberHash: cipher.blindIndex(`id:${ledgerIdNumber(6)}`),
      idNumberMasked: '3716**********0000',
      phoneEnc: null,
      phoneHash: null,
      phoneMasked: null,
      relationToHead: 'head',
      residenceType: 'registered',
      status: 'active',
      note: null,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    })
    .execute();
});
afterAll(() => t.close());

describe('the talent ledger list', () => {
  it('a street official sees the talents of their street only, with masked numbers and an address', async () => {
    const res = await get(streetA, '/api/v1/people/talents');
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual(['李律师', '王医生', '赵老师']);
    const lawyer = res.json().items.find((i: { name: string }) => i.name === '李律师');
    expect(lawyer).toMatchObject({
      categories: ['enthusiastic_resident'],
      skills: ['law', 'mediation'],
      willingness: 'willing',
      phoneMasked: `137****${ledgerPhone(1).slice(-4)}`,
    });
    expect(lawyer.address).toContain('市中街道');
    expect(res.body).not.toContain(ledgerIdNumber(1));
    expect(res.body).not.toContain(ledgerPhone(1));
  });

  it('filters by place, category, skill and willingness, after the caller’s scope', async () => {
    expect(names(await get(admin, '/api/v1/people/talents?skill=mediation'))).toEqual(['李律师', '钱调解']);
    expect(names(await get(streetA, '/api/v1/people/talents?skill=mediation'))).toEqual(['李律师']);
    expect(names(await get(admin, '/api/v1/people/talents?category=retired_cadre'))).toEqual(['王医生']);
    expect(names(await get(admin, '/api/v1/people/talents?willingness=conditional'))).toEqual(['王医生']);
    expect(names(await get(admin, '/api/v1/people/talents?areaCode=371602001001002'))).toEqual(['赵老师']);
    // The district is above the street official's scope: it narrows nothing, and shows nothing of street B.
    expect(names(await get(streetA, '/api/v1/people/talents?areaCode=371602'))).toEqual([
      '李律师',
      '王医生',
      '赵老师',
    ]);
    expect((await get(streetA, '/api/v1/people/talents?areaCode=371602002')).statusCode).toBe(404);
  });

  it('pages come by cursor', async () => {
    const first = (await get(admin, '/api/v1/people/talents?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await get(admin, `/api/v1/people/talents?limit=2&after=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
  });

  it('another street’s talent is not found, whatever its id', async () => {
    expect((await get(streetA, `/api/v1/people/talents/${streetBTalent}`)).statusCode).toBe(404);
    expect((await get(admin, `/api/v1/people/talents/${streetBTalent}`)).json().name).toBe('钱调解');
  });
});

describe('counting talents below a place', () => {
  it('the district’s total is counted from the records, per street, category and skill', async () => {
    const res = await get(admin, '/api/v1/people/talents/stats?area=371602');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      area: { code: '371602', name: '滨城区' },
      total: 4,
      direct: 0,
      children: [
        { code: '371602001', name: '市中街道', count: 3 },
        { code: '371602002', name: '市西街道', count: 1 },
      ],
    });
    expect(res.json().bySkill).toMatchObject({ mediation: 2, law: 1, medicine: 1, education: 1, finance: 0 });
    expect(res.json().byCategory).toMatchObject({ enthusiastic_resident: 3, retired_cadre: 1 });
  });

  it('without a place, the caller’s own scope is counted by its children', async () => {
    const res = (await get(streetA, '/api/v1/people/talents/stats')).json();
    expect(res.area.code).toBe('371602001');
    expect(res.children).toEqual([{ code: '371602001001', name: '市中社区', level: 'community', count: 3 }]);
    const grids = (await get(streetA, '/api/v1/people/talents/stats?area=371602001001')).json();
    expect(grids.children.map((c: { count: number }) => c.count)).toEqual([2, 1]);
  });

  it('another street’s counts are not found', async () => {
    expect((await get(streetA, '/api/v1/people/talents/stats?area=371602002')).statusCode).toBe(404);
    expect((await get(streetA, '/api/v1/people/talents/stats?area=371602')).statusCode).toBe(404);
  });
});

describe('keeping the talent ledger', () => {
  let id: string;

  it('a grid worker adds a resident of their grid by ID number; the entry is audited', async () => {
    const res = await t.request(gridA1, {
      method: 'POST',
      url: '/api/v1/people/talents',
      body: {
        idNumber: ledgerIdNumber(6),
        categories: ['enthusiastic_resident', 'retired_party_member'],
        skills: ['elderly_care'],
        willingness: 'willing',
        availability: 'anytime',
      },
    });
    // 周热心 lives in grid 2 of street A, outside this grid worker's grid: not found, not confirmed.
    expect(res.statusCode).toBe(404);
    const ok = await t.request(streetA, {
      method: 'POST',
      url: '/api/v1/people/talents',
      body: {
        idNumber: ledgerIdNumber(6),
        categories: ['enthusiastic_resident', 'retired_party_member'],
        skills: ['elderly_care'],
        willingness: 'willing',
        availability: 'anytime',
        note: '退休护士',
      },
    });
    expect(ok.statusCode).toBe(201);
    id = ok.json().id;
    expect(ok.json()).toMatchObject({
      name: '周热心',
      categories: ['retired_party_member', 'enthusiastic_resident'],
      skills: ['elderly_care'],
      note: '退休护士',
    });
    const audit = await t.db.kysely
      .selectFrom('auditLog')
      .select(['action', 'scopePath'])
      .where('targetId', '=', id)
      .execute();
    expect(audit).toEqual([
      { action: 'people.talent_created', scopePath: expect.stringContaining(STREET_A) },
    ]);
  });

  it('a resident already in the ledger is refused with 409', async () => {
    const res = await t.request(streetA, {
      method: 'POST',
      url: '/api/v1/people/talents',
      body: {
        residentId: 'resident-zhou',
        categories: ['enthusiastic_resident'],
        willingness: 'willing',
        availability: 'anytime',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('people.talent_exists');
  });

  it('changing skills replaces them; the auditor may read but not change', async () => {
    const res = await t.request(streetA, {
      method: 'PATCH',
      url: `/api/v1/people/talents/${id}`,
      body: { skills: ['psychology', 'culture'], willingness: 'conditional' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      skills: ['culture', 'psychology'],
      willingness: 'conditional',
      note: '退休护士',
    });
    expect((await get(auditor, `/api/v1/people/talents/${id}`)).statusCode).toBe(200);
    const denied = await t.request(auditor, {
      method: 'PATCH',
      url: `/api/v1/people/talents/${id}`,
      body: { note: 'x' },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('taking a talent off the ledger keeps the resident', async () => {
    expect(
      (await t.request(streetA, { method: 'DELETE', url: `/api/v1/people/talents/${id}` })).statusCode,
    ).toBe(204);
    expect((await get(streetA, `/api/v1/people/talents/${id}`)).statusCode).toBe(404);
    const still = await t.db.kysely
      .selectFrom('residents')
      .select('status')
      .where('id', '=', 'resident-zhou')
      .executeTakeFirst();
    expect(still?.status).toBe('active');
    expect((await get(admin, '/api/v1/people/talents/stats?area=371602')).json().total).toBe(4);
  });
});
