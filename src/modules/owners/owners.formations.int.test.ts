import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { chinaToday } from '../areas/index';
import { addDays, addYears } from './owners.dates';
import { addClosedVote, buildRegister, CITY, makePartyMember } from './owners.fixtures';

// A first owners' committee formed step by step in 市中1号小区, as the operation guide orders it.

const today = chinaToday();
const A1 = CITY.compoundA1;
let t: TestApp;
let streetA: Session;
let streetB: Session;
let auditor: Session;
let worker: Session;
let owners: string[];
let formationId: string;
let candidates: { id: string; name: string; partyMember: boolean }[];

const docs = [{ title: '街道办事处通知', reference: '市中街发〔2026〕1号' }];
const common = { approver: '市中街道办事处 王主任', documents: docs };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.kysely;
  await buildSmallCity(db);
  const users = [
    ['streeta', 'street_official', CITY.streetA],
    ['streetb', 'street_official', CITY.streetB],
    ['auditor1', 'auditor', '3716'],
    ['workera', 'grid_worker', CITY.streetA],
  ] as const;
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  [streetA, streetB, auditor, worker] = (await Promise.all(users.map(([u]) => t.login(u)))) as [
    Session,
    Session,
    Session,
    Session,
  ];
  // 12 flats delivered two years ago, 2 still the developer's: art. 20's conditions hold.
  owners = await buildRegister(db, {
    compound: A1,
    delivered: 12,
    undelivered: 2,
    deliveredOn: addDays(today, -800),
  });
  for (const ownerId of owners.slice(0, 2)) await makePartyMember(db, { ownerId, compound: A1 });
});
afterAll(() => t.close());

const post = (s: Session, url: string, body: unknown) => t.request(s, { method: 'POST', url, body });
const step = (s: Session, body: object) =>
  post(s, `/api/v1/owners/formations/${formationId}/steps`, { ...common, ...body });
const group = (ownersIn: number, outsiders: number) => [
  ...owners.slice(0, ownersIn).map((ownerId, i) => ({ name: `业主${i + 1}`, ownerId, affiliation: 'owner' })),
  ...Array.from({ length: outsiders }, (_, i) => ({ name: `街道干部${i + 1}`, affiliation: 'street' })),
];

