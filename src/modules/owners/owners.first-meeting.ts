// When the first owners' meeting is due: Shandong Property Management Regulations
// (山东省物业管理条例) art. 20. Pure rules.
import { compare, div, isZero, type Rational, rational } from '../../lib/rational';
import { ownersVoteErrors } from './owners.errors';

const ONE_HALF = rational(1, 2);

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
