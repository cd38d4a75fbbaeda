import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, fromDecimalString, rational, sum, toDecimalString } from '../../lib/rational';
import { AppError } from '../../server/errors';
import {
  type BallotChoice,
  countOwnersHeadcount,
  exclusiveArea,
  firstMeetingTriggered,
  type OwnersBallot,
  type OwnersMatterItem,
  tallyOwnersVote,
  thresholdFor,
} from './owners.vote-tally';

const m2 = fromDecimalString;

let nextVoter = 0;
/** `count` ballots of `area` square metres each with one choice. */
function ballots(count: number, area: string, choice: BallotChoice): OwnersBallot[] {
  return Array.from({ length: count }, () => ({ voterId: `owner-${++nextVoter}`, area: m2(area), choice }));
}

/** 300 owners holding 300 m² between them unless said otherwise. */
const compound = { totalArea: m2('300'), totalHeadcount: 300 };

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not-an-app-error';
  }
  return undefined;
}

describe('thresholdFor (Civil Code art. 278(2))', () => {
  it.each([
    [1, 'more_than_half'],
    [2, 'more_than_half'],
    [3, 'more_than_half'],
    [4, 'more_than_half'],
    [5, 'more_than_half'],
    [6, 'at_least_three_quarters'],
    [7, 'at_least_three_quarters'],
    [8, 'at_least_three_quarters'],
    [9, 'more_than_half'],
  ] as const)('item (%i) needs %s of the participating owners', (item, threshold) => {
    expect(thresholdFor(item)).toBe(threshold);
  });
});

describe('tallyOwnersVote: the two-thirds quorum', () => {
  it('meets the quorum with exactly two thirds of the area and of the owners taking part', () => {
    const tally = tallyOwnersVote({ item: 3, electorate: compound, ballots: ballots(200, '1.00', 'for') });
    expect(tally.quorumMet).toBe(true);
    expect(tally.participation.areaRatio).toEqual(rational(2, 3));
    expect(tally.participation.headcountRatio).toEqual(rational(2, 3));
    expect(tally.passed).toBe(true);
    expect(tally.reasons).toEqual([]);
  });

  it('misses the quorum when the area taking part is short of two thirds by one hundredth of a square metre', () => {
    const tally = tallyOwnersVote({
      item: 3,
      electorate: compound,
      ballots: [...ballots(199, '1.00', 'for'), ...ballots(1, '0.99', 'for')],
    });
    expect(toDecimalString(tally.participation.area, 2)).toBe('199.99');
    expect(tally.participation.headcount).toBe(200);
    expect(tally.quorumMet).toBe(false);
    expect(tally.passed).toBe(false);
    expect(tally.reasons).toEqual(['quorum.area_below_two_thirds']);
  });

  it('misses the quorum when one owner short of two thirds take part, even with enough area', () => {
    const tally = tallyOwnersVote({
      item: 3,
      electorate: compound,
      ballots: [...ballots(198, '1.00', 'for'), ...ballots(1, '2.00', 'for')],
    });
    expect(tally.participation.area).toEqual(m2('200'));
    expect(tally.participation.headcount).toBe(199);
    expect(tally.quorumMet).toBe(false);
    expect(tally.reasons).toEqual(['quorum.headcount_below_two_thirds']);
  });

  it('counts abstentions towards the quorum but not as votes for', () => {
    const tally = tallyOwnersVote({
      item: 4,
      electorate: compound,
      ballots: [...ballots(101, '1.00', 'for'), ...ballots(99, '1.00', 'abstain')],
    });
    expect(tally.quorumMet).toBe(true);
    expect(tally.approval.headcountFor).toBe(101);
    expect(tally.counts.abstain).toEqual({ area: m2('99'), headcount: 99 });
    expect(tally.passed).toBe(true);

    const shy = tallyOwnersVote({
      item: 4,
      electorate: compound,
      ballots: [...ballots(100, '1.00', 'for'), ...ballots(100, '1.00', 'abstain')],
    });
    expect(shy.passed).toBe(false);
    expect(shy.reasons).toEqual([
      'approval.area_not_more_than_half',
      'approval.headcount_not_more_than_half',
    ]);
  });

  it('reports every unmet condition when nobody takes part', () => {
    const tally = tallyOwnersVote({ item: 7, electorate: compound, ballots: [] });
    expect(tally.passed).toBe(false);
    expect(tally.approval.areaRatio).toEqual(rational(0));
    expect(tally.reasons).toEqual([
      'quorum.area_below_two_thirds',
      'quorum.headcount_below_two_thirds',
      'approval.area_below_three_quarters',
      'approval.headcount_below_three_quarters',
    ]);
  });
});

