import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { addCompound, buildRegister, flats, runVote, type UnitSpec } from './owners.votes.fixtures';

// The "Done when": the tally through the API on real registers — the electorate frozen
// from the register at opening (SPC interpretation arts. 8–9), ballots cast with voting codes,
// the result computed at close under Civil Code art. 278(2) (art. 1259 for the boundaries).

let t: TestApp;
let official: Session;
const request: Parameters<typeof runVote>[0] = (s, o) => t.request(s, o);

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely);
  await t.createUser({
    username: 'streeta',
    assignments: [{ role: 'street_official', scopePath: '3716/371602/371602001' }],
  });
  official = await t.login('streeta');
});
afterAll(() => t.close());

async function vote(units: UnitSpec[], item: number, ballots: Parameters<typeof runVote>[2]['ballots']) {
  const compound = await addCompound(t.db.kysely);
  await buildRegister(t.db.kysely, compound, units);
  return runVote(request, official, { compoundCode: compound.code, item, ballots });
}

describe('the tally of a real register through the API (Civil Code art. 278(2))', () => {
  it.each<[string, UnitSpec[], number, Parameters<typeof runVote>[2]['ballots'], boolean, string[]]>([
    [
      'exactly two thirds of the area and of the owners take part: the quorum is met (以上 includes 2/3)',
      flats(3, '100.00', '业主'),
      4,
      [
        ['业主1', 'for'],
        ['业主2', 'for'],
      ],
      true,
      [],
    ],
    [
      'two thirds of the owners but the area short by a ten-thousandth of a square metre: no quorum',
      [...flats(2, '100.00', '业主'), { area: '100.0002', owners: ['大户'] }],
      4,
      [
        ['业主1', 'for'],
        ['业主2', 'for'],
      ],
      false,
      ['quorum.area_below_two_thirds'],
    ],
    [
      'nearly all the area but half the owners: no quorum by headcount',
      [{ area: '300.00', owners: ['大户'] }, ...flats(3, '10.00', '业主')],
      4,
      [
        ['大户', 'for'],
        ['业主1', 'for'],
      ],
      false,
      ['quorum.headcount_below_two_thirds'],
    ],
    [
      'exactly half of the participating area and owners in favour is not a majority (过半数)',
      flats(4, '90.00', '业主'),
      1,
      [
        ['业主1', 'for'],
        ['业主2', 'for'],
        ['业主3', 'against'],
        ['业主4', 'against'],
      ],
      false,
      ['approval.area_not_more_than_half', 'approval.headcount_not_more_than_half'],
    ],
    [
      'exactly three quarters of the area and owners pass rebuilding, item (7) (四分之三以上)',
      flats(4, '88.88', '业主'),
      7,
      [
        ['业主1', 'for'],
        ['业主2', 'for'],
        ['业主3', 'for'],
        ['业主4', 'against'],
      ],
      true,
      [],
    ],
  ])('%s', async (_label, units, item, ballots, passed, reasons) => {
    const { result } = await vote(units, item, ballots);
    expect(result.final).toBe(true);
    expect(result.tally.passed).toBe(passed);
    expect(result.tally.reasons).toEqual(reasons);
  });

  it('reports exactly two thirds as the fraction 2/3, not a rounded decimal', async () => {
    const { result } = await vote(flats(3, '100.00', '业主'), 4, [
      ['业主1', 'for'],
      ['业主2', 'against'],
    ]);
    expect(result.tally.participation.areaRatio).toEqual({ num: '2', den: '3', percent: '66.67%' });
    expect(result.tally.participation.headcountRatio).toEqual({ num: '2', den: '3', percent: '66.67%' });
    expect(result.tally.approval.areaRatio).toEqual({ num: '1', den: '2', percent: '50.00%' });
    expect(result.tally.quorumMet).toBe(true);
  });

  it('counts the developer’s many unsold units as one owner carrying all their area (SPC art. 9)', async () => {
    const units: UnitSpec[] = [
      ...Array.from({ length: 6 }, () => ({ area: '100.00', developer: true })),
      ...flats(4, '100.00', '业主'),
    ];
    // The developer and one owner for, two owners against: 700 of 900 m² for, but 2 of 4 owners.
    const { result } = await vote(units, 4, [
      ['developer', 'for'],
      ['业主1', 'for'],
      ['业主2', 'against'],
      ['业主3', 'against'],
    ]);
    expect(result.tally.electorate).toEqual({ totalArea: '1000.0000', totalHeadcount: 5 });
    expect(result.tally.participation).toMatchObject({ area: '900.0000', headcount: 4 });
    expect(result.tally.approval).toMatchObject({ areaFor: '700.0000', headcountFor: 2 });
    expect(result.tally.reasons).toEqual(['approval.headcount_not_more_than_half']);
  });

  it('counts one owner of two units once, with both units’ area (SPC art. 9)', async () => {
    const units: UnitSpec[] = [
      { area: '120.50', owners: ['张三'] },
      { area: '15.25', owners: ['张三'], label: '地下车位B-012' },
      ...flats(2, '100.00', '业主'),
    ];
    const { result, codes } = await vote(units, 2, [
      ['张三', 'for'],
      ['业主1', 'for'],
    ]);
    expect(codes).toHaveLength(3);
    expect(codes.find((c) => c.label.startsWith('张三'))).toMatchObject({ area: '135.7500' });
    expect(result.tally.electorate).toEqual({ totalArea: '335.7500', totalHeadcount: 3 });
    expect(result.tally.participation).toMatchObject({ area: '235.7500', headcount: 2 });
    expect(result.tally.passed).toBe(true);
  });

  it('counts the co-owners of a unit as one owner with one code and one ballot (SPC art. 9)', async () => {
    const units: UnitSpec[] = [{ area: '95.00', owners: ['王丈夫', '李妻子'] }, ...flats(2, '95.00', '业主')];
    const { result, codes } = await vote(units, 3, [
      ['李妻子', 'for'],
      ['业主1', 'for'],
    ]);
    expect(codes).toHaveLength(3);
    expect(result.tally.electorate.totalHeadcount).toBe(3);
    expect(result.tally.participation.headcountRatio).toMatchObject({ num: '2', den: '3' });
    expect(result.tally.passed).toBe(true);
  });

  it('passes item (7) at exactly three quarters where floating point would have failed it', async () => {
    // 80.01 + 90.2 + 73.24 = 243.45 is exactly three times 81.15; in binary floating point the
    // ratio comes out as 0.7499999999999999.
    expect((80.01 + 90.2 + 73.24) / (80.01 + 90.2 + 73.24 + 81.15)).toBeLessThan(0.75);
    const units: UnitSpec[] = [
      { area: '80.01', owners: ['甲'] },
      { area: '90.2', owners: ['乙'] },
      { area: '73.24', owners: ['丙'] },
      { area: '81.15', owners: ['丁'] },
      { area: '50.00', owners: ['戊'] },
    ];
    const { result } = await vote(units, 7, [
      ['甲', 'for'],
      ['乙', 'for'],
      ['丙', 'for'],
      ['丁', 'against'],
    ]);
    expect(result.tally.approval.areaRatio).toMatchObject({ num: '3', den: '4', percent: '75.00%' });
    expect(result.tally.passed).toBe(true);
  });

  it('uses the surveyed area before registration and the contract area before a survey (SPC art. 8)', async () => {
    const units: UnitSpec[] = [
      { area: { registered: '90.00', surveyed: '91.00', contract: '92.00' }, owners: ['登记'] },
      { area: { surveyed: '88.3333', contract: '89.00' }, owners: ['实测'] },
      { area: { contract: '70.1' }, owners: ['合同'] },
    ];
    const { result } = await vote(units, 1, [['登记', 'for']]);
    expect(result.tally.electorate.totalArea).toBe('248.4333');
  });
});
