import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { signInUsers } from './demands.fixtures';
import { buildStreetBUnit } from './demands.units.fixtures';

// Handling units over HTTP: scope of the list, who may add and edit units, and the compounds served.

const STREET_A = '371602001';
const STREET_B = '371602002';
const A1 = '37160200100100101'; // compound in street A, grid 1
const A2 = '37160200100100201';
const B1 = '37160200200100101';
let t: TestApp;
let admin: Session;
let streetA: Session;
let streetB: Session;
let gridA: Session;
let resident: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely);
  ({ admin, streetA, streetB, gridA, resident } = await signInUsers(t, {
    admin: ['city_admin', '3716'],
    streetA: ['street_official', `3716/371602/${STREET_A}`],
    streetB: ['street_official', `3716/371602/${STREET_B}`],
    gridA: ['grid_worker', `3716/371602/${STREET_A}/371602001001/371602001001001`],
    resident: ['resident', `3716/371602/${STREET_A}`],
  }));
});
afterAll(() => t.close());

const post = (s: Session, body: unknown) =>
  t.request(s, { method: 'POST', url: '/api/v1/demands/units', body });
const list = async (s: Session, query = '') => {
  const res = await t.request(s, { method: 'GET', url: `/api/v1/demands/units${query}` });
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: string; name: string; kind: string; places: { code: string }[] }[];
};
const places = (s: Session, id: string, areaCodes: string[]) =>
  t.request(s, { method: 'PUT', url: `/api/v1/demands/units/${id}/places`, body: { areaCodes } });
const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { errors?: { field: string; reason: string }[] }).errors ?? []).map(
    (e) => `${e.field}:${e.reason}`,
  );

describe('adding units', () => {
  it('lets the city add a district department and each street a property company of its own', async () => {
    const dept = await post(admin, {
      kind: 'department',
      name: '滨城区城市管理局',
      areaCode: '371602',
      contactPhone: '0543-3160001',
    });
    expect(dept.statusCode).toBe(201);
    expect(dept.json()).toMatchObject({
      path: '3716/371602',
      areaCode: '371602',
      areaName: '滨城区',
      active: true,
      places: [],
    });
    ids.dept = dept.json().id;
    const a = await post(streetA, { kind: 'property_company', name: '市中物业', areaCode: STREET_A });
    expect(a.statusCode).toBe(201);
    ids.a = a.json().id;
    const b = await post(streetB, { kind: 'cobuild_unit', name: '市西供电所', areaCode: STREET_B });
    expect(b.statusCode).toBe(201);
    ids.b = b.json().id;
  });

  it('refuses a street official adding a unit in another street (404) or the district (404)', async () => {
    expect(
      (await post(streetA, { kind: 'property_company', name: 'x', areaCode: STREET_B })).statusCode,
    ).toBe(404);
    expect((await post(streetA, { kind: 'department', name: 'x', areaCode: '371602' })).statusCode).toBe(404);
  });

  it('refuses those who do not manage demands (403)', async () => {
    expect((await post(gridA, { kind: 'property_company', name: 'x', areaCode: STREET_A })).statusCode).toBe(
      403,
    );
    expect(
      (await post(resident, { kind: 'property_company', name: 'x', areaCode: STREET_A })).statusCode,
    ).toBe(403);
  });

  it('names the field for a unit placed in a compound, an unknown kind or a bad phone', async () => {
    const compound = await post(streetA, { kind: 'property_company', name: 'x', areaCode: A1 });
    expect(compound.statusCode).toBe(400);
    expect(fieldsOf(compound)).toEqual(['areaCode:level']);
    const kind = await post(streetA, { kind: 'grid', name: 'x', areaCode: STREET_A });
    expect(fieldsOf(kind)).toEqual(['kind:invalid_value']);
    const phone = await post(streetA, {
      kind: 'department',
      name: 'x',
      areaCode: STREET_A,
      contactPhone: 'call me',
    });
    expect(fieldsOf(phone)).toEqual(['contactPhone:invalid_format']);
  });
});

