import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { chinaToday } from '../areas/index';
import { addDays, addYears } from './owners.dates';
import { buildRegister, CITY, makePartyMember } from './owners.fixtures';

// The committee registry, the formation rate and party members on committees, the watch lists and
// the public page, over buildSmallCity's four compounds (two per street).

const today = chinaToday();
const A1 = CITY.compoundA1;
const A2 = CITY.compoundA2;
const B1 = CITY.compoundB1;
const B2 = '37160200200100201';
let t: TestApp;
let admin: Session;
let streetA: Session;
let streetB: Session;
let auditor: Session;
const owners: Record<string, string[]> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.kysely;
  await buildSmallCity(db);
  const users = [
    ['cityadmin', 'city_admin', '3716'],
    ['streeta', 'street_official', CITY.streetA],
    ['streetb', 'street_official', CITY.streetB],
    ['auditor1', 'auditor', '3716'],
  ] as const;
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  [admin, streetA, streetB, auditor] = (await Promise.all(users.map(([u]) => t.login(u)))) as [
    Session,
    Session,
    Session,
    Session,
  ];
  for (const code of [A1, A2, B1, B2])
    owners[code] = await buildRegister(db, {
      compound: code,
      delivered: 9,
      deliveredOn: addDays(today, -400),
    });
  for (const ownerId of owners[A1]!.slice(0, 3)) await makePartyMember(db, { ownerId, compound: A1 });
});
afterAll(() => t.close());

const post = (s: Session, url: string, body: unknown) => t.request(s, { method: 'POST', url, body });
const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });
const members = (code: string, n: number) =>
  owners[code]!.slice(0, n).map((ownerId, i) => ({
    ownerId,
    post: i === 0 ? 'chair' : i === 1 ? 'vice_chair' : 'member',
  }));
const register = (s: Session, code: string, body: object) =>
  post(s, `/api/v1/owners/compounds/${code}/committees`, body);