describe('a first owners’ committee formed by the operation guide', () => {
  it('starts with the trigger of Shandong art. 20, recorded with its conditions', async () => {
    const res = await post(streetA, `/api/v1/owners/compounds/${A1}/formations`, common);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    formationId = body.id;
    expect(body).toMatchObject({ kind: 'first', status: 'in_progress', currentStep: 'preparatory_group' });
    expect(body.steps[0]).toMatchObject({
      step: 'trigger',
      completedOn: today,
      approverName: '市中街道办事处 王主任',
      recordedBy: 'streeta',
      documents: docs,
    });
    expect(body.steps[0].details.conditions).toEqual([
      'delivered_area_half',
      'delivered_owners_half',
      'two_years_and_quarter_owners',
    ]);
    expect(body.deadlines.preparatoryGroupBy).toBe(addDays(addDays(today, -800), 60));
  });

  it('refuses a second formation of the same compound while one is under way', async () => {
    const res = await post(streetA, `/api/v1/owners/compounds/${A1}/formations`, common);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('owners.formation_in_progress');
  });

  it('refuses a step out of order', async () => {
    const res = await step(streetA, {
      step: 'nomination',
      candidates: owners.slice(0, 5).map((ownerId) => ({ ownerId })),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'owners.invalid_step',
      currentStep: 'preparatory_group',
      step: 'nomination',
    });
  });

  it.each([
    ['six members', 4, 2],
    ['seven members of whom three owners', 3, 4],
  ])('refuses a preparatory group of %s (art. 21)', async (_name, ownersIn, outsiders) => {
    const res = await step(streetA, { step: 'preparatory_group', members: group(ownersIn, outsiders) });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('owners.invalid_step_input');
  });

  it('accepts a preparatory group of seven with four owners', async () => {
    const res = await step(streetA, { step: 'preparatory_group', members: group(4, 3) });
    expect(res.statusCode).toBe(200);
    expect(res.json().currentStep).toBe('nomination');
    expect(res.json().people.filter((p: { isOwner: boolean }) => p.isOwner)).toHaveLength(4);
    expect(res.json().deadlines.meetingBy).toBe(addDays(today, 90));
  });

  it('nominates owners as candidates and marks party members from the records', async () => {
    const res = await step(streetA, {
      step: 'nomination',
      candidates: owners.slice(0, 7).map((ownerId) => ({ ownerId })),
    });
    expect(res.statusCode).toBe(200);
    candidates = res.json().people.filter((p: { role: string }) => p.role === 'candidate');
    expect(candidates.filter((c) => c.partyMember).map((c) => c.name)).toEqual(['业主1', '业主2']);
    // Two of seven: below the report's 60% — shown, not refused.
    expect(res.json().candidatePartyShare).toMatchObject({
      percent: '28.57%',
      meetsTarget: false,
      target: '60%',
    });
  });

  it('records the joint review candidate by candidate; a rejection needs its reason', async () => {
    const reviews = candidates.map((c, i) => ({
      candidateId: c.id,
      decision: i === 6 ? 'rejected' : 'approved',
    }));
    const bare = await step(streetA, { step: 'joint_review', reviewers: ['市中社区', '市中街道'], reviews });
    expect(bare.statusCode).toBe(400);
    reviews[6] = { ...reviews[6]!, note: '有违章搭建未整改' } as (typeof reviews)[number];
    const res = await step(streetA, {
      step: 'joint_review',
      reviewers: ['市中社区居委会', '市中街道办事处', '区住建局'],
      reviews,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().people.find((p: { id: string }) => p.id === candidates[6]!.id)).toMatchObject({
      reviewStatus: 'rejected',
      reviewNote: '有违章搭建未整改',
    });
  });

  it('takes only a closed, passed election vote of this compound', async () => {
    const db = t.db.kysely;
    const cases = [
      [await addClosedVote(db, { compound: A1, passed: false }), 'not_passed'],
      [await addClosedVote(db, { compound: A1, passed: true, status: 'open' }), 'not_closed'],
      [await addClosedVote(db, { compound: A1, passed: true, item: 4 }), 'wrong_item'],
      [await addClosedVote(db, { compound: CITY.compoundA2, passed: true }), 'wrong_compound'],
      ['no-such-vote', 'not_found'],
    ];
    for (const [voteId, reason] of cases) {
      const res = await step(streetA, { step: 'vote', voteId });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'owners.vote_not_passed', reason });
    }
  });

  it.each([4, 6])('refuses %i elected members (art. 30: five or more, odd)', async (n) => {
    const voteId = await addClosedVote(t.db.kysely, { compound: A1, passed: true });
    const res = await step(streetA, {
      step: 'vote',
      voteId,
      elected: candidates.slice(0, n).map((c) => c.id),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('owners.invalid_step_input');
  });

  it('refuses a rejected candidate among those elected', async () => {
    const voteId = await addClosedVote(t.db.kysely, { compound: A1, passed: true });
    const res = await step(streetA, {
      step: 'vote',
      voteId,
      elected: candidates.slice(2, 7).map((c) => c.id),
    });
    expect(res.statusCode).toBe(400);
  });

  it('records the vote electing five', async () => {
    const voteId = await addClosedVote(t.db.kysely, { compound: A1, passed: true });
    const res = await step(streetA, {
      step: 'vote',
      voteId,
      elected: candidates.slice(0, 5).map((c) => c.id),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().people.filter((p: { elected: boolean }) => p.elected)).toHaveLength(5);
    expect(res.json().deadlines.filingBy).toBe(addDays(today, 30));
  });

  it('refuses a term of five years and a day, and founds the committee on filing a five-year term', async () => {
    const filing = {
      step: 'filing',
      authority: '滨城区住房和城乡建设局',
      chairId: candidates[0]!.id,
      viceChairIds: [candidates[1]!.id],
    };
    const long = await step(streetA, { ...filing, termEnd: addDays(addYears(today, 5), 1) });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('owners.invalid_committee');
    const res = await step(streetA, { ...filing, termEnd: addYears(today, 5) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'completed', currentStep: 'filing' });
    const detail = (
      await t.request(streetA, { method: 'GET', url: `/api/v1/owners/compounds/${A1}` })
    ).json();
    expect(detail.state).toBe('formed');
    expect(detail.current).toMatchObject({
      formationId,
      electedOn: today,
      termEnd: addYears(today, 5),
      filing: { state: 'on_time' },
      partyShare: { members: 5, partyMembers: 2, percent: '40.00%', meetsTarget: false },
      warnings: ['party_share_below_target'],
    });
    expect(detail.current.members.map((m: { post: string }) => m.post)).toEqual([
      'chair',
      'vice_chair',
      'member',
      'member',
      'member',
    ]);
  });

  it('a completed formation takes no further step', async () => {
    const res = await step(streetA, {
      step: 'filing',
      authority: 'x',
      chairId: 'x',
      viceChairIds: ['y'],
      termEnd: today,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('owners.formation_closed');
  });

  it('the next formation of the compound is a re-election (art. 33)', async () => {
    const res = await post(streetA, `/api/v1/owners/compounds/${A1}/formations`, common);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'reelection', currentStep: 'preparatory_group' });
    expect(res.json().steps[0].details).toMatchObject({
      rule: 'shandong_art_33',
      termEnd: addYears(today, 5),
    });
    const abandon = await post(streetA, `/api/v1/owners/formations/${res.json().id}/abandon`, {
      reason: '测试',
    });
    expect(abandon.json().status).toBe('abandoned');
  });

  it('refuses to start a first formation where art. 20 does not hold', async () => {
    await buildRegister(t.db.kysely, {
      compound: CITY.compoundA2,
      delivered: 1,
      undelivered: 5,
      deliveredOn: today,
    });
    const res = await post(streetA, `/api/v1/owners/compounds/${CITY.compoundA2}/formations`, common);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('owners.trigger_not_met');
  });
});

describe('who may take the steps', () => {
  it('another street neither sees nor acts on the formation', async () => {
    expect(
      (await t.request(streetB, { method: 'GET', url: `/api/v1/owners/formations/${formationId}` }))
        .statusCode,
    ).toBe(404);
    const res = await post(streetB, `/api/v1/owners/formations/${formationId}/abandon`, { reason: 'x' });
    expect(res.statusCode).toBe(404);
    const list = await t.request(streetB, { method: 'GET', url: '/api/v1/owners/formations' });
    expect(list.json().items).toEqual([]);
  });

  it.each([
    ['the auditor', () => auditor],
    ['a grid worker', () => worker],
  ])('%s reads but may not write', async (_who, session) => {
    expect(
      (await t.request(session(), { method: 'GET', url: `/api/v1/owners/formations/${formationId}` }))
        .statusCode,
    ).toBe(200);
    const res = await post(session(), `/api/v1/owners/compounds/${CITY.compoundA2}/formations`, common);
    expect(res.statusCode).toBe(403);
  });
});
