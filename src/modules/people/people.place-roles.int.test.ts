import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { chinaToday } from '../areas/index';
import {
  buildPeopleCity,
  householdCode,
  type PeopleCity,
  placeCode,
  residentBody,
  testPhone,
} from './people.fixtures';

let t: TestApp;
let c: PeopleCity;
const today = chinaToday();
const req = (s: Session | null, method: 'GET' | 'POST', url: string, body?: unknown) =>
  t.request(s, { method, url, body });
const BUILDING_A1 = placeCode('A', 1, 'building');
const residents: Record<string, string> = {};

const assign = (s: Session, body: { residentId: string; role: string; areaCode: string }) =>
  req(s, 'POST', '/api/v1/people/place-roles', { since: '2025-01-01', ...body });

beforeAll(async () => {
  t = await createTestApp();
  c = await buildPeopleCity(t);
  const people: [string, string, number][] = [
    ['head', householdCode('A', 1, 1), 801],
    ['partyMember', householdCode('A', 1, 2), 802],
    ['neighbour', householdCode('A', 2, 1), 803],
    ['plain', householdCode('A', 1, 3), 804],
  ];
  for (const [key, household, seq] of people) {
    const res = await req(
      c.streetA,
      'POST',
      '/api/v1/people/residents',
      residentBody({ household, seq, name: key }),
    );
    residents[key] = res.json().id;
  }
  const now = new Date().toISOString();
  await t.db.kysely
    .insertInto('partyMembers')
    .values({
      id: newId(),
      residentId: residents.partyMember as string,
      path: 'ignored',
      membership: 'formal',
      category: 'retired',
      joinedOn: '1990-07-01',
      probationEndsOn: null,
      orgId: null,
      relationElsewhere: null,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
});
afterAll(() => t.close());

describe('roles on places', () => {
  it('a resident of the building becomes its building head (楼栋长)', async () => {
    const res = await assign(c.gridA1, {
      residentId: residents.head!,
      role: 'building_head',
      areaCode: BUILDING_A1,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      role: 'building_head',
      areaName: '1号楼',
      residentName: 'head',
      active: true,
    });
    expect(res.json().phoneMasked).toBe(`139****${testPhone(801).slice(-4)}`);
  });

  it('someone living in another building is refused, and the error says they must live there', async () => {
    const res = await assign(c.streetA, {
      residentId: residents.neighbour!,
      role: 'building_head',
      areaCode: BUILDING_A1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'people.place_role_not_resident',
      titles: { zh: '楼栋长须居住在该楼栋' },
      errors: [{ field: 'residentId' }],
    });
  });

  it('each role binds to its level: a building head on a grid is refused', async () => {
    const res = await assign(c.streetA, {
      residentId: residents.head!,
      role: 'building_head',
      areaCode: placeCode('A', 1, 'grid'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'people.place_role_wrong_level',
      errors: [{ field: 'areaCode' }],
    });
  });

  it('a party-member central household (党员中心户) must be a party member living in that household', async () => {
    const plain = await assign(c.streetA, {
      residentId: residents.plain!,
      role: 'party_central_household',
      areaCode: householdCode('A', 1, 3),
    });
    expect(plain.json().code).toBe('people.not_party_member');
    const elsewhere = await assign(c.streetA, {
      residentId: residents.partyMember!,
      role: 'party_central_household',
      areaCode: householdCode('A', 1, 3),
    });
    expect(elsewhere.json().code).toBe('people.place_role_not_resident');
    const ok = await assign(c.streetA, {
      residentId: residents.partyMember!,
      role: 'party_central_household',
      areaCode: householdCode('A', 1, 2),
    });
    expect(ok.statusCode).toBe(201);
  });

  it('a part-time grid worker (兼职网格员) lives in the grid; holding it twice is refused', async () => {
    const body = {
      residentId: residents.plain!,
      role: 'part_time_grid_worker',
      areaCode: placeCode('A', 1, 'grid'),
    };
    expect((await assign(c.streetA, body)).statusCode).toBe(201);
    expect((await assign(c.streetA, body)).json().code).toBe('people.place_role_taken');
  });

  it('the other street gets 404 for the place, the auditor 403 for any role', async () => {
    const body = { residentId: residents.head!, role: 'building_head', areaCode: BUILDING_A1 };
    const other = await assign(c.streetB, body);
    expect(other.statusCode).toBe(404);
    expect(other.json().errors[0].field).toBe('areaCode');
    expect((await assign(c.auditor, body)).statusCode).toBe(403);
  });

  it('a place lists the roles held on it and below it; an ended role drops off unless asked for', async () => {
    const grid = placeCode('A', 1, 'grid');
    const list = async (query: string) =>
      (await req(c.gridA1, 'GET', `/api/v1/people/place-roles?areaCode=${grid}${query}`)).json().items;
    expect((await list('')).map((r: { role: string }) => r.role).sort()).toEqual([
      'building_head',
      'part_time_grid_worker',
      'party_central_household',
    ]);
    const worker = (await list('&role=part_time_grid_worker'))[0];
    const ended = await req(c.gridA1, 'POST', `/api/v1/people/place-roles/${worker.id}/end`, {
      until: today,
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().active).toBe(false);
    expect((await list('&role=part_time_grid_worker')).length).toBe(0);
    expect((await list('&role=part_time_grid_worker&includeEnded=true')).length).toBe(1);
    const again = await req(c.gridA1, 'POST', `/api/v1/people/place-roles/${worker.id}/end`, {
      until: today,
    });
    expect(again.json().code).toBe('people.place_role_ended');
    expect((await req(c.streetB, 'GET', `/api/v1/people/place-roles?areaCode=${grid}`)).statusCode).toBe(404);
  });

  it('a building head who moves to another building stops being its head on the day of the move', async () => {
    const hh = householdCode('A', 1, 4);
    const r = (
      await req(c.streetA, 'POST', '/api/v1/people/residents', residentBody({ household: hh, seq: 805 }))
    ).json();
    const role = (
      await assign(c.streetA, { residentId: r.id, role: 'building_head', areaCode: BUILDING_A1 })
    ).json();
    await req(c.streetA, 'POST', `/api/v1/people/residents/${r.id}/move`, {
      toHouseholdCode: householdCode('A', 2, 4),
      movedOn: today,
    });
    const detail = (await req(c.streetA, 'GET', `/api/v1/people/residents/${r.id}`)).json();
    expect(detail.placeRoles).toMatchObject([{ id: role.id, until: today, active: false }]);
  });
});

describe('the public notice of a building', () => {
  it('anyone reads it without signing in: head and central household with masked phones, grid workers in full', async () => {
    const res = await req(null, 'GET', `/api/v1/public/buildings/${BUILDING_A1}`);
    expect(res.statusCode).toBe(200);
    const notice = res.json();
    expect(notice).toMatchObject({
      name: '1号楼',
      compound: '市中1号小区',
      grid: { code: placeCode('A', 1, 'grid'), name: '第1网格' },
      community: '市中社区',
      street: '市中街道',
      buildingHeads: [{ name: 'head', phoneMasked: `139****${testPhone(801).slice(-4)}` }],
      centralHouseholds: [{ name: 'partyMember', household: '1号楼1单元0102室' }],
      gridStaff: [{ name: '网格员1', duty: 'full_time', workPhone: '13805430000' }],
      supervisionPhone: '0543-3160000',
    });
    for (const seq of [801, 802, 803, 804]) expect(res.body).not.toContain(testPhone(seq));
    expect(Object.keys(notice.buildingHeads[0])).toEqual(['name', 'phoneMasked']);
  });

  it('only buildings have a notice: a grid code or an unknown code is 404', async () => {
    expect((await req(null, 'GET', `/api/v1/public/buildings/${placeCode('A', 1, 'grid')}`)).statusCode).toBe(
      404,
    );
    expect((await req(null, 'GET', '/api/v1/public/buildings/123456')).statusCode).toBe(404);
  });
});
