// Owners' meeting decisions (业主共同决定事项): who counts, how many must take part, how many
// must agree, and when the first owners' meeting is due. Pure rules: no I/O.
//
// Sources (texts in /work/shared/domain/laws):
// - Civil Code (民法典) art. 278: the nine matters and the two-thirds / three-quarters / majority
//   thresholds. Since 2021 only items (6) raising the maintenance fund, (7) altering or rebuilding
//   buildings and (8) changing the use of common parts or running a business on them need three
//   quarters; item (5) using the maintenance fund needs a majority like the rest.
// - Civil Code art. 1259: 以上 includes the number itself, so "三分之二以上" and "四分之三以上"
//   are met exactly at 2/3 and 3/4. 过半数 ("more than half") is met only above 1/2.
// - SPC interpretation on building units (最高人民法院关于审理建筑物区分所有权纠纷案件适用法律
//   若干问题的解释) art. 8 (which area) and art. 9 (who counts as one owner).
// - Shandong Property Management Regulations (山东省物业管理条例) art. 20 (the first meeting).
// Every ratio is an exact Rational; percentages appear only in the explanation text.

import {
  add,
  compare,
  div,
  isZero,
  type Rational,
  rational,
  sum,
  toDecimalString,
  toPercentString,
  ZERO,
} from '../../lib/rational';
import type { Bilingual } from '../../server/errors';
import { ownersVoteErrors } from './owners.errors';

export { ownersVoteErrors } from './owners.errors';
export type { FirstMeetingCheck, FirstMeetingCondition } from './owners.first-meeting';
export { firstMeetingTriggered } from './owners.first-meeting';
export type { CountedOwner, OwnersHeadcount, OwnersUnit } from './owners.headcount';
export { countOwnersHeadcount, exclusiveArea } from './owners.headcount';

/** Civil Code art. 278(1), items (1)–(9). */
export type OwnersMatterItem = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export const OWNERS_MATTER_ITEMS: Readonly<Record<OwnersMatterItem, Bilingual>> = {
  1: { zh: '制定和修改业主大会议事规则', en: "adopting or amending the owners' assembly rules of procedure" },
  2: { zh: '制定和修改管理规约', en: 'adopting or amending the management covenant' },
  3: {
    zh: '选举业主委员会或者更换业主委员会成员',
    en: "electing the owners' committee or replacing its members",
  },
  4: {
    zh: '选聘和解聘物业服务企业或者其他管理人',
    en: 'engaging or dismissing the property service company or other manager',
  },
  5: {
    zh: '使用建筑物及其附属设施的维修资金',
    en: 'using the maintenance fund of the buildings and facilities',
  },
  6: {
    zh: '筹集建筑物及其附属设施的维修资金',
    en: 'raising the maintenance fund of the buildings and facilities',
  },
  7: { zh: '改建、重建建筑物及其附属设施', en: 'altering or rebuilding the buildings and their facilities' },
  8: {
    zh: '改变共有部分的用途或者利用共有部分从事经营活动',
    en: 'changing the use of common parts or running a business on them',
  },
  9: {
    zh: '有关共有和共同管理权利的其他重大事项',
    en: 'another major matter of common ownership and joint management',
  },
};

const ITEM_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

export type BallotChoice = 'for' | 'against' | 'abstain';

export interface OwnersBallot {
  /** One voting owner as counted under SPC interpretation art. 9 (see countOwnersHeadcount). */
  voterId: string;
  /** That owner's exclusive area (专有部分面积), all their units together. */
  area: Rational;
  choice: BallotChoice;
}

export interface OwnersElectorate {
  /** Total exclusive area of the property management area (物业管理区域). */
  totalArea: Rational;
  /** Total number of owners, counted under SPC interpretation art. 9. */
  totalHeadcount: number;
}

export type ApprovalThreshold = 'more_than_half' | 'at_least_three_quarters';

export type OwnersVoteReason =
  | 'quorum.area_below_two_thirds'
  | 'quorum.headcount_below_two_thirds'
  | 'approval.area_not_more_than_half'
  | 'approval.headcount_not_more_than_half'
  | 'approval.area_below_three_quarters'
  | 'approval.headcount_below_three_quarters';

export interface OwnersVoteTally {
  item: OwnersMatterItem;
  threshold: ApprovalThreshold;
  quorumMet: boolean;
  participation: { area: Rational; headcount: number; areaRatio: Rational; headcountRatio: Rational };
  /** Ratios are of the participating area and headcount (参与表决), not of the whole electorate. */
  approval: { areaFor: Rational; headcountFor: number; areaRatio: Rational; headcountRatio: Rational };
  /** Area and headcount per choice, for the public notice of the result. */
  counts: Record<BallotChoice, { area: Rational; headcount: number }>;
  passed: boolean;
  /** Every unmet condition, quorum first; empty exactly when the decision passed. */
  reasons: OwnersVoteReason[];
  explanation: Bilingual;
}

