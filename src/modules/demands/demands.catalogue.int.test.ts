import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { findCategoryVersion } from './demands.catalogue.read';
import { signInUsers } from './demands.fixtures';

// The catalogue over HTTP: who may read and change it, versions that keep old limits, and every
// validation naming its field (Beijing arts. 13, 15(1); Binzhou art. 10: the city keeps the list).

const STREET_A = '3716/371602/371602001';
let t: TestApp;
let admin: Session;
let streetA: Session;
let resident: Session;
let auditor: Session;

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely);
  ({ admin, streetA, resident, auditor } = await signInUsers(t, {
    admin: ['city_admin', '3716'],
    streetA: ['street_official', STREET_A],
    resident: ['resident', `${STREET_A}/371602001001`],
    auditor: ['auditor', '3716'],
  }));
});
afterAll(() => t.close());

const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });
const post = (s: Session, url: string, body: unknown) => t.request(s, { method: 'POST', url, body });
const patch = (s: Session, url: string, body: unknown) => t.request(s, { method: 'PATCH', url, body });
const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string; reason: string }[] }).errors ?? []).map(
    (e) => `${e.field}:${e.reason}`,
  );

const terms = { handleLimit: 3, handleUnit: 'working_days', firstContactHours: 8, defaultParty: 'grid' };
const newCategory = (code: string, extra: object = {}) => ({
  code,
  nameZh: `测试${code}`,
  nameEn: `Test ${code}`,
  ...terms,
  ...extra,
});

describe('reading the catalogue', () => {
  it('lets a resident who files demands list the categories, with the limits in force', async () => {
    const res = await get(resident, '/api/v1/demands/categories');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; handleUnit: string; parentCode: string | null }[];
    expect(items.filter((c) => c.parentCode === null).length).toBeGreaterThanOrEqual(12);
    expect(items.find((c) => c.code === 'emergency.elevator_trapped')?.handleUnit).toBe('working_hours');
  });

  it('shows one category with its versions', async () => {
    const res = await get(auditor, '/api/v1/demands/categories/consultation');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'consultation',
      handleLimit: 1,
      handleUnit: 'working_days',
      version: 1,
    });
    expect(res.json().versions).toHaveLength(1);
  });

  it('answers 404 for an unknown code and 401 without a session', async () => {
    expect((await get(admin, '/api/v1/demands/categories/nope')).statusCode).toBe(404);
    expect((await t.request(null, { method: 'GET', url: '/api/v1/demands/categories' })).statusCode).toBe(
      401,
    );
  });
});

describe('who may change it', () => {
  it('refuses a resident (403) and a street official (not over the city: 404)', async () => {
    expect((await post(resident, '/api/v1/demands/categories', newCategory('resident_cat'))).statusCode).toBe(
      403,
    );
    expect((await post(streetA, '/api/v1/demands/categories', newCategory('street_cat'))).statusCode).toBe(
      404,
    );
    expect((await patch(streetA, '/api/v1/demands/categories/noise', { nameZh: '噪音' })).statusCode).toBe(
      404,
    );
    const version = await post(streetA, '/api/v1/demands/categories/noise/versions', terms);
    expect(version.statusCode).toBe(404);
    expect((await post(auditor, '/api/v1/demands/categories/noise/versions', terms)).statusCode).toBe(403);
    expect((await get(admin, '/api/v1/demands/categories/noise')).json().version).toBe(1);
  });
});

