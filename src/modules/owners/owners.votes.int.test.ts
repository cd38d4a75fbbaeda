import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { addCompound, buildRegister, flats, GRID_B1, runVote } from './owners.votes.fixtures';

// The life of an owners' meeting vote: draft → open (electorate frozen from the register) →
// closed (final, disclosed) or cancelled; who may do what, and the audit trail.

const STREET_A = '3716/371602/371602001';
let t: TestApp;
let streetA: Session;
let auditor: Session;
let committee: Session;
let compound: { code: string; path: string; name: string };

const post = (s: Session | null, url: string, body: unknown = {}) =>
  t.request(s, { method: 'POST', url, body });
const get = (s: Session | null, url: string) => t.request(s, { method: 'GET', url });
const draft = (s: Session, body: Record<string, unknown> = {}) =>
  post(s, '/api/v1/owners/votes', {
    compoundCode: compound.code,
    item: 4,
    title: '续聘物业服务企业',
    ...body,
  });

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely);
  compound = await addCompound(t.db.kysely, { name: '幸福里小区' });
  await buildRegister(t.db.kysely, compound, flats(6, '89.50', '业主'));
  const users = [
    ['streeta', 'street_official', STREET_A],
    ['auditor1', 'auditor', '3716'],
    ['committee1', 'owners_committee', compound.path],
  ] as const;
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  [streetA, auditor, committee] = (await Promise.all(users.map(([u]) => t.login(u)))) as [
    Session,
    Session,
    Session,
  ];
});
afterAll(() => t.close());

describe('an owners’ meeting vote from draft to result', () => {
  let id: string;

  it('is drafted by the committee with the matter’s wording of art. 278(1) and its threshold', async () => {
    const res = await draft(committee, { item: 7, title: '加装电梯', description: '1号楼加装电梯方案' });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      compoundName: '幸福里小区',
      item: 7,
      itemText: { zh: '改建、重建建筑物及其附属设施' },
      threshold: 'at_least_three_quarters',
      status: 'draft',
      electorate: null,
      actions: ['edit', 'open', 'cancel'],
    });
  });

  it('can be changed while a draft', async () => {
    const res = await t.request(committee, {
      method: 'PATCH',
      url: `/api/v1/owners/votes/${id}`,
      body: { item: 8 },
    });
    expect(res.json()).toMatchObject({ item: 8, threshold: 'at_least_three_quarters', title: '加装电梯' });
  });

  it('opens with the electorate frozen from the register: six owners, 537 m²', async () => {
    const res = await post(streetA, `/api/v1/owners/votes/${id}/open`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'open',
      electorate: { totalArea: '537.0000', totalHeadcount: 6 },
      actions: ['issue_codes', 'close', 'cancel'],
    });
    // A unit added to the register afterwards does not join an open vote.
    await buildRegister(t.db.kysely, compound, flats(1, '100', '新业主'));
    const electors = await get(streetA, `/api/v1/owners/votes/${id}/electors`);
    expect(electors.json().items).toHaveLength(6);
    expect(electors.json().items[0]).toMatchObject({ area: '89.5000', voted: false, codeIssued: false });
  });

  it('cannot be edited or opened again once open', async () => {
    const edit = await t.request(streetA, {
      method: 'PATCH',
      url: `/api/v1/owners/votes/${id}`,
      body: { title: 'x' },
    });
    expect(edit.json()).toMatchObject({ code: 'owners.vote_invalid_transition', from: 'open' });
    expect((await post(streetA, `/api/v1/owners/votes/${id}/open`)).statusCode).toBe(409);
  });

  it('shows participation while open but never how people voted', async () => {
    const codes = (await post(streetA, `/api/v1/owners/votes/${id}/codes?format=json`)).json().codes;
    for (const c of codes.slice(0, 4))
      await post(null, `/api/v1/public/votes/${id}/ballots`, { code: c.code, choice: 'for' });
    const tally = (await get(auditor, `/api/v1/owners/votes/${id}/tally`)).json();
    expect(tally).toMatchObject({
      status: 'open',
      final: false,
      tally: null,
      turnout: {
        area: '358.0000',
        headcount: 4,
        headcountRatio: { num: '2', den: '3', percent: '66.67%' },
        quorumReached: { area: true, headcount: true },
        byChannel: { online: 4, paper: 0 },
      },
    });
  });

  it('cannot be cancelled once anyone has voted', async () => {
    const res = await post(streetA, `/api/v1/owners/votes/${id}/cancel`);
    expect(res.json().code).toBe('owners.vote_has_ballots');
  });

  it('closes with the final tally, stored, disclosed to the compound and audited', async () => {
    const res = await post(streetA, `/api/v1/owners/votes/${id}/close`);
    expect(res.json()).toMatchObject({ status: 'closed', actions: [], ballots: 4 });
    const tally = (await get(streetA, `/api/v1/owners/votes/${id}/tally`)).json();
    expect(tally).toMatchObject({ final: true, tally: { passed: true, quorumMet: true, reasons: [] } });
    expect(tally.tally.explanation.zh).toContain('第（八）项');
    const disclosure = await t.db.kysely
      .selectFrom('committeeDisclosures')
      .selectAll()
      .where('voteId', '=', id)
      .executeTakeFirstOrThrow();
    expect(disclosure).toMatchObject({
      kind: 'meeting_result',
      compoundCode: compound.code,
      path: compound.path,
    });
    expect(disclosure.title).toContain('通过');
    const audit = await t.db.kysely
      .selectFrom('auditLog')
      .select('action')
      .where('targetId', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'owners.vote.create',
      'owners.vote.update',
      'owners.vote.open',
      'owners.vote.codes_issue',
      'owners.vote.close',
    ]);
  });

  it('is final: it cannot be closed again, cancelled or take more ballots', async () => {
    expect((await post(streetA, `/api/v1/owners/votes/${id}/close`)).json().code).toBe(
      'owners.vote_invalid_transition',
    );
    expect((await post(streetA, `/api/v1/owners/votes/${id}/cancel`)).json().code).toBe(
      'owners.vote_invalid_transition',
    );
  });
});

