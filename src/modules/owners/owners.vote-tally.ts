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
import { AppError, type Bilingual } from '../../server/errors';

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

/**
 * Error factories of these rules. Codes follow `owners.<reason>`; they belong in owners.errors.ts
 * once the module has one.
 */
export const ownersVoteErrors = {
  duplicateBallot: (voterId: string) =>
    new AppError({
      code: 'owners.duplicate_ballot',
      status: 409,
      title: { zh: '同一业主不能重复表决', en: 'An owner may vote only once on a matter' },
      extra: { voterId },
    }),
  invalidBallot: (reason: string) =>
    new AppError({
      code: 'owners.invalid_ballot',
      status: 400,
      title: { zh: '表决票数据有误', en: 'A ballot is invalid' },
      extra: { reason },
    }),
  invalidElectorate: (reason: string) =>
    new AppError({
      code: 'owners.invalid_electorate',
      status: 400,
      title: { zh: '业主总面积或总人数有误', en: "The owners' total area or headcount is invalid" },
      extra: { reason },
    }),
  ballotsExceedElectorate: (what: 'area' | 'headcount') =>
    new AppError({
      code: 'owners.ballots_exceed_electorate',
      status: 400,
      title: {
        zh: '参与表决的面积或人数超过业主总数',
        en: "The ballots exceed the owners' total area or headcount",
      },
      extra: { what },
    }),
  invalidUnits: (reason: string, unitId?: string) =>
    new AppError({
      code: 'owners.invalid_units',
      status: 400,
      title: { zh: '专有部分数据有误', en: 'The unit list is invalid' },
      extra: { reason, unitId },
    }),
  exclusiveAreaMissing: () =>
    new AppError({
      code: 'owners.exclusive_area_missing',
      status: 400,
      title: {
        zh: '专有部分没有登记面积、实测面积或合同面积',
        en: 'The unit has no registered, surveyed or contract area',
      },
    }),
  invalidDeliveryFigures: (reason: string) =>
    new AppError({
      code: 'owners.invalid_delivery_figures',
      status: 400,
      title: { zh: '交付面积或户数数据有误', en: 'The delivery figures are invalid' },
      extra: { reason },
    }),
};

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

/**
 * SPC interpretation art. 8: the exclusive area is the area in the real-property register;
 * before registration, the surveyed area (实测面积); before a survey, the area in the sale
 * contract. Throws `owners.exclusive_area_missing` when none is known.
 */
export function exclusiveArea({
  registered,
  surveyed,
  contract,
}: {
  registered?: Rational | null;
  surveyed?: Rational | null;
  contract?: Rational | null;
}): Rational {
  const area = registered ?? surveyed ?? contract;
  if (!area) throw ownersVoteErrors.exclusiveAreaMissing();
  return area;
}

export interface OwnersUnit {
  unitId: string;
  /** Owners on the register or buyers in possession (SPC interpretation art. 1); empty for the developer's units. */
  ownerIds: readonly string[];
  /** True for a unit the developer has not sold, or has sold but not yet delivered (SPC art. 9). */
  developerUnsold: boolean;
  /** The exclusive area under SPC art. 8; see exclusiveArea. */
  area: Rational;
}

/** One owner as counted for art. 278: one voter, one ballot. */
export interface CountedOwner {
  /** 'developer', or the JSON array of the sorted owner ids of the unit(s). */
  voterKey: string;
  developer: boolean;
  ownerIds: string[];
  unitIds: string[];
  area: Rational;
}

export interface OwnersHeadcount extends OwnersElectorate {
  /** In the order of each counted owner's first unit in the input. */
  owners: CountedOwner[];
}

/**
 * Counts owners for Civil Code art. 278(2) under SPC interpretation art. 9:
 * - one exclusive unit (专有部分) counts as one person, so the co-owners of a unit are one person;
 * - one buyer holding several units counts as one person. "The same buyer" is read as the same
 *   set of owners: units held by A alone are one person, a unit held by A and B together is
 *   another. Units are never merged merely because their owner sets overlap;
 * - the developer's unsold units, and units sold but not yet delivered, count together as one
 *   person (pass them with developerUnsold: true).
 * The totals are the electorate of tallyOwnersVote; a ballot's area is its counted owner's area.
 * Art. 9 says the count "may" be made this way: the owners' assembly rules may not lower it.
 */
export function countOwnersHeadcount(units: readonly OwnersUnit[]): OwnersHeadcount {
  const byKey = new Map<string, CountedOwner>();
  const unitIds = new Set<string>();
  for (const unit of units) {
    if (unit.unitId === '') throw ownersVoteErrors.invalidUnits('empty_unit_id');
    if (unitIds.has(unit.unitId)) throw ownersVoteErrors.invalidUnits('duplicate_unit', unit.unitId);
    unitIds.add(unit.unitId);
    if (isZero(unit.area)) throw ownersVoteErrors.invalidUnits('area_zero', unit.unitId);
    const ownerIds = [...new Set(unit.ownerIds)].sort();
    if (!unit.developerUnsold && ownerIds.length === 0) {
      throw ownersVoteErrors.invalidUnits('no_owner', unit.unitId);
    }
    if (ownerIds.includes('')) throw ownersVoteErrors.invalidUnits('empty_owner_id', unit.unitId);
    // SPC art. 9: 建设单位尚未出售和虽已出售但尚未交付的部分…按一人计算.
    const voterKey = unit.developerUnsold ? 'developer' : JSON.stringify(ownerIds);
    const counted = byKey.get(voterKey);
    if (counted) {
      counted.unitIds.push(unit.unitId);
      counted.area = add(counted.area, unit.area);
    } else {
      byKey.set(voterKey, {
        voterKey,
        developer: unit.developerUnsold,
        ownerIds: unit.developerUnsold ? [] : ownerIds,
        unitIds: [unit.unitId],
        area: unit.area,
      });
    }
  }
  const owners = [...byKey.values()];
  return { totalArea: sum(owners.map((o) => o.area)), totalHeadcount: owners.length, owners };
}

