import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { addCompound, buildRegister, codeFor, flats, GRID_B1 } from './owners.votes.fixtures';

// Ballots: one-time voting codes for the owners' mobile page, paper ballots entered by one officer
// and confirmed by another, one ballot per voter, and ballots the database refuses to change.

const STREET_A = '3716/371602/371602001';
let t: TestApp;
let officer1: Session;
let officer2: Session;
let streetB: Session;
let auditor: Session;
let resident: Session;
let voteId: string;
let otherVoteId: string;
let codes: { voterKey: string; label: string; area: string; code: string }[];
let otherCodes: typeof codes;

const post = (s: Session | null, url: string, body: unknown = {}) =>
  t.request(s, { method: 'POST', url, body });
const cast = (code: string, choice = 'for', id = voteId) =>
  post(null, `/api/v1/public/votes/${id}/ballots`, { code, choice });
const keyOf = (who: string) => codes.find((c) => c.code === codeFor(codes, who))!.voterKey;

async function openVote(session: Session, compoundCode: string) {
  const id = (
    await post(session, '/api/v1/owners/votes', { compoundCode, item: 5, title: '使用维修资金更换水泵' })
  ).json().id as string;
  await post(session, `/api/v1/owners/votes/${id}/open`);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely);
  const compound = await addCompound(t.db.kysely);
  await buildRegister(t.db.kysely, compound, flats(8, '100.00', '业主'));
  const users = [
    ['officer1', 'street_official', STREET_A],
    ['officer2', 'community_official', `${STREET_A}/371602001001`],
    ['streetb', 'street_official', '3716/371602/371602002'],
    ['auditor1', 'auditor', '3716'],
    ['resident1', 'resident', compound.path],
  ] as const;
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  [officer1, officer2, streetB, auditor, resident] = (await Promise.all(users.map(([u]) => t.login(u)))) as [
    Session,
    Session,
    Session,
    Session,
    Session,
  ];
  voteId = await openVote(officer1, compound.code);
  otherVoteId = await openVote(officer1, compound.code);
  codes = (await post(officer1, `/api/v1/owners/votes/${voteId}/codes?format=json`)).json().codes;
  otherCodes = (await post(officer1, `/api/v1/owners/votes/${otherVoteId}/codes?format=json`)).json().codes;
});
afterAll(() => t.close());

