import { describe, expect, it } from 'vitest';
import {
  computeRates,
  inDenominator,
  isBasic,
  isResolved,
  isSatisfied,
  type RateInput,
  respondedInTime,
} from './demands.rates';
import { DEFAULT_DEMAND_SETTINGS, type RateSettings } from './demands.settings';
import type { DemandStatus, Rating } from './demands.table';

const DUE = '2025-11-17T02:00:00.000Z';
const EARLY = '2025-11-17T01:00:00.000Z';
const LATE = '2025-11-17T02:00:00.001Z';

function row(
  status: DemandStatus,
  rating: Rating | null,
  resolved: number | null,
  contactedAt: string | null = EARLY,
  callbackValid = 1,
): RateInput {
  return { status, callbackValid, firstContactDueAt: DUE, firstContactedAt: contactedAt, resolved, rating };
}

const callback: RateSettings = DEFAULT_DEMAND_SETTINGS.rates; // weights 0.1/0.5/0.4, basic 0.9
const closed: RateSettings = { ...callback, denominator: 'closed' };
const basicFull: RateSettings = { ...callback, basicFactor: 1 };

describe('inDenominator (Beijing art. 32, our 考评办法)', () => {
  it.each<[DemandStatus, number, boolean, boolean]>([
    // status, callbackValid, under `callback`, under `closed`
    ['rated', 1, true, true],
    ['rated', 0, false, false],
    ['closed', 1, false, true],
    ['closed', 0, false, false],
    ['verified', 1, false, false],
    ['replied', 1, false, false],
    ['in_hand', 1, false, false],
    ['declined', 1, false, false],
    ['merged', 1, false, false],
    ['received', 1, false, false],
  ])('%s with callbackValid %i: callback %s, closed %s', (status, valid, underCallback, underClosed) => {
    const r = row(status, null, null, EARLY, valid);
    expect(inDenominator(r, callback)).toBe(underCallback);
    expect(inDenominator(r, closed)).toBe(underClosed);
  });
});

describe('respondedInTime (Beijing art. 15(1))', () => {
  it.each<[string, string | null, string | null, boolean]>([
    ['an hour early', EARLY, DUE, true],
    ['exactly at the deadline', DUE, DUE, true],
    ['one ms late', LATE, DUE, false],
    ['never contacted', null, DUE, false],
    ['no deadline recorded', EARLY, null, false],
    // Compared as instants, not strings: +08:00 text that is earlier than the UTC deadline.
    ['an offset timestamp before the deadline', '2025-11-17T09:59:59+08:00', DUE, true],
  ])('%s → %s', (_n, contactedAt, dueAt, expected) => {
    expect(
      respondedInTime({
        ...row('rated', 'satisfied', 1),
        firstContactedAt: contactedAt,
        firstContactDueAt: dueAt,
      }),
    ).toBe(expected);
  });

  it('reads resolved and the rating', () => {
    expect(isResolved(row('rated', 'satisfied', 1))).toBe(true);
    expect(isResolved(row('rated', 'satisfied', 0))).toBe(false);
    expect(isResolved(row('closed', null, null))).toBe(false);
    expect([isSatisfied(row('rated', 'satisfied', 1)), isBasic(row('rated', 'satisfied', 1))]).toEqual([
      true,
      false,
    ]);
    expect([isSatisfied(row('rated', 'basic', 1)), isBasic(row('rated', 'basic', 1))]).toEqual([false, true]);
    expect([isSatisfied(row('rated', 'unsatisfied', 0)), isBasic(row('rated', 'unsatisfied', 0))]).toEqual([
      false,
      false,
    ]);
  });
});

