// Live turnout and the tally as the API shows it. Pure: no I/O.
import {
  compare,
  div,
  fromDecimalString,
  type Rational,
  rational,
  toPercentString,
} from '../../lib/rational';
import type { OwnersVoteTally } from './owners.vote-tally';
import { areaText } from './owners.votes.electorate';

const TWO_THIRDS = rational(2, 3);
/** Register areas have at most four decimals; twelve leave room for any area the register may hold. */
const SCALE_DIGITS = 12;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const DECIMAL = /^(\d+)(?:\.(\d{1,12}))?$/;

/** An exact ratio with its display percentage; decide on num/den, never on the percent. */
export interface RatioView {
  num: string;
  den: string;
  percent: string;
}

export function ratioView(r: Rational): RatioView {
  return { num: r.num.toString(), den: r.den.toString(), percent: toPercentString(r) };
}

export interface Turnout {
  area: Rational;
  headcount: number;
  areaRatio: Rational;
  headcountRatio: Rational;
  /** Civil Code art. 278(2): two thirds of the area and of the owners (art. 1259: 以上 includes 2/3). */
  quorumReached: { area: boolean; headcount: boolean };
}

/**
 * Participation so far, in one pass: areas are decimal strings, summed as integers at a fixed
 * scale and turned into one Rational at the end. Gives the same participation as
 * tallyOwnersVote, which normalises a Rational after every ballot.
 */
export function countTurnout({
  totalArea,
  totalHeadcount,
  areas,
}: {
  totalArea: Rational;
  totalHeadcount: number;
  areas: Iterable<string>;
}): Turnout {
  let scaled = 0n;
  let headcount = 0;
  for (const text of areas) {
    const match = DECIMAL.exec(text);
    if (!match) throw new RangeError(`not an area: '${text}'`);
    const fraction = (match[2] ?? '').padEnd(SCALE_DIGITS, '0');
    scaled += BigInt(match[1]!) * SCALE + BigInt(fraction);
    headcount += 1;
  }
  const area = rational(scaled, SCALE);
  const areaRatio = div(area, totalArea);
  const headcountRatio = rational(headcount, totalHeadcount);
  return {
    area,
    headcount,
    areaRatio,
    headcountRatio,
    quorumReached: {
      area: compare(areaRatio, TWO_THIRDS) >= 0,
      headcount: compare(headcountRatio, TWO_THIRDS) >= 0,
    },
  };
}

const count = (c: { area: Rational; headcount: number }) => ({
  area: areaText(c.area),
  headcount: c.headcount,
});

/** The tally as stored at close and served: exact ratios as num/den strings, areas as decimals. */
export function tallyView(
  tally: OwnersVoteTally,
  electorate: { totalArea: Rational; totalHeadcount: number },
) {
  return {
    item: tally.item,
    threshold: tally.threshold,
    electorate: { totalArea: areaText(electorate.totalArea), totalHeadcount: electorate.totalHeadcount },
    participation: {
      area: areaText(tally.participation.area),
      headcount: tally.participation.headcount,
      areaRatio: ratioView(tally.participation.areaRatio),
      headcountRatio: ratioView(tally.participation.headcountRatio),
    },
    approval: {
      areaFor: areaText(tally.approval.areaFor),
      headcountFor: tally.approval.headcountFor,
      areaRatio: ratioView(tally.approval.areaRatio),
      headcountRatio: ratioView(tally.approval.headcountRatio),
    },
    counts: {
      for: count(tally.counts.for),
      against: count(tally.counts.against),
      abstain: count(tally.counts.abstain),
    },
    quorumMet: tally.quorumMet,
    passed: tally.passed,
    reasons: tally.reasons,
    explanation: tally.explanation,
  };
}

export type TallyView = ReturnType<typeof tallyView>;

/** A stored decimal area back to a Rational. */
export const areaOf = (text: string): Rational => fromDecimalString(text);