describe('voting codes', () => {
  it('are issued once per elector; a second download is refused', async () => {
    expect(codes).toHaveLength(8);
    expect(codes[0]!.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const again = await post(officer1, `/api/v1/owners/votes/${voteId}/codes`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('owners.codes_already_issued');
    const stored = await t.db.kysely
      .selectFrom('voteCodes')
      .selectAll()
      .where('voteId', '=', voteId)
      .execute();
    expect(stored).toHaveLength(8);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.code);
  });

  it('come as a workbook to print when asked for .xlsx', async () => {
    const compound = await addCompound(t.db.kysely);
    await buildRegister(t.db.kysely, compound, flats(3, '60', '印'));
    const id = await openVote(officer1, compound.code);
    const res = await post(officer1, `/api/v1/owners/votes/${id}/codes?format=xlsx`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean);
    expect(rows).toHaveLength(5);
    expect(String((rows[4] as unknown[])[4])).toMatch(/^[0-9A-Z]{4}-/);
  });

  it('open the ballot page with the matter and whom the code votes for, typed in any case', async () => {
    const typed = codeFor(codes, '业主1').toLowerCase().replaceAll('-', ' ');
    const res = await post(null, `/api/v1/public/votes/${voteId}/access`, { code: typed });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      vote: { item: 5, status: 'open', itemText: { zh: '使用建筑物及其附属设施的维修资金' } },
      elector: { label: expect.stringContaining('业主1：'), area: '100.0000' },
    });
  });

  it('cast one ballot; the used code casts nothing more', async () => {
    const first = await cast(codeFor(codes, '业主1'));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      choice: 'for',
      area: '100.0000',
      publicId: expect.stringMatching(/^B/),
    });
    const second = await cast(codeFor(codes, '业主1'), 'against');
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('owners.code_used');
  });

  it('refuse a resident without a code, a made-up code and a code of another vote', async () => {
    expect(
      (await post(resident, `/api/v1/public/votes/${voteId}/ballots`, { choice: 'for' })).statusCode,
    ).toBe(400);
    const madeUp = await cast('AAAA-BBBB-CCCC');
    expect(madeUp.statusCode).toBe(403);
    expect(madeUp.json().code).toBe('owners.invalid_code');
    const foreign = await cast(codeFor(otherCodes, '业主2'));
    expect(foreign.json().code).toBe('owners.invalid_code');
    expect(
      (await post(null, `/api/v1/public/votes/${voteId}/access`, { code: 'not a code at all' })).statusCode,
    ).toBe(403);
  });

  it('a lost code is reissued: the old one stops working, the new one votes', async () => {
    const old = codeFor(codes, '业主8');
    const res = await post(officer1, `/api/v1/owners/votes/${voteId}/codes/reissue`, {
      voterKey: keyOf('业主8'),
    });
    expect(res.statusCode).toBe(200);
    expect((await cast(old)).json().code).toBe('owners.invalid_code');
    expect((await cast(res.json().code, 'abstain')).statusCode).toBe(201);
    const after = await post(officer1, `/api/v1/owners/votes/${voteId}/codes/reissue`, {
      voterKey: keyOf('业主8'),
    });
    expect(after.json().code).toBe('owners.duplicate_ballot');
  });
});