describe('tallyOwnersVote: approval', () => {
  // 200 owners with 200 m² take part in each case, so the quorum is met exactly.
  it.each<[string, OwnersMatterItem, OwnersBallot[], boolean, string[]]>([
    [
      'exactly half of the area and of the owners is not a majority (过半数)',
      4,
      [...ballots(100, '1.00', 'for'), ...ballots(100, '1.00', 'against')],
      false,
      ['approval.area_not_more_than_half', 'approval.headcount_not_more_than_half'],
    ],
    [
      'exactly half of the area fails even with a majority of owners',
      1,
      [
        ...ballots(100, '0.99', 'for'),
        ...ballots(1, '1.00', 'for'),
        ...ballots(98, '1.00', 'against'),
        ...ballots(1, '2.00', 'against'),
      ],
      false,
      ['approval.area_not_more_than_half'],
    ],
    [
      'half the area plus one ten-thousandth of a square metre and half the owners plus one pass',
      4,
      [
        ...ballots(100, '1.00', 'for'),
        ...ballots(1, '0.0001', 'for'),
        ...ballots(98, '1.00', 'against'),
        ...ballots(1, '1.9999', 'against'),
      ],
      true,
      [],
    ],
    [
      'using the maintenance fund (item 5) needs only a majority since 2021',
      5,
      [...ballots(101, '1.00', 'for'), ...ballots(99, '1.00', 'against')],
      true,
      [],
    ],
    [
      'exactly three quarters of the area and of the owners pass rebuilding (item 7)',
      7,
      [...ballots(150, '1.00', 'for'), ...ballots(50, '1.00', 'against')],
      true,
      [],
    ],
    [
      'three quarters less one ten-thousandth of a square metre fails item 7',
      7,
      [
        ...ballots(149, '1.00', 'for'),
        ...ballots(1, '0.9999', 'for'),
        ...ballots(49, '1.00', 'against'),
        ...ballots(1, '1.0001', 'against'),
      ],
      false,
      ['approval.area_below_three_quarters'],
    ],
    [
      'three quarters of the area but one owner short fails item 7',
      7,
      [
        ...ballots(148, '1.00', 'for'),
        ...ballots(1, '2.00', 'for'),
        ...ballots(50, '0.98', 'against'),
        ...ballots(1, '1.00', 'against'),
      ],
      false,
      ['approval.headcount_below_three_quarters'],
    ],
    [
      'raising the maintenance fund (item 6) with 101 of 200 fails',
      6,
      [...ballots(101, '1.00', 'for'), ...ballots(99, '1.00', 'against')],
      false,
      ['approval.area_below_three_quarters', 'approval.headcount_below_three_quarters'],
    ],
    [
      'changing the use of common parts (item 8) with three quarters passes',
      8,
      [...ballots(150, '1.00', 'for'), ...ballots(50, '1.00', 'abstain')],
      true,
      [],
    ],
  ])('%s', (_label, item, cast, passed, reasons) => {
    const tally = tallyOwnersVote({ item, electorate: compound, ballots: cast });
    expect(tally.quorumMet).toBe(true);
    expect(tally.passed).toBe(passed);
    expect(tally.reasons).toEqual(reasons);
  });

  it('fails on headcount when the area is met but the owners are not', () => {
    // Two large owners carry the area; the many small owners vote against.
    const electorate = { totalArea: m2('1000'), totalHeadcount: 10 };
    const tally = tallyOwnersVote({
      item: 2,
      electorate,
      ballots: [...ballots(2, '400', 'for'), ...ballots(5, '20', 'against')],
    });
    expect(tally.quorumMet).toBe(true);
    expect(tally.approval.areaRatio).toEqual(rational(800, 900));
    expect(tally.approval.headcountRatio).toEqual(rational(2, 7));
    expect(tally.reasons).toEqual(['approval.headcount_not_more_than_half']);
  });

  it('explains the result in Chinese and English with the figures', () => {
    const tally = tallyOwnersVote({
      item: 7,
      electorate: compound,
      ballots: [...ballots(150, '1.00', 'for'), ...ballots(50, '1.00', 'against')],
    });
    expect(tally.explanation.zh).toContain('第（七）项“改建、重建建筑物及其附属设施”');
    expect(tally.explanation.zh).toContain('占总面积300.00平方米的66.67%，已达到');
    expect(tally.explanation.zh).toContain(
      '同意（须四分之三以上）：面积150.00平方米，占参与表决面积的75.00%，已达到',
    );
    expect(tally.explanation.zh).toMatch(/结论：通过。$/);
    expect(tally.explanation.en).toContain('art. 278(1) item (7)');
    expect(tally.explanation.en).toContain('200 of 300 owners (66.67%), met');
    expect(tally.explanation.en).toMatch(/Result: passed\.$/);
  });

  it('shows an area short by a ten-thousandth as such rather than rounding it up', () => {
    const tally = tallyOwnersVote({
      item: 1,
      electorate: compound,
      ballots: [...ballots(199, '1.00', 'for'), ...ballots(1, '0.9999', 'for')],
    });
    expect(tally.explanation.zh).toContain('专有部分面积199.9999平方米');
    expect(tally.explanation.zh).toContain('未达到');
    expect(tally.explanation.en).toContain('Result: not passed.');
  });
});