describe('recording a committee (Shandong arts. 30, 31)', () => {
  const electedOn = addDays(today, -40);

  it.each([4, 6])('refuses %i members', async (n) => {
    const res = await register(streetA, A1, {
      electedOn,
      termEnd: addYears(electedOn, 5),
      members: members(A1, n),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('owners.invalid_committee');
  });

  it('refuses a term of five years and a day', async () => {
    const res = await register(streetA, A1, {
      electedOn,
      termEnd: addDays(addYears(electedOn, 5), 1),
      members: members(A1, 5),
    });
    expect(res.statusCode).toBe(400);
  });

  it('accepts seven members, a five-year term and a filing on the thirtieth day', async () => {
    const res = await register(streetA, A1, {
      electedOn,
      termEnd: addYears(electedOn, 5),
      filedOn: addDays(electedOn, 30),
      filingAuthority: '滨城区住房和城乡建设局',
      members: members(A1, 7),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().current).toMatchObject({
      filing: { state: 'on_time', daysLate: 0 },
      // Three party members of seven (42.86%): below the 60% target, warned, never refused.
      partyShare: { members: 7, partyMembers: 3, percent: '42.86%', meetsTarget: false, target: '60%' },
      warnings: ['party_share_below_target'],
    });
    expect(res.json().state).toBe('formed');
  });

  it('refuses a second committee where one is in term', async () => {
    const res = await register(streetA, A1, {
      electedOn,
      termEnd: addYears(electedOn, 5),
      members: members(A1, 5),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('owners.committee_in_term');
  });

  it('flags a filing on the thirty-first day as late', async () => {
    const res = await register(streetA, A2, {
      electedOn,
      termEnd: addDays(today, 90),
      filedOn: addDays(electedOn, 31),
      filingAuthority: '滨城区住房和城乡建设局',
      members: members(A2, 5),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().current.filing).toMatchObject({ state: 'late', daysLate: 1 });
    expect(res.json().current.warnings).toContain('filing_late');
  });

  it('flags a committee never filed after thirty days as overdue, until the filing is recorded', async () => {
    const res = await register(streetB, B1, {
      electedOn,
      termEnd: addDays(today, 91),
      members: members(B1, 5),
    });
    expect(res.json().current.filing.state).toBe('overdue');
    const filed = await post(streetB, `/api/v1/owners/committees/${res.json().current.id}/filing`, {
      filedOn: today,
      filingAuthority: '滨城区住房和城乡建设局',
    });
    expect(filed.json().current.filing).toMatchObject({ state: 'late', daysLate: 10 });
  });

  it('members must be owners of the compound', async () => {
    const res = await register(streetB, B2, {
      electedOn,
      termEnd: addYears(electedOn, 5),
      members: [...members(B2, 4), { ownerId: owners[A1]![8], post: 'member' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { reason: string }) => e.reason)).toContain('member_not_owner');
  });
});

describe('the figures of a place, counted from the records', () => {
  it('the city: three of four compounds formed, three party members on committees', async () => {
    const res = await get(admin, '/api/v1/owners/stats');
    expect(res.json()).toMatchObject({
      area: { code: '3716' },
      compounds: 4,
      byState: { formed: 3, none: 1, preparatory: 0, term_ended: 0 },
      formationRate: { numerator: 3, denominator: 4, percent: '75.00%' },
      partyMembersOnCommittees: 3,
      membersOnCommittees: 17,
      committeesBelowTarget: 3,
    });
  });

  it('street B alone: one of two', async () => {
    const res = await get(streetB, '/api/v1/owners/stats');
    expect(res.json()).toMatchObject({
      compounds: 2,
      formationRate: { percent: '50.00%' },
      partyMembersOnCommittees: 0,
    });
    expect((await get(streetB, '/api/v1/owners/stats?area=371602001')).statusCode).toBe(404);
  });

  it('lists compounds by state', async () => {
    const none = await get(admin, '/api/v1/owners/compounds?state=none');
    expect(none.json().items.map((c: { code: string }) => c.code)).toEqual([B2]);
    const all = await get(streetA, '/api/v1/owners/compounds');
    expect(all.json().items).toMatchObject([
      { code: A1, state: 'formed', street: '市中街道', community: '市中社区', committee: { members: 7 } },
      { code: A2, state: 'formed' },
    ]);
  });
});

describe('watch lists', () => {
  it('re-election: a term ending on the ninetieth day is listed, on the ninety-first not (art. 33)', async () => {
    const res = await get(admin, '/api/v1/owners/watch-lists/reelections');
    expect(res.json().items).toMatchObject([
      { code: A2, daysLeft: 90, watch: 'due', termEnd: addDays(today, 90) },
    ]);
    expect((await get(streetB, '/api/v1/owners/watch-lists/reelections')).json().items).toEqual([]);
  });

  it('missing committee: the compound meeting art. 20 without a committee', async () => {
    const res = await get(admin, '/api/v1/owners/watch-lists/missing-committees');
    expect(res.json().items).toMatchObject([
      {
        code: B2,
        conditions: ['delivered_area_half', 'delivered_owners_half'],
        triggeredSince: addDays(today, -400),
        preparatoryGroupBy: addDays(today, -340),
        overdue: true,
        formation: null,
      },
    ]);
    expect((await get(streetA, '/api/v1/owners/watch-lists/missing-committees')).json().items).toEqual([]);
  });

  it('exports both lists as Excel', async () => {
    for (const list of ['missing-committees', 'reelections']) {
      const res = await get(streetB, `/api/v1/owners/watch-lists/${list}.xlsx?area=371602002`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});

describe('disclosures and the public page', () => {
  it('the committee publishes; the auditor may not', async () => {
    const body = {
      kind: 'financial_report',
      title: '2026年第一季度公共收益收支',
      body: '收入…支出…',
      period: '2026-Q1',
    };
    expect((await post(auditor, `/api/v1/owners/compounds/${A1}/disclosures`, body)).statusCode).toBe(403);
    expect((await post(streetB, `/api/v1/owners/compounds/${A1}/disclosures`, body)).statusCode).toBe(404);
    const res = await post(streetA, `/api/v1/owners/compounds/${A1}/disclosures`, {
      ...body,
      publishedOn: addDays(today, -100),
    });
    expect(res.statusCode).toBe(201);
    await post(streetA, `/api/v1/owners/compounds/${A1}/disclosures`, {
      kind: 'decision',
      title: '关于更换小区门禁的决定',
      body: '经业主委员会会议决定…',
    });
    const financial = res.json().reports.find((r: { kind: string }) => r.kind === 'financial_report');
    expect(financial).toMatchObject({ cadenceMonths: 3, overdue: true });
  });

  it('shows names and posts publicly without party marks, owner ids or numbers', async () => {
    const res = await t.request(null, { method: 'GET', url: `/api/v1/public/compounds/${A1}` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.committee.members).toHaveLength(7);
    expect(page.committee.members[0]).toEqual({ name: '业主1', post: 'chair' });
    expect(page.decisions.map((d: { title: string }) => d.title)).toEqual(['关于更换小区门禁的决定']);
    expect(page.reports.find((r: { kind: string }) => r.kind === 'financial_report').overdue).toBe(true);
    expect(res.body).not.toMatch(/partyMember|ownerId|idNumber|phone/);
  });

  it('answers 404 for what is not a compound', async () => {
    expect(
      (await t.request(null, { method: 'GET', url: '/api/v1/public/compounds/371602001' })).statusCode,
    ).toBe(404);
  });
});
