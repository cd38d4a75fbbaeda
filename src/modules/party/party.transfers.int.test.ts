import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { chinaToday } from '../areas/index';
import { addMember, buildChain, SMALL_CITY as C } from './party.fixtures';

const STREET_A = '3716/371602/371602001';
const today = chinaToday();
let t: TestApp;
let streetA: Session;
let streetB: Session;
let auditor: Session;
let worker: Session;
let branchA1: string;
let branchB1: string;
let floating: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.kysely;
  await buildSmallCity(db, { householdsPerCompound: 4 });
  const users = [
    ['streeta', 'street_official', STREET_A],
    ['streetb', 'street_official', '3716/371602/371602002'],
    ['auditor1', 'auditor', '3716'],
    ['workera', 'grid_worker', `${STREET_A}/${C.communityA}/${C.gridA1}`],
  ] as const;
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  [streetA, streetB, auditor, worker] = (await Promise.all(users.map(([u]) => t.login(u)))) as [
    Session,
    Session,
    Session,
    Session,
  ];
  const a = await buildChain(db, {
    community: C.communityA,
    grid: C.gridA1,
    building: C.buildingA1,
    centralHousehold: C.household(C.gridA1, 1),
  });
  branchA1 = a.branch.id;
  branchB1 = (
    await buildChain(db, {
      community: C.communityB,
      grid: C.gridB1,
      building: C.buildingB1,
      centralHousehold: C.household(C.gridB1, 1),
    })
  ).branch.id;
  floating = await addMember(db, {
    householdCode: C.household(C.gridA1, 2),
    name: '王流动',
    category: 'floating',
    relationElsewhere: '济南市历下区某公司党支部',
  });
});
afterAll(() => t.close());

const post = (s: Session, url: string, body: unknown = {}) => t.request(s, { method: 'POST', url, body });
const request = (s: Session, memberId: string, toOrgId = branchA1) =>
  post(s, '/api/v1/party/transfers', { memberId, fromOrgText: '济南市历下区某公司党支部', toOrgId });

describe('a floating member’s relation transferred into the grid branch', () => {
  let id: string;

  it('is requested, dated today, by the street official', async () => {
    const res = await request(streetA, floating);
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      memberName: '王流动',
      toOrgName: `grid_branch ${C.gridA1}`,
      status: 'requested',
      requestedOn: today,
      requestedBy: 'streeta',
      actions: ['accept', 'refuse'],
    });
  });

  it('cannot be requested twice while one is under way', async () => {
    const res = await request(streetA, floating);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'party.transfer_open', existingId: id });
  });

  it('cannot be completed before it is accepted (party.invalid_transition)', async () => {
    const res = await post(streetA, `/api/v1/party/transfers/${id}/complete`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'party.invalid_transition',
      from: 'requested',
      action: 'complete',
    });
    expect(res.json().titles.zh).toContain('已申请');
  });

  it('is accepted and then completed: the member’s relation now sits in the branch', async () => {
    const accepted = await post(streetA, `/api/v1/party/transfers/${id}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedOn: today, decidedBy: 'streeta' });
    const done = await post(streetA, `/api/v1/party/transfers/${id}/complete`);
    expect(done.json()).toMatchObject({ status: 'completed', completedOn: today, actions: [] });
    const member = await t.db.kysely
      .selectFrom('partyMembers')
      .select(['orgId', 'relationElsewhere'])
      .where('id', '=', floating)
      .executeTakeFirstOrThrow();
    expect(member).toEqual({ orgId: branchA1, relationElsewhere: null });
    const again = await post(streetA, `/api/v1/party/transfers/${id}/accept`);
    expect(again.json().code).toBe('party.invalid_transition');
    const audit = await t.db.kysely
      .selectFrom('auditLog')
      .select('action')
      .where('targetId', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'party.transfer.request',
      'party.transfer.accept',
      'party.transfer.complete',
    ]);
  });

  it('is refused only with a reason, which it keeps', async () => {
    const other = await addMember(t.db.kysely, {
      householdCode: C.household(C.gridA1, 3),
      name: '赵外出',
      relationElsewhere: '淄博市某社区党支部',
    });
    const res = await request(streetA, other);
    const tid = res.json().id;
    const bare = await post(streetA, `/api/v1/party/transfers/${tid}/refuse`);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].field).toBe('reason');
    const refused = await post(streetA, `/api/v1/party/transfers/${tid}/refuse`, { reason: '介绍信已过期' });
    expect(refused.json()).toMatchObject({ status: 'refused', reason: '介绍信已过期' });
  });

  it('is refused for a member already in the branch or living outside its grid', async () => {
    expect((await request(streetA, floating)).json().code).toBe('party.already_in_branch');
    const away = await addMember(t.db.kysely, {
      householdCode: C.household(C.gridA2, 1),
      relationElsewhere: 'x',
    });
    expect((await request(streetA, away)).json().code).toBe('party.member_outside_branch');
  });

  it('lists by scope and status', async () => {
    const all = (await t.request(streetA, { method: 'GET', url: '/api/v1/party/transfers' })).json();
    expect(all.items.map((x: { status: string }) => x.status)).toEqual(['refused', 'completed']);
    const done = (
      await t.request(worker, {
        method: 'GET',
        url: `/api/v1/party/transfers?area=${C.gridA1}&status=completed`,
      })
    ).json();
    expect(done.items).toHaveLength(1);
    const fromB = (await t.request(streetB, { method: 'GET', url: '/api/v1/party/transfers' })).json();
    expect(fromB.items).toEqual([]);
  });
});

describe('who may handle transfers', () => {
  let id: string;
  beforeAll(async () => {
    const member = await addMember(t.db.kysely, {
      householdCode: C.household(C.gridA1, 4),
      relationElsewhere: 'x',
    });
    id = (await request(streetA, member)).json().id;
  });

  it('another street’s official gets 404 for the transfer and for a branch outside their street', async () => {
    expect(
      (await t.request(streetB, { method: 'GET', url: `/api/v1/party/transfers/${id}` })).statusCode,
    ).toBe(404);
    expect((await post(streetB, `/api/v1/party/transfers/${id}/accept`)).statusCode).toBe(404);
    const b = await addMember(t.db.kysely, {
      householdCode: C.household(C.gridB1, 2),
      relationElsewhere: 'x',
    });
    expect((await request(streetA, b, branchB1)).statusCode).toBe(404);
  });

  it('the auditor and a grid worker read it but may not take a step (403)', async () => {
    expect(
      (await t.request(auditor, { method: 'GET', url: `/api/v1/party/transfers/${id}` })).statusCode,
    ).toBe(200);
    expect((await post(auditor, `/api/v1/party/transfers/${id}/accept`)).statusCode).toBe(403);
    expect((await post(worker, `/api/v1/party/transfers/${id}/accept`)).statusCode).toBe(403);
    expect((await request(worker, floating)).statusCode).toBe(403);
  });

  it('the member picker shows members whose relation sits elsewhere, without personal numbers', async () => {
    const res = await t.request(streetA, {
      method: 'GET',
      url: `/api/v1/party/members?area=${C.communityA}&relation=elsewhere`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((m: { name: string }) => m.name)).toContain('赵外出');
    expect(res.json().items.map((m: { name: string }) => m.name)).not.toContain('王流动');
    expect(res.body).not.toMatch(/idNumber|phone/i);
  });
});