describe('tallyOwnersVote: refused input', () => {
  it('refuses two ballots from the same owner rather than guessing which counts', () => {
    const [first] = ballots(1, '1.00', 'for');
    const cast = [first!, ...ballots(199, '1.00', 'for'), { ...first!, choice: 'against' as const }];
    expect(errorCode(() => tallyOwnersVote({ item: 1, electorate: compound, ballots: cast }))).toBe(
      'owners.duplicate_ballot',
    );
  });

  it.each<[string, () => unknown, string]>([
    [
      'more area than the compound has',
      () => tallyOwnersVote({ item: 1, electorate: compound, ballots: ballots(1, '300.01', 'for') }),
      'owners.ballots_exceed_electorate',
    ],
    [
      'more owners than the compound has',
      () =>
        tallyOwnersVote({
          item: 1,
          electorate: { totalArea: m2('300'), totalHeadcount: 2 },
          ballots: ballots(3, '1', 'for'),
        }),
      'owners.ballots_exceed_electorate',
    ],
    [
      'a ballot with no area',
      () => tallyOwnersVote({ item: 1, electorate: compound, ballots: ballots(1, '0', 'for') }),
      'owners.invalid_ballot',
    ],
    [
      'an empty voter id',
      () =>
        tallyOwnersVote({
          item: 1,
          electorate: compound,
          ballots: [{ voterId: '', area: m2('1'), choice: 'for' }],
        }),
      'owners.invalid_ballot',
    ],
    [
      'an unknown choice',
      () =>
        tallyOwnersVote({
          item: 1,
          electorate: compound,
          ballots: [{ voterId: 'x', area: m2('1'), choice: 'maybe' as BallotChoice }],
        }),
      'owners.invalid_ballot',
    ],
    [
      'an item outside (1)–(9)',
      () => tallyOwnersVote({ item: 10 as OwnersMatterItem, electorate: compound, ballots: [] }),
      'owners.invalid_ballot',
    ],
    [
      'an electorate with no area',
      () => tallyOwnersVote({ item: 1, electorate: { totalArea: m2('0'), totalHeadcount: 3 }, ballots: [] }),
      'owners.invalid_electorate',
    ],
    [
      'an electorate with no owners',
      () => tallyOwnersVote({ item: 1, electorate: { totalArea: m2('10'), totalHeadcount: 0 }, ballots: [] }),
      'owners.invalid_electorate',
    ],
  ])('refuses %s', (_label, run, code) => {
    expect(errorCode(run)).toBe(code);
  });
});