const TWO_THIRDS = rational(2, 3);
const ONE_HALF = rational(1, 2);
const THREE_QUARTERS = rational(3, 4);

/** Civil Code art. 278(2): items (6)–(8) need three quarters, every other item a majority. */
export function thresholdFor(item: OwnersMatterItem): ApprovalThreshold {
  return item === 6 || item === 7 || item === 8 ? 'at_least_three_quarters' : 'more_than_half';
}

function ratioMeets(ratio: Rational, threshold: ApprovalThreshold): boolean {
  // Art. 1259: 四分之三以上 includes 3/4; 过半数 needs more than 1/2.
  return threshold === 'at_least_three_quarters'
    ? compare(ratio, THREE_QUARTERS) >= 0
    : compare(ratio, ONE_HALF) > 0;
}

function isMatterItem(item: unknown): item is OwnersMatterItem {
  return typeof item === 'number' && Number.isInteger(item) && item >= 1 && item <= 9;
}

/**
 * Tallies one matter of an owners' meeting under Civil Code art. 278(2).
 *
 * Each ballot is one owner as counted under SPC interpretation art. 9 and carries that owner's
 * whole exclusive area. Abstentions (弃权) take part in the vote — they count towards the quorum
 * and the denominators — but are not votes for. A voterId appearing twice is refused with
 * `owners.duplicate_ballot` rather than keeping the first or the last ballot: a duplicate means
 * the ballot records are wrong, and either silent choice could change the result.
 */
export function tallyOwnersVote({
  item,
  electorate,
  ballots,
}: {
  item: OwnersMatterItem;
  electorate: OwnersElectorate;
  ballots: readonly OwnersBallot[];
}): OwnersVoteTally {
  if (!isMatterItem(item)) throw ownersVoteErrors.invalidBallot('unknown_item');
  if (isZero(electorate.totalArea)) throw ownersVoteErrors.invalidElectorate('total_area_zero');
  if (!Number.isSafeInteger(electorate.totalHeadcount) || electorate.totalHeadcount < 1) {
    throw ownersVoteErrors.invalidElectorate('total_headcount_not_positive');
  }

  const seen = new Set<string>();
  const counts: OwnersVoteTally['counts'] = {
    for: { area: ZERO, headcount: 0 },
    against: { area: ZERO, headcount: 0 },
    abstain: { area: ZERO, headcount: 0 },
  };
  for (const ballot of ballots) {
    if (ballot.voterId === '') throw ownersVoteErrors.invalidBallot('empty_voter_id');
    if (seen.has(ballot.voterId)) throw ownersVoteErrors.duplicateBallot(ballot.voterId);
    seen.add(ballot.voterId);
    if (isZero(ballot.area)) throw ownersVoteErrors.invalidBallot('area_zero');
    const bucket = counts[ballot.choice];
    if (!bucket) throw ownersVoteErrors.invalidBallot('unknown_choice');
    bucket.area = add(bucket.area, ballot.area);
    bucket.headcount += 1;
  }

  const area = sum([counts.for.area, counts.against.area, counts.abstain.area]);
  const headcount = ballots.length;
  if (compare(area, electorate.totalArea) > 0) throw ownersVoteErrors.ballotsExceedElectorate('area');
  if (headcount > electorate.totalHeadcount) throw ownersVoteErrors.ballotsExceedElectorate('headcount');

  const participation = {
    area,
    headcount,
    areaRatio: div(area, electorate.totalArea),
    headcountRatio: rational(headcount, electorate.totalHeadcount),
  };
  const approval = {
    areaFor: counts.for.area,
    headcountFor: counts.for.headcount,
    areaRatio: isZero(area) ? ZERO : div(counts.for.area, area),
    headcountRatio: headcount === 0 ? ZERO : rational(counts.for.headcount, headcount),
  };

  const threshold = thresholdFor(item);
  const reasons: OwnersVoteReason[] = [];
  // Art. 278(2): 专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决
  // (art. 1259: 以上 includes exactly two thirds).
  const areaQuorum = compare(participation.areaRatio, TWO_THIRDS) >= 0;
  const headcountQuorum = compare(participation.headcountRatio, TWO_THIRDS) >= 0;
  if (!areaQuorum) reasons.push('quorum.area_below_two_thirds');
  if (!headcountQuorum) reasons.push('quorum.headcount_below_two_thirds');
  // Art. 278(2): 参与表决专有部分面积四分之三以上/过半数的业主且参与表决人数四分之三以上/过半数的业主同意.
  const areaApproved = ratioMeets(approval.areaRatio, threshold);
  const headcountApproved = ratioMeets(approval.headcountRatio, threshold);
  if (threshold === 'at_least_three_quarters') {
    if (!areaApproved) reasons.push('approval.area_below_three_quarters');
    if (!headcountApproved) reasons.push('approval.headcount_below_three_quarters');
  } else {
    if (!areaApproved) reasons.push('approval.area_not_more_than_half');
    if (!headcountApproved) reasons.push('approval.headcount_not_more_than_half');
  }

  const quorumMet = areaQuorum && headcountQuorum;
  const passed = reasons.length === 0;
  return {
    item,
    threshold,
    quorumMet,
    participation,
    approval,
    counts,
    passed,
    reasons,
    explanation: explain({
      item,
      threshold,
      electorate,
      participation,
      approval,
      met: { areaQuorum, headcountQuorum, areaApproved, headcountApproved },
      passed,
    }),
  };
}

