import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { chinaToday } from '../areas/index';
import {
  buildPeopleCity,
  householdCode,
  type PeopleCity,
  placeCode,
  residentBody,
  testIdNumber,
  testPhone,
} from './people.fixtures';

let t: TestApp;
let c: PeopleCity;
const today = chinaToday();
const HH_A1 = householdCode('A', 1, 1);
const HH_A2 = householdCode('A', 1, 2);
const HH_B1 = householdCode('B', 1, 1);

const req = (s: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
  t.request(s, { method, url, body });
const create = (s: Session, body: object) => req(s, 'POST', '/api/v1/people/residents', body);

beforeAll(async () => {
  t = await createTestApp();
  c = await buildPeopleCity(t);
});
afterAll(() => t.close());

describe('registering residents', () => {
  it('a street official registers a resident in a household of their street; the record shows masked numbers', async () => {
    const res = await create(c.streetA, residentBody({ household: HH_A1, seq: 101, name: '王建国' }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: '王建国',
      householdCode: HH_A1,
      path: `3716/371602/371602001/371602001001/371602001001001/${placeCode('A', 1, 'compound')}/${placeCode('A', 1, 'building')}/${placeCode('A', 1, 'unit')}/${HH_A1}`,
      gender: 'male',
      birthDate: '1985-03-15',
      idNumberMasked: `3716**********${testIdNumber(101).slice(-4)}`,
      phoneMasked: `139****${testPhone(101).slice(-4)}`,
      status: 'active',
    });
    expect(res.body).not.toContain(testIdNumber(101));
    expect(res.body).not.toContain(testPhone(101));
    expect(Object.keys(body).some((k) => k.endsWith('Enc') || k.endsWith('Hash'))).toBe(false);
  });

  it('a second resident with the same ID number is refused with 409 naming idNumber', async () => {
    const res = await create(c.admin, residentBody({ household: HH_B1, seq: 101, name: '重复' }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'people.duplicate_id_number',
      errors: [{ field: 'idNumber', reason: 'duplicate' }],
    });
    expect(res.body).not.toContain(testIdNumber(101));
  });

  it('the 15-digit form of a registered number is the same person, and refused too', async () => {
    const eighteen = testIdNumber(101);
    const fifteen = eighteen.slice(0, 6) + eighteen.slice(8, 17);
    const res = await create(c.streetA, { ...residentBody({ household: HH_A2, seq: 1 }), idNumber: fifteen });
    expect(res.statusCode).toBe(409);
  });

  it('every problem in a form comes back at once, each on its field, without echoing the numbers', async () => {
    const res = await create(c.streetA, {
      householdCode: HH_A1,
      name: '',
      idNumber: '371602198503151230',
      phone: '12812345678',
      relationToHead: '表亲',
      residenceType: '户籍',
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('validation.failed');
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'idNumber',
      'name',
      'phone',
      'relationToHead',
    ]);
    expect(res.body).not.toContain('371602198503151230');
    expect(res.body).not.toContain('12812345678');
  });

  it('a resident is registered in a household only: a building is refused on householdCode', async () => {
    const res = await create(c.streetA, residentBody({ household: placeCode('A', 1, 'building'), seq: 102 }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'people.not_a_household',
      errors: [{ field: 'householdCode' }],
    });
  });

  it('another street’s household and an unknown code look alike: 404 on householdCode', async () => {
    const other = await create(c.streetA, residentBody({ household: HH_B1, seq: 103 }));
    const unknown = await create(c.streetA, residentBody({ household: '99999999', seq: 103 }));
    for (const res of [other, unknown]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'people.place_not_found',
        errors: [{ field: 'householdCode' }],
      });
    }
  });

  it('an auditor and a volunteer may not register anyone (403)', async () => {
    for (const s of [c.auditor, c.volunteer]) {
      const res = await create(s, residentBody({ household: HH_A1, seq: 104 }));
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('iam.forbidden');
    }
  });
});