describe('tallyOwnersVote: properties', () => {
  const choice = fc.constantFrom<BallotChoice>('for', 'against', 'abstain');
  const area = fc
    .bigInt({ min: 1n, max: 2_000_000n })
    .map((tenThousandths) => rational(tenThousandths, 10_000n));
  const castVote = fc
    .uniqueArray(fc.record({ voterId: fc.string({ minLength: 1, maxLength: 6 }), area, choice }), {
      selector: (b) => b.voterId,
      maxLength: 40,
    })
    .chain((cast) =>
      fc.record({
        item: fc.constantFrom<OwnersMatterItem>(1, 2, 3, 4, 5, 6, 7, 8, 9),
        cast: fc.constant(cast),
        shuffled: fc.shuffledSubarray(cast, { minLength: cast.length, maxLength: cast.length }),
        extraArea: fc.bigInt({ min: 0n, max: 500_000n }),
        extraHeads: fc.integer({ min: 0, max: 20 }),
      }),
    );

  function electorateFor(cast: OwnersBallot[], extraArea: bigint, extraHeads: number) {
    // Never empty, and never smaller than what the ballots carry.
    return {
      totalArea: add(sum(cast.map((b) => b.area)), rational(extraArea + 1n, 10_000n)),
      totalHeadcount: cast.length + extraHeads + 1,
    };
  }

  it('gives the same result whatever the order of the ballots', () => {
    fc.assert(
      fc.property(castVote, ({ item, cast, shuffled, extraArea, extraHeads }) => {
        const electorate = electorateFor(cast, extraArea, extraHeads);
        expect(tallyOwnersVote({ item, electorate, ballots: shuffled })).toEqual(
          tallyOwnersVote({ item, electorate, ballots: cast }),
        );
      }),
    );
  });

  it('never fails a decision because one more owner votes for it instead of against', () => {
    fc.assert(
      fc.property(castVote, fc.nat(), ({ item, cast, extraArea, extraHeads }, pick) => {
        const electorate = electorateFor(cast, extraArea, extraHeads);
        const againstAt = cast.flatMap((b, i) => (b.choice === 'against' ? [i] : []));
        fc.pre(againstAt.length > 0);
        const against = againstAt[pick % againstAt.length];
        const converted = cast.map((b, i) => (i === against ? { ...b, choice: 'for' as const } : b));
        const before = tallyOwnersVote({ item, electorate, ballots: cast });
        const after = tallyOwnersVote({ item, electorate, ballots: converted });
        if (before.passed) expect(after.passed).toBe(true);
      }),
    );
  });

  it('passes only with the quorum met and no reason given', () => {
    fc.assert(
      fc.property(castVote, ({ item, cast, extraArea, extraHeads }) => {
        const tally = tallyOwnersVote({
          item,
          electorate: electorateFor(cast, extraArea, extraHeads),
          ballots: cast,
        });
        expect(tally.passed).toBe(tally.reasons.length === 0);
        if (tally.passed) expect(tally.quorumMet).toBe(true);
      }),
    );
  });
});