describe('creating categories', () => {
  it('creates a top-level category and a sub-category under it, version 1, audited', async () => {
    const top = await post(
      admin,
      '/api/v1/demands/categories',
      newCategory('pets', { eventClass: '市容环境' }),
    );
    expect(top.statusCode).toBe(201);
    expect(top.json()).toMatchObject({ code: 'pets', version: 1, parentCode: null, active: true });
    const sub = await post(
      admin,
      '/api/v1/demands/categories',
      newCategory('pets.dogs', { parentCode: 'pets', defaultParty: 'department', departmentName: '公安局' }),
    );
    expect(sub.statusCode).toBe(201);
    expect(sub.json()).toMatchObject({
      parentCode: 'pets',
      departmentName: '公安局',
      defaultParty: 'department',
    });
    const audit = await t.db.kysely
      .selectFrom('auditLog')
      .select(['action', 'targetId'])
      .where('action', '=', 'demands.category.create')
      .execute();
    expect(audit.map((a) => a.targetId)).toEqual(expect.arrayContaining(['pets', 'pets.dogs']));
  });

  it('refuses a code that is taken (409)', async () => {
    const res = await post(admin, '/api/v1/demands/categories', newCategory('noise'));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('demands.category_exists');
  });

  it.each([
    ['a code in capitals', newCategory('Pets2'), ['code:pattern']],
    [
      'a sub-category not under its parent',
      newCategory('cats.x', { parentCode: 'pets' }),
      ['code:parent_prefix'],
    ],
    ['a dotted code without a parent', newCategory('pets.cats'), ['parentCode:required']],
    [
      'a parent that does not exist',
      newCategory('ghost.x', { parentCode: 'ghost' }),
      ['parentCode:not_found'],
    ],
    ['a limit of 0', newCategory('zero', { handleLimit: 0 }), ['handleLimit:range']],
    ['first contact 0 h', newCategory('fc0', { firstContactHours: 0 }), ['firstContactHours:range']],
    [
      'first contact after the limit (25 h > 3 days)',
      newCategory('late', { firstContactHours: 25 }),
      ['firstContactHours:after_handle_limit'],
    ],
    [
      'a department unnamed',
      newCategory('dept', { defaultParty: 'department' }),
      ['departmentName:required'],
    ],
    ['an unknown unit', newCategory('unit', { handleUnit: 'weeks' }), ['handleUnit:invalid_value']],
    ['an unknown party', newCategory('party', { defaultParty: 'mayor' }), ['defaultParty:invalid_value']],
  ])('names the field for %s', async (_label, body, expected) => {
    const res = await post(admin, '/api/v1/demands/categories', body);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(expected);
  });
});

describe('new versions', () => {
  it('adds version 2 from now and keeps version 1 for demands filed under it', async () => {
    const before = await findCategoryVersion(t.db.kysely, 'sanitation.garbage');
    const res = await post(admin, '/api/v1/demands/categories/sanitation.garbage/versions', {
      handleLimit: 2,
      handleUnit: 'working_days',
      firstContactHours: 2,
      defaultParty: 'grid',
      note: '按新考评办法调整',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ version: 2, handleLimit: 2, firstContactHours: 2 });
    expect(
      body.versions.map((v: { version: number; handleLimit: number }) => [v.version, v.handleLimit]),
    ).toEqual([
      [2, 2],
      [1, before.version.handleLimit],
    ]);
    expect(body.versions[0].note).toBe('按新考评办法调整');
    const old = await findCategoryVersion(t.db.kysely, 'sanitation.garbage', 1);
    expect(old.version).toEqual(before.version);
    expect(Date.parse(body.validFrom)).toBeGreaterThan(Date.parse(old.version.validFrom));
  });

  it('validates a version like a new category, naming the field', async () => {
    const res = await post(admin, '/api/v1/demands/categories/utilities.gas_leak/versions', {
      handleLimit: 2,
      handleUnit: 'working_hours',
      firstContactHours: 3,
      defaultParty: 'department',
      departmentName: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('demands.invalid_category');
    expect(fieldsOf(res)).toEqual(['firstContactHours:after_handle_limit', 'departmentName:required']);
  });

  it('answers 404 for a version of an unknown category', async () => {
    expect((await post(admin, '/api/v1/demands/categories/nope/versions', terms)).statusCode).toBe(404);
  });
});

describe('renaming and switching off', () => {
  it('renames without a new version, and hides an inactive category and its children unless all=true', async () => {
    const res = await patch(admin, '/api/v1/demands/categories/pets', { nameZh: '宠物管理', active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: { zh: '宠物管理' }, version: 1, active: false });
    const offered = (await get(resident, '/api/v1/demands/categories'))
      .json()
      .items.map((c: { code: string }) => c.code);
    expect(offered).not.toContain('pets');
    expect(offered).not.toContain('pets.dogs');
    const all = (await get(admin, '/api/v1/demands/categories?all=true'))
      .json()
      .items.map((c: { code: string }) => c.code);
    expect(all).toEqual(expect.arrayContaining(['pets', 'pets.dogs']));
  });

  it('refuses unknown fields', async () => {
    const res = await patch(admin, '/api/v1/demands/categories/pets', { handleLimit: 9 });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['handleLimit:unrecognized_key']);
  });
});