describe('paper ballots entered by two officers', () => {
  let entryId: string;

  it('are keyed in by one officer and wait, not yet counted', async () => {
    const res = await post(officer1, `/api/v1/owners/votes/${voteId}/paper-entries`, {
      voterKey: keyOf('业主3'),
      choice: 'against',
    });
    expect(res.statusCode).toBe(201);
    entryId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'pending', enteredByName: 'officer1' });
    expect(res.json()).not.toHaveProperty('choice');
    const tally = (
      await t.request(officer1, { method: 'GET', url: `/api/v1/owners/votes/${voteId}/tally` })
    ).json();
    expect(tally).toMatchObject({ pendingPaperEntries: 1, turnout: { byChannel: { paper: 0 } } });
  });

  it('cannot be keyed twice for one owner while waiting', async () => {
    const res = await post(officer2, `/api/v1/owners/votes/${voteId}/paper-entries`, {
      voterKey: keyOf('业主3'),
      choice: 'against',
    });
    expect(res.json().code).toBe('owners.paper_entry_pending');
  });

  it('cannot be confirmed by the officer who entered it', async () => {
    const res = await post(officer1, `/api/v1/owners/votes/${voteId}/paper-entries/${entryId}/confirm`, {
      choice: 'against',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('owners.same_officer');
  });

  it('is refused when the second officer reads a different choice on the paper', async () => {
    const res = await post(officer2, `/api/v1/owners/votes/${voteId}/paper-entries/${entryId}/confirm`, {
      choice: 'for',
    });
    expect(res.json().code).toBe('owners.paper_entry_mismatch');
  });

  it('counts once a second officer confirms it, with both officers on the ballot and a receipt', async () => {
    const res = await post(officer2, `/api/v1/owners/votes/${voteId}/paper-entries/${entryId}/confirm`, {
      choice: 'against',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      entry: { status: 'confirmed' },
      receipt: { choice: 'against', area: '100.0000' },
    });
    const ballot = await t.db.kysely
      .selectFrom('ballots')
      .selectAll()
      .where('voteId', '=', voteId)
      .where('voterKey', '=', keyOf('业主3'))
      .executeTakeFirstOrThrow();
    expect(ballot).toMatchObject({
      channel: 'paper',
      enteredBy: officer1.userId,
      confirmedBy: officer2.userId,
    });
  });

  it('an owner who voted on paper cannot vote again online, nor be keyed again (owners.duplicate_ballot)', async () => {
    expect((await cast(codeFor(codes, '业主3'))).json().code).toBe('owners.duplicate_ballot');
    const again = await post(officer1, `/api/v1/owners/votes/${voteId}/paper-entries`, {
      voterKey: keyOf('业主1'),
      choice: 'for',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('owners.duplicate_ballot');
  });

  it('another street’s official cannot key in or confirm; the auditor cannot either', async () => {
    const body = { voterKey: keyOf('业主4'), choice: 'for' };
    expect((await post(streetB, `/api/v1/owners/votes/${voteId}/paper-entries`, body)).statusCode).toBe(404);
    expect((await post(auditor, `/api/v1/owners/votes/${voteId}/paper-entries`, body)).statusCode).toBe(403);
    expect((await post(resident, `/api/v1/owners/votes/${voteId}/paper-entries`, body)).statusCode).toBe(403);
  });

  it('block closing while one waits, until it is discarded', async () => {
    const entry = await post(officer1, `/api/v1/owners/votes/${voteId}/paper-entries`, {
      voterKey: keyOf('业主5'),
      choice: 'for',
    });
    expect((await post(officer1, `/api/v1/owners/votes/${voteId}/close`)).json().code).toBe(
      'owners.paper_entries_pending',
    );
    const discarded = await post(
      officer1,
      `/api/v1/owners/votes/${voteId}/paper-entries/${entry.json().id}/discard`,
    );
    expect(discarded.json().status).toBe('discarded');
    expect((await post(officer1, `/api/v1/owners/votes/${voteId}/close`)).json().status).toBe('closed');
    expect((await cast(codeFor(codes, '业主6'))).json().code).toBe('owners.vote_not_open');
  });

  it('are not taken online after the closing time, even before the vote is closed', async () => {
    await t.db.kysely
      .updateTable('ownerVotes')
      .set({ closesAt: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', otherVoteId)
      .execute();
    expect((await cast(codeFor(otherCodes, '业主1'), 'for', otherVoteId)).json().code).toBe(
      'owners.voting_period_over',
    );
  });
});

describe('ballots in the database', () => {
  it('refuse any UPDATE or DELETE: the triggers of migration 0006', async () => {
    const ballot = await t.db.kysely
      .selectFrom('ballots')
      .selectAll()
      .where('voteId', '=', voteId)
      .executeTakeFirstOrThrow();
    await expect(
      t.db.kysely.updateTable('ballots').set({ choice: 'against' }).where('id', '=', ballot.id).execute(),
    ).rejects.toThrow(/immutable/);
    await expect(sql`delete from ballots where id = ${ballot.id}`.execute(t.db.kysely)).rejects.toThrow(
      /immutable/,
    );
    const after = await t.db.kysely
      .selectFrom('ballots')
      .selectAll()
      .where('id', '=', ballot.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(ballot);
  });

  it('hold one ballot per voter: a second row is refused by the unique constraint', async () => {
    const ballot = await t.db.kysely
      .selectFrom('ballots')
      .selectAll()
      .where('voteId', '=', voteId)
      .executeTakeFirstOrThrow();
    await expect(
      t.db.kysely
        .insertInto('ballots')
        .values({ ...ballot, id: 'another', publicId: 'Bother', receiptHash: 'x' })
        .execute(),
    ).rejects.toThrow();
  });
});

describe('another compound', () => {
  it('is out of reach of street A’s officers', async () => {
    const b = await addCompound(t.db.kysely, { grid: GRID_B1 });
    await buildRegister(t.db.kysely, b, flats(2, '50', '乙'));
    const res = await post(officer1, '/api/v1/owners/votes', { compoundCode: b.code, item: 1, title: 'x' });
    expect(res.statusCode).toBe(404);
  });
});