describe('exclusiveArea (SPC interpretation art. 8)', () => {
  it.each([
    [{ registered: m2('89.50'), surveyed: m2('90.12'), contract: m2('91') }, '89.5000', 'the register first'],
    [{ registered: null, surveyed: m2('90.12'), contract: m2('91') }, '90.1200', 'then the survey'],
    [{ contract: m2('91') }, '91.0000', 'then the sale contract'],
    [{ registered: m2('0.0001') }, '0.0001', 'a register entry however small'],
  ])('takes %o as %s (%s)', (areas, expected, _why) => {
    expect(toDecimalString(exclusiveArea(areas), 4)).toBe(expected);
  });

  it('refuses a unit with no area at all', () => {
    expect(errorCode(() => exclusiveArea({ registered: null, surveyed: undefined }))).toBe(
      'owners.exclusive_area_missing',
    );
  });
});

describe('countOwnersHeadcount (SPC interpretation art. 9)', () => {
  const unit = (unitId: string, ownerIds: string[], area = '100', developerUnsold = false) => ({
    unitId,
    ownerIds,
    developerUnsold,
    area: m2(area),
  });

  it('counts one unit as one person', () => {
    const result = countOwnersHeadcount([unit('1-101', ['a']), unit('1-102', ['b']), unit('1-103', ['c'])]);
    expect(result.totalHeadcount).toBe(3);
    expect(result.totalArea).toEqual(m2('300'));
  });

  it('counts the co-owners of one unit as one person', () => {
    const result = countOwnersHeadcount([unit('1-101', ['husband', 'wife']), unit('1-102', ['b'])]);
    expect(result.totalHeadcount).toBe(2);
    expect(result.owners[0]).toMatchObject({ ownerIds: ['husband', 'wife'], unitIds: ['1-101'] });
  });

  it('counts one buyer of several units as one person with their areas added', () => {
    const result = countOwnersHeadcount([
      unit('1-101', ['a'], '88.88'),
      unit('1-102', ['b']),
      unit('2-301', ['a'], '11.12'),
      unit('3-101', ['wife', 'husband']),
      unit('3-102', ['husband', 'wife', 'wife']),
    ]);
    expect(result.totalHeadcount).toBe(3);
    expect(result.owners.map((o) => [o.unitIds, toDecimalString(o.area, 2)])).toEqual([
      [['1-101', '2-301'], '100.00'],
      [['1-102'], '100.00'],
      [['3-101', '3-102'], '200.00'],
    ]);
  });

  it("counts the developer's unsold and undelivered units together as one person", () => {
    const result = countOwnersHeadcount([
      unit('1-101', ['a']),
      unit('1-102', [], '100', true),
      unit('1-103', [], '100', true),
      unit('1-104', ['buyer-not-yet-handed-keys'], '100', true),
    ]);
    expect(result.totalHeadcount).toBe(2);
    expect(result.owners[1]).toMatchObject({
      voterKey: 'developer',
      developer: true,
      unitIds: ['1-102', '1-103', '1-104'],
      area: m2('300'),
    });
  });

  it('keeps a sole owner apart from a unit they hold jointly with someone else', () => {
    const result = countOwnersHeadcount([unit('1-101', ['a']), unit('1-102', ['a', 'b'])]);
    expect(result.totalHeadcount).toBe(2);
  });

  it.each([
    ['a unit listed twice', [unit('1-101', ['a']), unit('1-101', ['b'])], 'duplicate_unit'],
    ['a sold unit with no owner', [unit('1-101', [])], 'no_owner'],
    ['a unit with no area', [unit('1-101', ['a'], '0')], 'area_zero'],
  ])('refuses %s', (_label, units, reason) => {
    try {
      countOwnersHeadcount(units);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('owners.invalid_units');
      expect((error as AppError).extra?.reason).toBe(reason);
    }
  });

  it('feeds tallyOwnersVote: one ballot per counted owner', () => {
    const electorate = countOwnersHeadcount([
      unit('1-101', ['a'], '100'),
      unit('1-102', ['a'], '100'),
      unit('1-103', ['b', 'c'], '100'),
      unit('1-104', [], '100', true),
    ]);
    const [multi, joint] = electorate.owners;
    const tally = tallyOwnersVote({
      item: 3,
      electorate,
      ballots: [
        { voterId: multi!.voterKey, area: multi!.area, choice: 'for' },
        { voterId: joint!.voterKey, area: joint!.area, choice: 'for' },
      ],
    });
    expect(tally.participation.headcountRatio).toEqual(rational(2, 3));
    expect(tally.participation.areaRatio).toEqual(rational(3, 4));
    expect(tally.passed).toBe(true);
  });
});