describe('reading and correcting a resident', () => {
  let id: string;
  beforeAll(async () => {
    id = (await create(c.streetA, residentBody({ household: HH_A2, seq: 201, name: '李秀英' }))).json().id;
  });

  it('the street official and the grid worker of that grid read the record; the other street gets 404', async () => {
    for (const s of [c.streetA, c.gridA1, c.auditor]) {
      const res = await req(s, 'GET', `/api/v1/people/residents/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: '李秀英', household: { code: HH_A2 } });
    }
    expect((await req(c.streetB, 'GET', `/api/v1/people/residents/${id}`)).statusCode).toBe(404);
    expect((await req(c.volunteer, 'GET', `/api/v1/people/residents/${id}`)).statusCode).toBe(403);
    expect((await req(null, 'GET', `/api/v1/people/residents/${id}`)).statusCode).toBe(401);
  });

  it('a correction is checked against the ID number on file: a contradicting gender is refused', async () => {
    const res = await req(c.streetA, 'PATCH', `/api/v1/people/residents/${id}`, { gender: 'female' });
    // Sequence 201 is odd: the number says male.
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toMatchObject([{ field: 'gender', reason: 'contradicts_id_number' }]);
  });

  it('a new phone replaces the old one, and the old number no longer finds the resident', async () => {
    const res = await req(c.gridA1, 'PATCH', `/api/v1/people/residents/${id}`, { phone: testPhone(9201) });
    expect(res.statusCode).toBe(200);
    expect(res.json().phoneMasked).toBe(`139****${testPhone(9201).slice(-4)}`);
    const search = (phone: string) =>
      req(c.streetA, 'POST', '/api/v1/people/residents/search', { phone }).then((r) => r.json().items);
    expect(await search(testPhone(201))).toEqual([]);
    expect((await search(testPhone(9201))).map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('the auditor reads but may not correct (403); the other street may not either (404)', async () => {
    expect((await req(c.auditor, 'PATCH', `/api/v1/people/residents/${id}`, { note: 'x' })).statusCode).toBe(
      403,
    );
    expect((await req(c.streetB, 'PATCH', `/api/v1/people/residents/${id}`, { note: 'x' })).statusCode).toBe(
      404,
    );
  });

  it('changing to an ID number someone else has is refused with 409 naming idNumber', async () => {
    const res = await req(c.streetA, 'PATCH', `/api/v1/people/residents/${id}`, {
      idNumber: testIdNumber(101),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('idNumber');
  });
});

describe('finding residents', () => {
  beforeAll(async () => {
    const hh = householdCode('A', 2, 1);
    await create(c.streetA, {
      ...residentBody({ household: hh, seq: 301, name: '张桂兰' }),
      residenceType: '流动',
    });
    await create(c.streetA, residentBody({ household: hh, seq: 302, name: '张伟', relation: 'child' }));
    await create(c.admin, residentBody({ household: HH_B1, seq: 303, name: '张明' }));
  });
  const list = (s: Session, query = '') => req(s, 'GET', `/api/v1/people/residents?${query}`);
  const names = (res: { json(): { items: { name: string }[] } }) =>
    res
      .json()
      .items.map((r) => r.name)
      .sort();

  it('a list holds only the caller’s scope: street A never sees street B’s 张明', async () => {
    expect(names(await list(c.streetA, `name=${encodeURIComponent('张')}`))).toEqual(['张伟', '张桂兰']);
    expect(names(await list(c.streetB, `name=${encodeURIComponent('张')}`))).toEqual(['张明']);
    expect(names(await list(c.admin, `name=${encodeURIComponent('张')}`))).toEqual([
      '张伟',
      '张明',
      '张桂兰',
    ]);
  });

  it('an area code narrows to everything below it; a grid worker sees only their grid', async () => {
    const grid2 = placeCode('A', 2, 'grid');
    expect(names(await list(c.admin, `areaCode=${grid2}`))).toEqual(['张伟', '张桂兰']);
    expect((await list(c.gridA1, `areaCode=${grid2}`)).statusCode).toBe(404);
    expect(names(await list(c.gridA1, ''))).not.toContain('张伟');
    // A place outside every scope is not confirmed to exist; one above the scope narrows nothing.
    expect((await list(c.streetA, `areaCode=${placeCode('B', 1, 'grid')}`)).statusCode).toBe(404);
    expect(names(await list(c.gridA1, 'areaCode=371602'))).toEqual(names(await list(c.gridA1, '')));
  });

  it('residence type, gender and age filter the list', async () => {
    expect(names(await list(c.streetA, 'residenceType=floating'))).toEqual(['张桂兰']);
    expect(names(await list(c.admin, `name=${encodeURIComponent('张')}&gender=female`))).toEqual(['张伟']);
    const age = Number(today.slice(0, 4)) - 1985;
    expect(names(await list(c.admin, `name=${encodeURIComponent('张')}&ageMin=${age + 1}`))).toEqual([]);
    expect(
      names(await list(c.admin, `name=${encodeURIComponent('张')}&ageMin=${age - 1}&ageMax=${age}`)),
    ).toHaveLength(3);
  });

  it('an exact ID number search finds one resident by its blind index, within scope only', async () => {
    const search = (s: Session, body: object) => req(s, 'POST', '/api/v1/people/residents/search', body);
    expect(names(await search(c.streetA, { idNumber: testIdNumber(301) }))).toEqual(['张桂兰']);
    expect(names(await search(c.streetB, { idNumber: testIdNumber(301) }))).toEqual([]);
    const invalid = await search(c.streetA, { idNumber: '12345' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].field).toBe('idNumber');
  });

  it('pages follow a cursor until the last one', async () => {
    const first = (await list(c.admin, 'limit=2')).json();
    expect(first.items).toHaveLength(2);
    const rest = (await list(c.admin, `limit=200&after=${first.nextCursor}`)).json();
    expect(rest.nextCursor).toBeNull();
    const all = (await list(c.admin, 'limit=200')).json().items;
    expect([...first.items, ...rest.items].map((r: { id: string }) => r.id)).toEqual(
      all.map((r: { id: string }) => r.id),
    );
  });

  it('numbers in the query string are not accepted: they belong in a search body', async () => {
    const res = await list(c.streetA, `idNumber=${testIdNumber(301)}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain(testIdNumber(301));
  });

  it('a volunteer may not list residents at all (403)', async () => {
    expect((await list(c.volunteer)).statusCode).toBe(403);
  });
});

describe('a household', () => {
  it('lists its members head first, then spouse and children', async () => {
    const hh = householdCode('A', 1, 3);
    await create(c.streetA, residentBody({ household: hh, seq: 401, name: '子女', relation: '儿子' }));
    await create(c.streetA, residentBody({ household: hh, seq: 402, name: '配偶', relation: 'spouse' }));
    await create(c.streetA, residentBody({ household: hh, seq: 403, name: '户主', relation: '户主' }));
    const res = await req(c.gridA1, 'GET', `/api/v1/people/households/${hh}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: hh, name: '1号楼1单元0103室' });
    expect(res.json().address).toBe('市中街道 / 市中社区 / 第1网格 / 市中1号小区 / 1号楼 / 1单元');
    expect(res.json().members.map((m: { name: string }) => m.name)).toEqual(['户主', '配偶', '子女']);
    expect((await req(c.streetB, 'GET', `/api/v1/people/households/${hh}`)).statusCode).toBe(404);
    expect(
      (await req(c.streetA, 'GET', `/api/v1/people/households/${placeCode('A', 1, 'unit')}`)).statusCode,
    ).toBe(409);
  });
});