/** Areas for people: four decimals as entered, trailing zeros trimmed to two. */
function showArea(area: Rational): string {
  return toDecimalString(area, 4).replace(/(\.\d\d)0{1,2}$/, '$1');
}

function explain(t: {
  item: OwnersMatterItem;
  threshold: ApprovalThreshold;
  electorate: OwnersElectorate;
  participation: OwnersVoteTally['participation'];
  approval: OwnersVoteTally['approval'];
  met: { areaQuorum: boolean; headcountQuorum: boolean; areaApproved: boolean; headcountApproved: boolean };
  passed: boolean;
}): Bilingual {
  const { item, threshold, electorate, participation: p, approval: a, met } = t;
  const zhYes = (ok: boolean) => (ok ? '已达到' : '未达到');
  const enYes = (ok: boolean) => (ok ? 'met' : 'not met');
  const zhNeed = threshold === 'at_least_three_quarters' ? '四分之三以上' : '过半数';
  const enNeed = threshold === 'at_least_three_quarters' ? 'at least three quarters' : 'more than half';
  const matter = OWNERS_MATTER_ITEMS[item];

  const zh = [
    `表决事项：民法典第二百七十八条第一款第（${ITEM_NUMERALS[item]}）项“${matter.zh}”，` +
      `须经参与表决专有部分面积${zhNeed}的业主且参与表决人数${zhNeed}的业主同意。`,
    `参与表决（须均达到三分之二以上）：专有部分面积${showArea(p.area)}平方米，` +
      `占总面积${showArea(electorate.totalArea)}平方米的${toPercentString(p.areaRatio)}，${zhYes(met.areaQuorum)}；` +
      `人数${p.headcount}人，占总人数${electorate.totalHeadcount}人的${toPercentString(p.headcountRatio)}，` +
      `${zhYes(met.headcountQuorum)}。`,
    `同意（须${zhNeed}）：面积${showArea(a.areaFor)}平方米，占参与表决面积的${toPercentString(a.areaRatio)}，` +
      `${zhYes(met.areaApproved)}；人数${a.headcountFor}人，占参与表决人数的${toPercentString(a.headcountRatio)}，` +
      `${zhYes(met.headcountApproved)}。`,
    `结论：${t.passed ? '通过' : '未通过'}。`,
  ].join('');

  const en = [
    `Matter: Civil Code art. 278(1) item (${item}), ${matter.en}; it needs the consent of owners holding ` +
      `${enNeed} of the participating exclusive area and making up ${enNeed} of the participating owners.`,
    ` Participation (at least two thirds of each required): ${showArea(p.area)} m² of ` +
      `${showArea(electorate.totalArea)} m² (${toPercentString(p.areaRatio)}), ${enYes(met.areaQuorum)}; ` +
      `${p.headcount} of ${electorate.totalHeadcount} owners (${toPercentString(p.headcountRatio)}), ` +
      `${enYes(met.headcountQuorum)}.`,
    ` For (${enNeed} required): ${showArea(a.areaFor)} m² (${toPercentString(a.areaRatio)} of the ` +
      `participating area), ${enYes(met.areaApproved)}; ${a.headcountFor} owners ` +
      `(${toPercentString(a.headcountRatio)} of the participating owners), ${enYes(met.headcountApproved)}.`,
    ` Result: ${t.passed ? 'passed' : 'not passed'}.`,
  ].join('');

  return { zh, en };
}
