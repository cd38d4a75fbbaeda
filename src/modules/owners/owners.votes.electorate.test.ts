import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rational } from '../../lib/rational';
import { AppError } from '../../server/errors';
import { type BallotChoice, type OwnersMatterItem, tallyOwnersVote } from './owners.vote-tally';
import { areaText, freezeElectorate, type RegisterUnit } from './owners.votes.electorate';
import { countTurnout } from './owners.votes.turnout';

// The electorate frozen from a register (SPC interpretation arts. 8–9) and the tally over it
// (Civil Code art. 278(2)), as properties over random registers.

const TODAY = '2026-03-01';

interface Spec {
  area: bigint;
  owners: number[];
  developer: boolean;
}

/** Register rows from specs: owner n is `o${n}`; areas in ten-thousandths of a square metre. */
function register(specs: Spec[]) {
  const units: RegisterUnit[] = specs.map((s, i) => ({
    id: `u${i}`,
    label: `单元${i}`,
    registeredArea: areaText(rational(s.area, 10_000n)),
    surveyedArea: null,
    contractArea: null,
    deliveredOn: '2020-01-01',
    developerUnsold: s.developer ? 1 : 0,
  }));
  const ownerships = specs.flatMap((s, i) =>
    s.developer ? [] : [...new Set(s.owners)].map((o) => ({ unitId: `u${i}`, ownerId: `o${o}` })),
  );
  const owners = [...new Set(specs.flatMap((s) => s.owners))].map((o) => ({ id: `o${o}`, name: `业主${o}` }));
  return { units, ownerships, owners, today: TODAY };
}

const unitSpec = fc.record({
  area: fc.bigInt({ min: 1n, max: 3_000_000n }),
  owners: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 2 }),
  developer: fc.boolean(),
});
const choice = fc.constantFrom<BallotChoice>('for', 'against', 'abstain');
const item = fc.constantFrom<OwnersMatterItem>(1, 2, 3, 4, 5, 6, 7, 8, 9);
/** A register, and for each of its electors whether and how they vote. */
const scenario = fc.array(unitSpec, { minLength: 1, maxLength: 25 }).chain((specs) =>
  fc.record({
    specs: fc.constant(specs),
    item,
    votes: fc.array(fc.option(choice, { nil: undefined }), { minLength: 30, maxLength: 30 }),
    seed: fc.integer(),
  }),
);

function ballotsOf(specs: Spec[], votes: (BallotChoice | undefined)[]) {
  const electorate = freezeElectorate(register(specs));
  const ballots = electorate.electors.flatMap((e, i) =>
    votes[i] ? [{ voterId: e.voterKey, area: e.area, choice: votes[i]! }] : [],
  );
  return { electorate, ballots };
}

describe('the tally of a frozen electorate: properties', () => {
  it('never depends on the order in which the ballots arrive', () => {
    fc.assert(
      fc.property(scenario, fc.infiniteStream(fc.nat()), ({ specs, item, votes }, randoms) => {
        const { electorate, ballots } = ballotsOf(specs, votes);
        const shuffled = ballots
          .map((b) => ({ b, k: randoms.next().value }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.b);
        expect(tallyOwnersVote({ item, electorate, ballots: shuffled })).toEqual(
          tallyOwnersVote({ item, electorate, ballots }),
        );
      }),
    );
  });

  it('never turns a failed quorum into a pass when an owner who does not vote joins the register', () => {
    fc.assert(
      fc.property(scenario, unitSpec, ({ specs, item, votes }, joining) => {
        const before = ballotsOf(specs, votes);
        const tallyBefore = tallyOwnersVote({ item, ...before });
        fc.pre(!tallyBefore.quorumMet);
        // A new owner (ids above the generated range) with a unit of their own, not voting.
        const newcomer: Spec = { area: joining.area, owners: [100], developer: false };
        const after = freezeElectorate(register([...specs, newcomer]));
        expect(after.totalHeadcount).toBe(before.electorate.totalHeadcount + 1);
        const tallyAfter = tallyOwnersVote({ item, electorate: after, ballots: before.ballots });
        expect(tallyAfter.quorumMet).toBe(false);
        expect(tallyAfter.passed).toBe(false);
      }),
    );
  });

  it('shows the same participation in the one-pass live turnout as in the tally', () => {
    fc.assert(
      fc.property(scenario, ({ specs, item, votes }) => {
        const { electorate, ballots } = ballotsOf(specs, votes);
        const tally = tallyOwnersVote({ item, electorate, ballots });
        const turnout = countTurnout({ ...electorate, areas: ballots.map((b) => areaText(b.area)) });
        expect(turnout.area).toEqual(tally.participation.area);
        expect(turnout.areaRatio).toEqual(tally.participation.areaRatio);
        expect(turnout.headcountRatio).toEqual(tally.participation.headcountRatio);
        expect(turnout.quorumReached.area && turnout.quorumReached.headcount).toBe(tally.quorumMet);
      }),
    );
  });
});

describe('freezeElectorate (SPC interpretation arts. 8–9)', () => {
  it('puts units sold but not yet delivered with the developer’s one vote', () => {
    const input = register([
      { area: 1_000_000n, owners: [1], developer: false },
      { area: 1_000_000n, owners: [2], developer: false },
      { area: 500_000n, owners: [], developer: true },
    ]);
    input.units[1]!.deliveredOn = '2026-06-01';
    const electorate = freezeElectorate(input);
    expect(electorate.totalHeadcount).toBe(2);
    expect(electorate.electors.find((e) => e.voterKey === 'developer')).toMatchObject({
      area: rational(150),
      unitIds: ['u1', 'u2'],
      label: '建设单位（未售或未交付部分）：单元1、单元2',
    });
  });

  it('names a unit without any area rather than guessing one', () => {
    const input = register([{ area: 1n, owners: [1], developer: false }]);
    input.units[0]!.registeredArea = null;
    try {
      freezeElectorate(input);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).extra).toMatchObject({ reason: 'area_missing', unitId: 'u0' });
    }
  });

  it('shortens the label of an owner of many units', () => {
    const specs = Array.from({ length: 5 }, () => ({ area: 10_000n, owners: [7], developer: false }));
    expect(freezeElectorate(register(specs)).electors[0]!.label).toBe('业主7：单元0、单元1、单元2等5套');
  });
});

describe('areaText', () => {
  it.each([
    [rational(1, 3), null],
    [rational(895, 10), '89.5000'],
    [rational(1, 100_000), '0.00001'],
    [rational(0), '0.0000'],
  ])('writes %o exactly, or refuses', (area, text) => {
    if (text === null) expect(() => areaText(area)).toThrow(RangeError);
    else expect(areaText(area)).toBe(text);
  });
});