describe('firstMeetingTriggered (山东省物业管理条例 art. 20)', () => {
  const base = { totalArea: m2('10000'), totalUnits: 100, firstDeliveryDate: '2024-03-10' };
  it.each([
    [
      'exactly half the area delivered',
      { deliveredArea: m2('5000'), deliveredUnits: 10 },
      '2024-06-01',
      ['delivered_area_half'],
    ],
    [
      'half the area less a hundredth',
      { deliveredArea: m2('4999.99'), deliveredUnits: 10 },
      '2024-06-01',
      [],
    ],
    [
      'exactly half the owners delivered',
      { deliveredArea: m2('100'), deliveredUnits: 50 },
      '2024-06-01',
      ['delivered_owners_half'],
    ],
    ['49 of 100 owners', { deliveredArea: m2('100'), deliveredUnits: 49 }, '2024-06-01', []],
    [
      'a quarter delivered on the two-year anniversary: not yet two full years',
      { deliveredArea: m2('100'), deliveredUnits: 25 },
      '2026-03-10',
      [],
    ],
    [
      'a quarter delivered the day after the anniversary',
      { deliveredArea: m2('100'), deliveredUnits: 25 },
      '2026-03-11',
      ['two_years_and_quarter_owners'],
    ],
    [
      'two years but only 24 of 100 owners',
      { deliveredArea: m2('100'), deliveredUnits: 24 },
      '2027-01-01',
      [],
    ],
    [
      'all three at once, in the order of the article',
      { deliveredArea: m2('6000'), deliveredUnits: 60 },
      '2026-12-01',
      ['delivered_area_half', 'delivered_owners_half', 'two_years_and_quarter_owners'],
    ],
  ])('%s', (_label, delivered, today, conditions) => {
    const check = firstMeetingTriggered({ ...base, ...delivered, today });
    expect(check.conditions).toEqual(conditions);
    expect(check.triggered).toBe(conditions.length > 0);
  });

  it.each([
    ['2024-03-10', '2026-03-11'],
    ['2024-02-29', '2026-03-01'],
    ['2025-12-31', '2028-01-01'],
  ])('two years from a first delivery on %s are complete from %s', (firstDeliveryDate, completeFrom) => {
    const check = firstMeetingTriggered({
      totalArea: m2('100'),
      deliveredArea: m2('1'),
      totalUnits: 100,
      deliveredUnits: 1,
      firstDeliveryDate,
      today: '2030-01-01',
    });
    expect(check.twoYearsCompleteFrom).toBe(completeFrom);
  });

  it('is not triggered before any delivery', () => {
    const check = firstMeetingTriggered({
      totalArea: m2('100'),
      deliveredArea: m2('0'),
      totalUnits: 10,
      deliveredUnits: 0,
      firstDeliveryDate: null,
      today: '2026-01-01',
    });
    expect(check).toMatchObject({ triggered: false, conditions: [], twoYearsCompleteFrom: null });
  });

  it.each([
    ['more area delivered than built', { deliveredArea: m2('10000.01'), deliveredUnits: 1 }, '2026-01-01'],
    ['more units delivered than built', { deliveredArea: m2('1'), deliveredUnits: 101 }, '2026-01-01'],
    ['a first delivery after today', { deliveredArea: m2('1'), deliveredUnits: 1 }, '2024-03-09'],
    ['a malformed date', { deliveredArea: m2('1'), deliveredUnits: 1 }, '2026-02-30'],
  ])('refuses %s', (_label, delivered, today) => {
    expect(errorCode(() => firstMeetingTriggered({ ...base, ...delivered, today }))).toBe(
      'owners.invalid_delivery_figures',
    );
  });
});