describe('opening, closing and cancelling are refused when the record says no', () => {
  it('refuses to open a vote for a compound whose register is empty', async () => {
    const empty = await addCompound(t.db.kysely);
    const res = await post(streetA, '/api/v1/owners/votes', {
      compoundCode: empty.code,
      item: 1,
      title: '议事规则',
    });
    const opened = await post(streetA, `/api/v1/owners/votes/${res.json().id}/open`);
    expect(opened.statusCode).toBe(409);
    expect(opened.json().code).toBe('owners.empty_register');
  });

  it('refuses to open when a unit of the register has no owner', async () => {
    const broken = await addCompound(t.db.kysely);
    await buildRegister(t.db.kysely, broken, [{ area: '80' }]);
    const res = await post(streetA, '/api/v1/owners/votes', {
      compoundCode: broken.code,
      item: 1,
      title: '议事规则',
    });
    const opened = await post(streetA, `/api/v1/owners/votes/${res.json().id}/open`);
    expect(opened.json()).toMatchObject({ code: 'owners.invalid_units', reason: 'no_owner' });
  });

  it('needs a reason to close before the announced closing time', async () => {
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    const id = (await draft(streetA, { closesAt })).json().id;
    await post(streetA, `/api/v1/owners/votes/${id}/open`);
    expect((await post(streetA, `/api/v1/owners/votes/${id}/close`)).json().code).toBe(
      'owners.close_early_reason_required',
    );
    const closed = await post(streetA, `/api/v1/owners/votes/${id}/close`, { reason: '议题撤回，提前结束' });
    expect(closed.json().status).toBe('closed');
    const tally = (await get(streetA, `/api/v1/owners/votes/${id}/tally`)).json();
    expect(tally).toMatchObject({ closedEarlyReason: '议题撤回，提前结束', tally: { quorumMet: false } });
  });

  it('refuses a closing time in the past', async () => {
    const res = await draft(streetA, { closesAt: '2020-01-01T00:00:00Z' });
    expect(res.json().code).toBe('owners.invalid_vote_period');
  });

  it('cancels an open vote nobody has voted in', async () => {
    const id = (await draft(streetA)).json().id;
    await post(streetA, `/api/v1/owners/votes/${id}/open`);
    expect((await post(streetA, `/api/v1/owners/votes/${id}/cancel`, { reason: '改期' })).json().status).toBe(
      'cancelled',
    );
  });
});

describe('who may set up, run and see votes', () => {
  let voteB: string;
  beforeAll(async () => {
    const b = await addCompound(t.db.kysely, { grid: GRID_B1 });
    await buildRegister(t.db.kysely, b, flats(3, '100', '西'));
    await t.createUser({ username: 'admin1', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
    const run = await runVote((s, o) => t.request(s, o), await t.login('admin1'), {
      compoundCode: b.code,
      item: 2,
      ballots: [],
      close: false,
    });
    voteB = run.id;
  });

  it('another street’s official neither sees nor runs the vote (404) nor drafts one there', async () => {
    expect((await get(streetA, `/api/v1/owners/votes/${voteB}`)).statusCode).toBe(404);
    expect((await get(streetA, `/api/v1/owners/votes/${voteB}/tally`)).statusCode).toBe(404);
    expect((await post(streetA, `/api/v1/owners/votes/${voteB}/close`)).statusCode).toBe(404);
    const list = await get(streetA, '/api/v1/owners/votes?limit=200');
    expect(list.json().items.map((v: { id: string }) => v.id)).not.toContain(voteB);
    const drafted = await post(streetA, '/api/v1/owners/votes', {
      compoundCode: '37160200200100101',
      item: 1,
      title: 'x',
    });
    expect(drafted.statusCode).toBe(404);
    expect(drafted.json().code).toBe('owners.compound_not_found');
  });

  it('the auditor reads votes and tallies but cannot draft, open, close or issue codes (403)', async () => {
    expect((await get(auditor, `/api/v1/owners/votes/${voteB}/tally`)).statusCode).toBe(200);
    expect((await draft(auditor)).statusCode).toBe(403);
    for (const action of ['open', 'close', 'cancel', 'codes'])
      expect((await post(auditor, `/api/v1/owners/votes/${voteB}/${action}`)).statusCode).toBe(403);
  });

  it('a vote needs a compound, not any place', async () => {
    const res = await post(streetA, '/api/v1/owners/votes', {
      compoundCode: '371602001001001',
      item: 1,
      title: 'x',
    });
    expect(res.json().code).toBe('owners.compound_not_found');
  });

  it('nobody signed in gets 401', async () => {
    expect((await get(null, `/api/v1/owners/votes/${voteB}`)).statusCode).toBe(401);
  });
});