export type FirstMeetingCondition =
  | 'delivered_area_half'
  | 'delivered_owners_half'
  | 'two_years_and_quarter_owners';

export interface FirstMeetingCheck {
  triggered: boolean;
  /** Every condition of art. 20(3) that holds, in the article's order. */
  conditions: FirstMeetingCondition[];
  deliveredAreaRatio: Rational;
  deliveredUnitsRatio: Rational;
  /** The first day on which two full years since the first delivery have run; null without a delivery. */
  twoYearsCompleteFrom: string | null;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function dayNumber(date: string, field: string): number {
  const ms = DATE_PATTERN.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw ownersVoteErrors.invalidDeliveryFigures(`${field}_not_a_date`);
  }
  return ms / DAY_MS;
}

/**
 * The first day on which two years from `date` are complete. Civil Code art. 201: the day of the
 * event is not counted; art. 202: the period ends on the corresponding day of the last month, or
 * that month's last day when there is none (29 February); art. 203: it ends at 24:00 that day.
 * So two years from 2024-03-10 are complete from 2026-03-11, and from 2024-02-29 from 2026-03-01.
 */
function twoYearsCompleteFromDay(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastDayOfMonth = new Date(Date.UTC(year + 2, month, 0)).getUTCDate();
  return Date.UTC(year + 2, month - 1, Math.min(day, lastDayOfMonth)) / DAY_MS + 1;
}

/**
 * Whether the first owners' meeting is due under 山东省物业管理条例 art. 20(3):
 * 符合下列条件之一的，应当召开首次业主大会会议：
 * （一）已交付的业主专有部分面积的比例达到百分之五十以上；
 * （二）已交付的业主人数的比例达到百分之五十以上；
 * （三）向首位业主交付满两年且已交付的业主人数的比例达到百分之二十五以上。
 * 以上 includes the boundary (Civil Code art. 1259), so exactly 50% or 25% suffices. The
 * statute counts owners (业主人数); `totalUnits`/`deliveredUnits` are those owner counts, which
 * equal unit counts under SPC art. 9 (one unit, one person) — pass headcounts from
 * countOwnersHeadcount where one buyer holds several units. Dates are China calendar days.
 */
export function firstMeetingTriggered({
  totalArea,
  deliveredArea,
  totalUnits,
  deliveredUnits,
  firstDeliveryDate,
  today,
}: {
  totalArea: Rational;
  deliveredArea: Rational;
  totalUnits: number;
  deliveredUnits: number;
  firstDeliveryDate?: string | null;
  today: string;
}): FirstMeetingCheck {
  if (isZero(totalArea)) throw ownersVoteErrors.invalidDeliveryFigures('total_area_zero');
  if (compare(deliveredArea, totalArea) > 0)
    throw ownersVoteErrors.invalidDeliveryFigures('area_exceeds_total');
  if (!Number.isSafeInteger(totalUnits) || totalUnits < 1) {
    throw ownersVoteErrors.invalidDeliveryFigures('total_units_not_positive');
  }
  if (!Number.isSafeInteger(deliveredUnits) || deliveredUnits < 0 || deliveredUnits > totalUnits) {
    throw ownersVoteErrors.invalidDeliveryFigures('delivered_units_out_of_range');
  }
  const todayNumber = dayNumber(today, 'today');

  const deliveredAreaRatio = div(deliveredArea, totalArea);
  const deliveredUnitsRatio = rational(deliveredUnits, totalUnits);
  const conditions: FirstMeetingCondition[] = [];
  // Art. 20(3)(一): 已交付的业主专有部分面积的比例达到百分之五十以上.
  if (compare(deliveredAreaRatio, ONE_HALF) >= 0) conditions.push('delivered_area_half');
  // Art. 20(3)(二): 已交付的业主人数的比例达到百分之五十以上.
  if (compare(deliveredUnitsRatio, ONE_HALF) >= 0) conditions.push('delivered_owners_half');

  let twoYearsCompleteFrom: string | null = null;
  if (firstDeliveryDate) {
    if (dayNumber(firstDeliveryDate, 'first_delivery_date') > todayNumber) {
      throw ownersVoteErrors.invalidDeliveryFigures('first_delivery_after_today');
    }
    const completeFrom = twoYearsCompleteFromDay(firstDeliveryDate);
    twoYearsCompleteFrom = new Date(completeFrom * DAY_MS).toISOString().slice(0, 10);
    // Art. 20(3)(三): 向首位业主交付满两年且已交付的业主人数的比例达到百分之二十五以上.
    if (todayNumber >= completeFrom && compare(deliveredUnitsRatio, rational(1, 4)) >= 0) {
      conditions.push('two_years_and_quarter_owners');
    }
  }

  return {
    triggered: conditions.length > 0,
    conditions,
    deliveredAreaRatio,
    deliveredUnitsRatio,
    twoYearsCompleteFrom,
  };
}
