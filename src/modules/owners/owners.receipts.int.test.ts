import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDecimalString } from '../../lib/rational';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { type OwnersMatterItem, tallyOwnersVote } from './owners.vote-tally';
import { addCompound, buildRegister, codeFor, flats, runVote, type UnitSpec } from './owners.votes.fixtures';
import { tallyView } from './owners.votes.turnout';

// Receipts prove a ballot was counted; the published result lets anyone recompute the tally.

let t: TestApp;
let official: Session;
let run: Awaited<ReturnType<typeof runVote>>;
const get = (url: string) => t.request(null, { method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely);
  await t.createUser({
    username: 'streeta',
    assignments: [{ role: 'street_official', scopePath: '3716/371602/371602001' }],
  });
  official = await t.login('streeta');
  const compound = await addCompound(t.db.kysely, { name: '公示小区' });
  const units: UnitSpec[] = [
    ...flats(5, '87.33', '业主'),
    { area: '120.0001', owners: ['王某', '李某'] },
    ...Array.from({ length: 3 }, () => ({ area: '66.6667', developer: true })),
    { area: '15.5', owners: ['业主1'], label: '车位A-001' },
  ];
  await buildRegister(t.db.kysely, compound, units);
  run = await runVote((s, o) => t.request(s, o), official, {
    compoundCode: compound.code,
    item: 3,
    ballots: [
      ['业主1', 'for'],
      ['业主2', 'against'],
      ['李某', 'for'],
      ['developer', 'abstain'],
      ['业主4', 'for'],
    ],
    close: false,
  });
});
afterAll(() => t.close());

describe('a receipt code', () => {
  it('confirms the ballot was counted, with its public id and choice, without signing in', async () => {
    const res = await get(`/api/v1/public/votes/${run.id}/receipts/${run.receipts.get('业主2')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      counted: true,
      voteStatus: 'open',
      choice: 'against',
      area: '87.3300',
      channel: 'online',
      publicId: expect.stringMatching(/^B/),
    });
  });

  it('is stored only as a hash', async () => {
    const rows = await t.db.kysely
      .selectFrom('ballots')
      .select('receiptHash')
      .where('voteId', '=', run.id)
      .execute();
    const stored = JSON.stringify(rows);
    for (const code of run.receipts.values()) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replaceAll('-', ''));
    }
  });

  it('given at another vote, a voting code or a made-up code finds nothing (404)', async () => {
    expect(
      (await get(`/api/v1/public/votes/${run.id}/receipts/${codeFor(run.codes, '业主3')}`)).statusCode,
    ).toBe(404);
    expect((await get(`/api/v1/public/votes/${run.id}/receipts/AAAA-BBBB-CCCC`)).statusCode).toBe(404);
    expect(
      (await get(`/api/v1/public/votes/not-a-vote/receipts/${run.receipts.get('业主2')}`)).statusCode,
    ).toBe(404);
  });
});

describe('the published result', () => {
  it('shows the matter but no ballots while the vote is open', async () => {
    const res = await get(`/api/v1/public/votes/${run.id}`);
    expect(res.json()).toMatchObject({
      status: 'open',
      item: 3,
      ballots: null,
      tally: null,
      compoundName: '公示小区',
    });
  });

  it('lists every ballot without its voter after closing, and recomputes to the identical tally', async () => {
    await t.request(official, { method: 'POST', url: `/api/v1/owners/votes/${run.id}/close`, body: {} });
    const published = (await get(`/api/v1/public/votes/${run.id}`)).json();
    expect(published.ballots).toHaveLength(5);
    expect(Object.keys(published.ballots[0]).sort()).toEqual(['area', 'choice', 'publicId']);
    const text = JSON.stringify(published);
    for (const name of ['业主1', '王某', '李某', '建设单位']) expect(text).not.toContain(name);

    // Anyone can do this with the published JSON and the rules of art. 278(2).
    const electorate = {
      totalArea: fromDecimalString(published.electorate.totalArea),
      totalHeadcount: published.electorate.totalHeadcount,
    };
    const recomputed = tallyOwnersVote({
      item: published.item as OwnersMatterItem,
      electorate,
      ballots: published.ballots.map((b: { publicId: string; area: string; choice: 'for' }) => ({
        voterId: b.publicId,
        area: fromDecimalString(b.area),
        choice: b.choice,
      })),
    });
    expect(tallyView(recomputed, electorate)).toEqual(published.tally);
    const official_ = (
      await t.request(official, { method: 'GET', url: `/api/v1/owners/votes/${run.id}/tally` })
    ).json();
    expect(official_.tally).toEqual(published.tally);
    expect(published.tally.electorate).toEqual({ totalArea: '772.1502', totalHeadcount: 7 });
  });

  it('a draft is not public', async () => {
    const compound = await addCompound(t.db.kysely);
    const res = await t.request(official, {
      method: 'POST',
      url: '/api/v1/owners/votes',
      body: { compoundCode: compound.code, item: 1, title: '草稿' },
    });
    expect((await get(`/api/v1/public/votes/${res.json().id}`)).statusCode).toBe(404);
  });
});
