// What makes an owners' committee (业主委员会) and its preparatory group (筹备组) valid, and when
// filing and re-election are due. Pure rules; texts in /work/shared/domain/laws:
// - 山东省物业管理条例 art. 21: 筹备组由七人以上单数组成…其中业主所占比例不得低于筹备组总人数的二分之一;
//   the street office forms it within sixty days of the first-meeting trigger.
// - art. 22: the preparatory group convenes the first owners' meeting within ninety days
//   (滨州市住宅物业管理条例 art. 11 says sixty; the later provincial text is used for the deadline).
// - art. 30: 业主委员会…由五人以上单数组成…每届任期不超过五年，可连选连任; members are owners.
// - art. 31: 自选举产生之日起三十日内…备案.
// - art. 33: 业主委员会任期届满九十日前，应当召开业主大会会议进行换届选举.
// 以上 includes the number itself and 不得低于 allows the boundary (Civil Code art. 1259).
// The report's target of 60% party members on committees (CAPABILITIES §3.2) is a policy target:
// it is shown and warned about, never a reason to refuse an election.

import { compare, type Rational, rational, toPercentString } from '../../lib/rational';
import { addDays, addYears, daysBetween } from './owners.dates';

export const COMMITTEE_MIN_MEMBERS = 5;
export const PREPARATORY_MIN_MEMBERS = 7;
export const MAX_TERM_YEARS = 5;
export const FILING_DAYS = 30;
export const REELECTION_NOTICE_DAYS = 90;
export const PREPARATORY_GROUP_DAYS = 60;
export const FIRST_MEETING_DAYS = 90;
/** 党员比例 ≥ 60% (CAPABILITIES §3.2): a target, not a legal condition. */
export const PARTY_SHARE_TARGET: Rational = rational(3, 5);

export type CommitteeSizeProblem = 'fewer_than_five' | 'even_number';

/** Art. 30: five or more members, an odd number. Empty when the size is valid. */
export function committeeSizeProblems(members: number): CommitteeSizeProblem[] {
  const problems: CommitteeSizeProblem[] = [];
  if (members < COMMITTEE_MIN_MEMBERS) problems.push('fewer_than_five');
  if (members % 2 === 0) problems.push('even_number');
  return problems;
}

export type PreparatoryGroupProblem = 'fewer_than_seven' | 'even_number' | 'owners_below_half';

/**
 * Art. 21: seven or more, an odd number, and owners not below half of the group (不得低于二分之一,
 * so exactly half would do — but an odd group cannot be split exactly, so seven need four owners).
 */
export function preparatoryGroupProblems(group: {
  members: number;
  owners: number;
}): PreparatoryGroupProblem[] {
  const problems: PreparatoryGroupProblem[] = [];
  if (group.members < PREPARATORY_MIN_MEMBERS) problems.push('fewer_than_seven');
  if (group.members % 2 === 0) problems.push('even_number');
  if (!ownersAtLeastHalf(group)) problems.push('owners_below_half');
  return problems;
}

/** 业主所占比例不得低于二分之一: owners / members ≥ 1/2, exactly. */
export function ownersAtLeastHalf(group: { members: number; owners: number }): boolean {
  return group.members > 0 && group.owners * 2 >= group.members;
}

/** The last day a term starting on `termStart` may run to: five years on (arts. 30, Civil Code 202). */
export function latestTermEnd(termStart: string): string {
  return addYears(termStart, MAX_TERM_YEARS);
}

export type TermProblem = 'ends_before_start' | 'longer_than_five_years';

export function termProblems(term: { termStart: string; termEnd: string }): TermProblem[] {
  if (term.termEnd < term.termStart) return ['ends_before_start'];
  if (term.termEnd > latestTermEnd(term.termStart)) return ['longer_than_five_years'];
  return [];
}

export type FilingState = 'on_time' | 'late' | 'pending' | 'overdue';

/**
 * Art. 31: filed within thirty days of the election. The thirtieth day is the last on time
 * (Civil Code art. 201: the day of the election is not counted). Without a filing: `pending`
 * until then, `overdue` after.
 */
export function filingState(opts: { electedOn: string; filedOn: string | null; today: string }): {
  state: FilingState;
  dueBy: string;
  daysLate: number;
} {
  const dueBy = addDays(opts.electedOn, FILING_DAYS);
  const against = opts.filedOn ?? opts.today;
  const daysLate = Math.max(0, daysBetween(dueBy, against));
  if (opts.filedOn) return { state: daysLate > 0 ? 'late' : 'on_time', dueBy, daysLate };
  return { state: daysLate > 0 ? 'overdue' : 'pending', dueBy, daysLate };
}

export interface PartyShare {
  members: number;
  partyMembers: number;
  /** Display only, e.g. '60.00%'; null without members. */
  percent: string | null;
  /** The report's 60% target met (exact comparison). */
  meetsTarget: boolean;
}

export function partyShare(opts: { members: number; partyMembers: number }): PartyShare {
  if (opts.members === 0) return { ...opts, percent: null, meetsTarget: false };
  const ratio = rational(opts.partyMembers, opts.members);
  return { ...opts, percent: toPercentString(ratio), meetsTarget: compare(ratio, PARTY_SHARE_TARGET) >= 0 };
}

export type TermState = 'not_started' | 'in_term' | 'ended';

/** Where a term stands on `today`; the term's last day is still in term. */
export function termState(term: { termStart: string; termEnd: string }, today: string): TermState {
  if (today < term.termStart) return 'not_started';
  return today <= term.termEnd ? 'in_term' : 'ended';
}

export type ReelectionWatch = 'due' | 'ended' | null;

/**
 * Art. 33: the re-election meeting is to be held before the last ninety days of the term begin, so a
 * committee whose term ends within ninety days (the ninetieth day included) is listed as due, and
 * one whose term has ended as ended. Null while the term has more than ninety days to run.
 */
export function reelectionWatch(
  termEnd: string,
  today: string,
): { watch: ReelectionWatch; daysLeft: number } {
  const daysLeft = daysBetween(today, termEnd);
  if (daysLeft < 0) return { watch: 'ended', daysLeft };
  return { watch: daysLeft <= REELECTION_NOTICE_DAYS ? 'due' : null, daysLeft };
}
