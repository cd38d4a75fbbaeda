import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { chinaToday } from '../areas/index';
import { daysBefore } from './party.entity-operation';
import { addLifeRecord, addMember, addPost, buildChain, SMALL_CITY as C } from './party.fixtures';

const STREET_A = '3716/371602/371602001';
const today = chinaToday();
let t: TestApp;
let admin: Session;
let streetA: Session;
let auditor: Session;
let worker: Session;
let branchA1: string;
let branchA2: string;
let branchB1: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.kysely;
  await buildSmallCity(db, { householdsPerCompound: 4 });
  const users = [
    ['admin1', 'city_admin', '3716'],
    ['streeta', 'street_official', STREET_A],
    ['auditor1', 'auditor', '3716'],
    ['workera', 'grid_worker', `${STREET_A}/${C.communityA}/${C.gridA1}`],
  ] as const;
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  [admin, streetA, auditor, worker] = (await Promise.all(users.map(([u]) => t.login(u)))) as Session[] as [
    Session,
    Session,
    Session,
    Session,
  ];

  // Street A: grid 1's branch meets every default item; grid 2's has no secretary and two members.
  const a1 = await buildChain(db, {
    community: C.communityA,
    grid: C.gridA1,
    building: C.buildingA1,
    centralHousehold: C.household(C.gridA1, 1),
    meetingPlace: '第1网格党群服务站',
  });
  branchA1 = a1.branch.id;
  const a2 = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/party/orgs',
    body: {
      kind: 'grid_branch',
      name: '第2网格党支部',
      areaCode: C.gridA2,
      parentId: a1.community.id,
      meetingPlace: '活动室',
    },
  });
  branchA2 = a2.json().id;
  for (let h = 1; h <= 3; h++)
    await addMember(db, { householdCode: C.household(C.gridA1, h), orgId: branchA1 });
  const secretary = await addMember(db, {
    householdCode: C.household(C.gridA1, 4),
    orgId: branchA1,
    membership: 'probationary',
  });
  await addPost(db, { orgId: branchA1, memberId: secretary, since: '2024-01-01' });
  // A building group's meeting (党小组会) counts as the branch's organisational life.
  await addLifeRecord(db, { orgId: a1.group.id, heldOn: daysBefore(today, 92), kind: 'group_meeting' });
  for (let h = 1; h <= 2; h++)
    await addMember(db, { householdCode: C.household(C.gridA2, h), orgId: branchA2 });
  await addLifeRecord(db, { orgId: branchA2, heldOn: daysBefore(today, 10) });
  // Street B: one branch that meets nothing.
  const b = await buildChain(db, {
    community: C.communityB,
    grid: C.gridB1,
    building: C.buildingB1,
    centralHousehold: C.household(C.gridB1, 1),
  });
  branchB1 = b.branch.id;
});
afterAll(() => t.close());

const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });

describe('the entity-operation checklist', () => {
  it('starts with the default items on first use, the monthly theme party day switched off', async () => {
    const res = await get(worker, '/api/v1/party/checklist');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { rule: string; active: boolean }) => [i.rule, i.active])).toEqual([
      ['secretary_in_post', true],
      ['min_members', true],
      ['org_life_within_days', true],
      ['meeting_place', true],
      ['theme_party_day_within_days', false],
    ]);
    expect(items[1].params).toEqual({ minMembers: 3 });
  });

  it('the rate of a street counts branches meeting every active item over all active branches', async () => {
    const res = await get(streetA, '/api/v1/party/entity-operation?area=371602001');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      area: { code: '371602001', name: '市中街道' },
      rate: { numerator: 1, denominator: 2, percent: '50.0%' },
      asOf: today,
    });
    expect(res.json().items.map((i: { rule: string; met: number }) => [i.rule, i.met])).toEqual([
      ['secretary_in_post', 1],
      ['min_members', 1],
      ['org_life_within_days', 2],
      ['meeting_place', 2],
    ]);
    const city = (await get(admin, '/api/v1/party/entity-operation?area=3716')).json();
    expect(city.rate).toEqual({ numerator: 1, denominator: 3, percent: '33.3%' });
  });

  it('drills into the branches that fall short, with the reasons', async () => {
    const res = await get(streetA, '/api/v1/party/entity-operation/branches?area=371602001&met=false');
    const items = res.json().items;
    expect(items.map((i: { branch: { id: string } }) => i.branch.id)).toEqual([branchA2]);
    const unmet = items[0].evaluation.results.filter((r: { met: boolean }) => !r.met);
    expect(unmet.map((r: { reason: unknown }) => r.reason)).toEqual([
      { code: 'no_secretary', params: {} },
      { code: 'too_few_members', params: { have: 2, need: 3 } },
    ]);
    const met = (
      await get(streetA, '/api/v1/party/entity-operation/branches?area=371602001&met=true')
    ).json();
    expect(met.items.map((i: { branch: { id: string } }) => i.branch.id)).toEqual([branchA1]);
    const page = (await get(admin, '/api/v1/party/entity-operation/branches?area=3716&limit=2')).json();
    expect(page.items).toHaveLength(2);
    const next = (
      await get(admin, `/api/v1/party/entity-operation/branches?area=3716&after=${page.nextCursor}`)
    ).json();
    expect(next.items.map((i: { branch: { id: string } }) => i.branch.id)).toEqual([branchB1]);
  });

  it('keeps street B out of a street A official’s answers (404 for its area)', async () => {
    expect((await get(streetA, '/api/v1/party/entity-operation?area=371602002')).statusCode).toBe(404);
    expect((await get(streetA, '/api/v1/party/entity-operation/branches?area=371602002')).statusCode).toBe(
      404,
    );
  });

  it('is changed by the city admin only; a street official and the auditor get 403', async () => {
    const items = [
      {
        rule: 'secretary_in_post',
        params: {},
        labelZh: '书记在岗',
        labelEn: 'Secretary in post',
        active: true,
      },
      {
        rule: 'min_members',
        params: { minMembers: 2 },
        labelZh: '党员不少于2名',
        labelEn: '2 members',
        active: true,
      },
    ];
    const byStreet = await t.request(streetA, {
      method: 'PUT',
      url: '/api/v1/party/checklist',
      body: { items },
    });
    expect(byStreet.statusCode).toBe(403);
    expect(byStreet.json().code).toBe('party.checklist_city_only');
    const byAuditor = await t.request(auditor, {
      method: 'PUT',
      url: '/api/v1/party/checklist',
      body: { items },
    });
    expect(byAuditor.statusCode).toBe(403);
    const bad = await t.request(admin, {
      method: 'PUT',
      url: '/api/v1/party/checklist',
      body: { items: [{ ...items[1], params: { minMembers: 0 } }] },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await t.request(admin, { method: 'PUT', url: '/api/v1/party/checklist', body: { items } });
    expect(ok.statusCode).toBe(200);
    // With two members enough and no life or place required, grid 2's branch still lacks a secretary.
    const rate = (await get(streetA, '/api/v1/party/entity-operation?area=371602001')).json().rate;
    expect(rate).toEqual({ numerator: 1, denominator: 2, percent: '50.0%' });
    const audit = await t.db.kysely
      .selectFrom('auditLog')
      .select(['action', 'scopePath'])
      .where('action', '=', 'party.checklist.replace')
      .execute();
    expect(audit).toEqual([{ action: 'party.checklist.replace', scopePath: '3716' }]);
  });
});

describe('organisational-life records', () => {
  it('a street official records a theme party day; the branch lists it first', async () => {
    const res = await t.request(streetA, {
      method: 'POST',
      url: `/api/v1/party/orgs/${branchA2}/life-records`,
      body: { kind: 'theme_party_day', heldOn: today, topic: '垃圾分类入户宣传', attendees: 12 },
    });
    expect(res.statusCode).toBe(201);
    const list = (await get(worker, `/api/v1/party/orgs/${branchA1}/life-records`)).json();
    expect(list.items).toEqual([]);
    const a2 = (await get(streetA, `/api/v1/party/orgs/${branchA2}/life-records?limit=1`)).json();
    expect(a2.items[0]).toMatchObject({ kind: 'theme_party_day', topic: '垃圾分类入户宣传' });
    const rest = (
      await get(streetA, `/api/v1/party/orgs/${branchA2}/life-records?after=${a2.nextCursor}`)
    ).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses a record dated after today, and a grid worker or another street writing one', async () => {
    const body = { kind: 'branch_meeting', heldOn: '2999-01-01', topic: 'x', attendees: 3 };
    const future = await t.request(streetA, {
      method: 'POST',
      url: `/api/v1/party/orgs/${branchA1}/life-records`,
      body,
    });
    expect(future.json().code).toBe('party.future_date');
    const fine = { ...body, heldOn: today };
    const byWorker = await t.request(worker, {
      method: 'POST',
      url: `/api/v1/party/orgs/${branchA1}/life-records`,
      body: fine,
    });
    expect(byWorker.statusCode).toBe(403);
    const intoB = await t.request(streetA, {
      method: 'POST',
      url: `/api/v1/party/orgs/${branchB1}/life-records`,
      body: fine,
    });
    expect(intoB.statusCode).toBe(404);
  });
});
