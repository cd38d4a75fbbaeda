import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorOfSession,
  COMPOUND_A1,
  COMPOUND_A1_PATH,
  GRID_A1,
  POINT_A1,
  POINT_B1,
  STREET_A_PATH,
} from './demands.fixtures';
import { createIntakeTestApp, type IntakeTestApp, postDemand } from './demands.intake.fixtures';
import { fileDemand } from './demands.intake.service';
import type { CreateDemandBody } from './demands.schemas';

// Placing a demand filed by the hotline or an outside system: an area from the tree (wins over a
// point), an address alone (the caller's own scope, an Open311 token), nothing, a point outside
// the city, a place outside the caller's scope.

let app: IntakeTestApp;
const db = () => app.t.db.kysely;
const base = {
  categoryCode: 'fixture.repair',
  description: '路灯不亮',
  location: POINT_A1,
  reporterName: '张三丰',
  reporterPhone: '13812345678',
};
const demandRow = (id: string) =>
  db().selectFrom('demands').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  app = await createIntakeTestApp();
});
afterAll(() => app.close());

describe('a hotline operator files for a caller', () => {
  it('places it at an area picked from the tree, deriving grid and compound from its path', async () => {
    const building = `${COMPOUND_A1}001`;
    const res = await postDemand(app.t, app.as.operator, {
      ...base,
      channel: 'hotline',
      location: null,
      areaCode: building,
    });
    expect(res.statusCode).toBe(201);
    expect(await demandRow(res.json().id)).toMatchObject({
      path: `${COMPOUND_A1_PATH}/${building}`,
      gridCode: GRID_A1,
      compoundCode: COMPOUND_A1,
      reporterUserId: null,
      lng: null,
    });
  });

  it('an area picked from the tree wins over the point', async () => {
    const res = await postDemand(app.t, app.as.operator, {
      ...base,
      channel: 'hotline',
      areaCode: '371602001',
    });
    expect(res.statusCode).toBe(201);
    expect(await demandRow(res.json().id)).toMatchObject({
      path: STREET_A_PATH,
      gridCode: null,
      lng: POINT_A1.lng,
    });
  });

  it.each([
    ['a district', '371602', 'too_coarse'],
    ['an unknown code', '371699', 'unknown'],
  ])('refuses %s as the area', async (_name, areaCode, reason) => {
    const res = await postDemand(app.t, app.as.operator, {
      ...base,
      channel: 'hotline',
      location: null,
      areaCode,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'areaCode', reason })]);
  });

  it('with an address alone, places it at the operator’s own scope to be placed later', async () => {
    const res = await postDemand(app.t, app.as.streetA, {
      ...base,
      channel: 'hotline',
      location: null,
      address: '黄河五路 100 号',
    });
    expect(res.statusCode).toBe(201);
    expect(await demandRow(res.json().id)).toMatchObject({
      path: STREET_A_PATH,
      gridCode: null,
      compoundCode: null,
      address: '黄河五路 100 号',
      open311Token: null,
    });
  });

  it('with nothing saying where, names the location field', async () => {
    const res = await postDemand(app.t, app.as.operator, { ...base, channel: 'hotline', location: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'location', reason: 'required' })]);
  });

  it('refuses a point outside every grid of the city, in Chinese and English', async () => {
    const res = await postDemand(app.t, app.as.operator, {
      ...base,
      channel: 'hotline',
      location: { lng: 25, lat: 5 },
    });
    expect(res.statusCode).toBe(400);
    const [problem] = res.json().errors;
    expect(problem).toMatchObject({ field: 'location', reason: 'outside_city' });
    expect(problem.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
  });

  it('a street official cannot file in another street (404)', async () => {
    const res = await postDemand(app.t, app.as.streetA, { ...base, channel: 'hotline', location: POINT_B1 });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('demands.area_not_found');
  });
});

describe('an outside system files through Open311 (the service)', () => {
  const body: CreateDemandBody = {
    categoryCode: 'fixture.repair',
    description: '路灯不亮',
    channel: 'hotline',
    origin: 'resident',
    address: '黄河五路 100 号',
    reporterPhone: '13900001111',
    anonymous: false,
    callbackConsent: true,
    photos: [],
    attributes: {},
  };

  it('an address alone gets a token for the request still to be placed', async () => {
    const actor = await actorOfSession(db(), app.as.operator);
    const filed = await fileDemand({ db: db(), cipher: app.t.app.cipher, actor, body, channel: 'open311' });
    expect(filed.open311Token).toMatch(/^[\w-]{20,}$/);
    expect(await demandRow(filed.id)).toMatchObject({
      channel: 'open311',
      path: '3716/371602',
      callbackValid: 1,
    });
  });

  it('a located request gets no token', async () => {
    const actor = await actorOfSession(db(), app.as.operator);
    const filed = await fileDemand({
      db: db(),
      cipher: app.t.app.cipher,
      actor,
      body: { ...body, location: POINT_A1 },
      channel: 'open311',
    });
    expect(filed).toMatchObject({ open311Token: null, gridCode: GRID_A1, compoundCode: COMPOUND_A1 });
  });
});