describe('computeRates', () => {
  // Ten rated demands with a valid callback, plus three that never count under `callback`:
  //  - contacted in time: 8 of 10 (two late)      → response 8/10 = 0.8
  //  - resolved: 7 of 10                          → resolution 7/10 = 0.7
  //  - ratings: 5 satisfied, 3 basic, 2 unsatisfied → satisfaction (5 + 0.9×3)/10 = 7.7/10 = 0.77
  //  - composite 0.1×0.8 + 0.5×0.7 + 0.4×0.77 = 0.08 + 0.35 + 0.308 = 0.738
  const ten: RateInput[] = [
    row('rated', 'satisfied', 1),
    row('rated', 'satisfied', 1),
    row('rated', 'satisfied', 1),
    row('rated', 'satisfied', 1),
    row('rated', 'satisfied', 1, LATE),
    row('rated', 'basic', 1),
    row('rated', 'basic', 1),
    row('rated', 'basic', 0, null),
    row('rated', 'unsatisfied', 0),
    row('rated', 'unsatisfied', 0),
  ];
  const others: RateInput[] = [
    row('rated', 'satisfied', 1, EARLY, 0), // no valid callback
    row('closed', null, null), // closed, not yet called back
    row('in_hand', null, null, null), // still open
  ];

  it('computes the three rates over valid callbacks', () => {
    const f = computeRates([...ten, ...others], callback);
    expect(f).toMatchObject({
      demands: 13,
      denominator: 10,
      responded: 8,
      resolved: 7,
      satisfied: 5,
      basic: 3,
      unsatisfied: 2,
    });
    expect(f.responseRate).toBeCloseTo(0.8, 12);
    expect(f.resolutionRate).toBeCloseTo(0.7, 12);
    expect(f.satisfactionRate).toBeCloseTo(0.77, 12);
    expect(f.composite).toBeCloseTo(0.738, 12);
  });

  it('counts 基本满意 in full with a basic factor of 1', () => {
    // (5 + 1×3)/10 = 0.8; composite 0.08 + 0.35 + 0.4×0.8 = 0.75
    const f = computeRates(ten, basicFull);
    expect(f.satisfactionRate).toBeCloseTo(0.8, 12);
    expect(f.composite).toBeCloseTo(0.75, 12);
  });

  it('takes closed but unrated demands into the `closed` denominator, neither resolved nor satisfied', () => {
    // 11 = ten + the closed one (callbackValid 1): response 9/11 (it was contacted in time),
    // resolution 7/11, satisfaction 7.7/11 = 0.7; the one without a valid callback stays out.
    const f = computeRates([...ten, ...others], closed);
    expect(f).toMatchObject({
      denominator: 11,
      responded: 9,
      resolved: 7,
      satisfied: 5,
      basic: 3,
      unsatisfied: 2,
    });
    expect(f.responseRate).toBeCloseTo(9 / 11, 12);
    expect(f.resolutionRate).toBeCloseTo(7 / 11, 12);
    expect(f.satisfactionRate).toBeCloseTo(0.7, 12);
    // 0.1×9/11 + 0.5×7/11 + 0.4×0.7 = (0.9 + 3.5)/11 + 0.28 = 0.4 + 0.28 = 0.68
    expect(f.composite).toBeCloseTo(0.68, 12);
  });

  it('counts a closed demand whose resolved flag is set as resolved under `closed`', () => {
    const f = computeRates([row('closed', null, 1)], closed);
    expect([f.resolutionRate, f.satisfactionRate]).toEqual([1, 0]);
  });

  it('gives exactly 95% at 19 of 20', () => {
    // 19 satisfied, resolved and in time; 1 unsatisfied, unresolved, late: every rate 19/20 = 0.95.
    const rows = [
      ...Array.from({ length: 19 }, () => row('rated', 'satisfied', 1)),
      row('rated', 'unsatisfied', 0, LATE),
    ];
    const f = computeRates(rows, callback);
    expect(f.responseRate).toBe(0.95);
    expect(f.resolutionRate).toBe(0.95);
    expect(f.satisfactionRate).toBe(0.95);
    expect(f.responseRate! >= 0.95).toBe(true);
    // One more late contact: 18/20 = 0.9, below the line.
    const below = computeRates([...rows.slice(1), row('rated', 'satisfied', 1, LATE)], callback);
    expect(below.responseRate).toBe(0.9);
  });

  it('gives null rates over an empty denominator', () => {
    for (const rows of [[], others.slice(1)]) {
      const f = computeRates(rows, callback);
      expect(f.denominator).toBe(0);
      expect([f.responseRate, f.resolutionRate, f.satisfactionRate, f.composite]).toEqual([
        null,
        null,
        null,
        null,
      ]);
    }
  });

  it('gives 1 everywhere when everything went right', () => {
    const f = computeRates([row('rated', 'satisfied', 1), row('rated', 'satisfied', 1)], callback);
    expect([f.responseRate, f.resolutionRate, f.satisfactionRate]).toEqual([1, 1, 1]);
    expect(f.composite).toBeCloseTo(1, 12);
  });
});