describe('listing units', () => {
  it('shows a street its own units and the district departments above it, never the other street', async () => {
    const names = (await list(streetA)).map((u) => u.name);
    expect(names.sort()).toEqual(['市中物业', '滨城区城市管理局'].sort());
    expect((await list(streetB)).map((u) => u.name).sort()).toEqual(
      ['市西供电所', '滨城区城市管理局'].sort(),
    );
    expect((await list(admin)).length).toBe(3);
  });

  it('filters by kind and by place, and refuses a place outside the scope (404)', async () => {
    expect((await list(admin, '?kind=department')).map((u) => u.name)).toEqual(['滨城区城市管理局']);
    expect((await list(admin, `?areaCode=${STREET_B}`)).map((u) => u.name).sort()).toEqual(
      ['市西供电所', '滨城区城市管理局'].sort(),
    );
    expect((await list(gridA)).map((u) => u.name).sort()).toEqual(['市中物业', '滨城区城市管理局'].sort());
    const res = await t.request(streetA, {
      method: 'GET',
      url: `/api/v1/demands/units?areaCode=${STREET_B}`,
    });
    expect(res.statusCode).toBe(404);
    expect((await t.request(resident, { method: 'GET', url: '/api/v1/demands/units' })).statusCode).toBe(403);
  });
});

describe('editing units and their compounds', () => {
  it('edits its own unit, and gets 404 for the other street’s or the district’s', async () => {
    const ok = await t.request(streetA, {
      method: 'PATCH',
      url: `/api/v1/demands/units/${ids.a}`,
      body: { contactPhone: '13800000000' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().contactPhone).toBe('13800000000');
    for (const id of [ids.b, ids.dept, 'nope'])
      expect(
        (
          await t.request(streetA, {
            method: 'PATCH',
            url: `/api/v1/demands/units/${id}`,
            body: { name: 'x' },
          })
        ).statusCode,
      ).toBe(404);
    expect((await places(streetA, ids.b!, [B1])).statusCode).toBe(404);
  });

  it('sets the compounds a unit serves', async () => {
    const res = await places(streetA, ids.a!, [A1, A2]);
    expect(res.statusCode).toBe(200);
    expect(res.json().places.map((p: { code: string; name: string }) => [p.code, p.name])).toEqual([
      [A1, '市中1号小区'],
      [A2, '市中2号小区'],
    ]);
  });

  it('refuses the whole list when any code is bad, naming each', async () => {
    const res = await places(streetA, ids.a!, [A1, B1, '371602001001001', '99999999', A1]);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('demands.invalid_unit');
    expect(fieldsOf(res)).toEqual([
      'areaCodes.1:not_found',
      'areaCodes.2:not_compound',
      'areaCodes.3:not_found',
      'areaCodes.4:duplicate',
    ]);
    const kept = (await list(streetA)).find((u) => u.id === ids.a)!;
    expect(kept.places.map((p) => p.code)).toEqual([A1, A2]);
  });

  it('refuses a compound outside the unit’s own area even for the city admin', async () => {
    const res = await places(admin, ids.a!, [B1]);
    expect(fieldsOf(res)).toEqual(['areaCodes.0:outside_unit']);
  });

  it('hides the other street’s compounds of a district department from a street official', async () => {
    expect((await places(admin, ids.dept!, [A1, B1])).statusCode).toBe(200);
    const seen = (await list(streetA)).find((u) => u.id === ids.dept)!;
    expect(seen.places.map((p) => p.code)).toEqual([A1]);
  });

  it('switches a unit off and filters by active', async () => {
    await t.request(streetB, {
      method: 'PATCH',
      url: `/api/v1/demands/units/${ids.b}`,
      body: { active: false },
    });
    expect((await list(streetB, '?active=true')).map((u) => u.name)).toEqual(['滨城区城市管理局']);
    const audit = await t.db.kysely
      .selectFrom('auditLog')
      .select('action')
      .where('targetType', '=', 'handling_unit')
      .execute();
    expect(audit.map((a) => a.action)).toContain('demands.unit.places');
  });

  it('keeps the fixture unit of street B (the scope matrix’s) away from street A', async () => {
    const unit = await buildStreetBUnit(t.db.kysely);
    expect((await list(streetA)).map((u) => u.id)).not.toContain(unit.id);
    expect((await list(streetB)).map((u) => u.id)).toContain(unit.id);
    const res = await t.request(streetA, {
      method: 'PATCH',
      url: `/api/v1/demands/units/${unit.id}`,
      body: { name: 'x' },
    });
    expect(res.statusCode).toBe(404);
  });
});
