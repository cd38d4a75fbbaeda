// The figures of a compound's owners' register: total exclusive area, headcount, delivery and the
// first-meeting trigger. Pure: built on owners.headcount.ts (SPC interpretation arts. 8–9) and
// owners.first-meeting.ts (山东省物业管理条例 art. 20).

import { fromDecimalString, type Rational, sum, ZERO } from '../../lib/rational';
import { type FirstMeetingCheck, firstMeetingTriggered } from './owners.first-meeting';
import { countOwnersHeadcount, exclusiveArea } from './owners.headcount';

export interface RegisterUnit {
  id: string;
  registeredArea: string | null;
  surveyedArea: string | null;
  contractArea: string | null;
  deliveredOn: string | null;
  developerUnsold: boolean;
  ownerIds: readonly string[];
}

export interface RegisterFigures {
  units: number;
  totalArea: Rational;
  /** Owners as SPC art. 9 counts them for a vote. */
  headcount: number;
  deliveredUnits: number;
  deliveredArea: Rational;
  firstDeliveryOn: string | null;
  /** Null for an empty register: there is nothing to measure delivery against. */
  trigger: FirstMeetingCheck | null;
  /** The first day on which the trigger held, when it holds today. */
  triggeredSince: string | null;
}

const decimal = (value: string | null) => (value === null ? null : fromDecimalString(value));

/** SPC interpretation art. 8: register area, else surveyed, else contract area. */
export function unitArea(unit: Pick<RegisterUnit, 'registeredArea' | 'surveyedArea' | 'contractArea'>) {
  return exclusiveArea({
    registered: decimal(unit.registeredArea),
    surveyed: decimal(unit.surveyedArea),
    contract: decimal(unit.contractArea),
  });
}

/** Handed over to its owner by `day`: a delivery date on or before it, not the developer's unit. */
export function deliveredBy(unit: RegisterUnit, day: string): boolean {
  return (
    !unit.developerUnsold && unit.ownerIds.length > 0 && unit.deliveredOn !== null && unit.deliveredOn <= day
  );
}

/**
 * The register's figures on `today`.
 * - Headcount (SPC art. 9): the developer's unsold units and units sold but not yet delivered count
 *   together as one person, so an undelivered unit is counted with the developer.
 * - Art. 20's "已交付的业主人数的比例" is taken one exclusive part one person (art. 9's first clause):
 *   delivered units over all units. Art. 9's developer-as-one proviso serves votes; applied here it
 *   would make ten delivered flats out of a hundred read as ten owners out of eleven.
 */
export function registerFigures(units: readonly RegisterUnit[], today: string): RegisterFigures {
  const areas = new Map(units.map((u) => [u.id, unitArea(u)]));
  const head = countOwnersHeadcount(
    units.map((u) => ({
      unitId: u.id,
      ownerIds: u.ownerIds,
      developerUnsold: !deliveredBy(u, today),
      area: areas.get(u.id)!,
    })),
  );
  const at = (day: string) => {
    const delivered = units.filter((u) => deliveredBy(u, day));
    return { count: delivered.length, area: sum(delivered.map((u) => areas.get(u.id)!)) };
  };
  const now = at(today);
  const dates = [...new Set(units.filter((u) => deliveredBy(u, today)).map((u) => u.deliveredOn!))].sort();
  const firstDeliveryOn = dates[0] ?? null;
  const base = {
    units: units.length,
    totalArea: head.totalArea,
    headcount: head.totalHeadcount,
    deliveredUnits: now.count,
    deliveredArea: now.area,
    firstDeliveryOn,
  };
  if (units.length === 0) return { ...base, totalArea: ZERO, trigger: null, triggeredSince: null };
  const check = (day: string) => {
    const d = at(day);
    return firstMeetingTriggered({
      totalArea: head.totalArea,
      deliveredArea: d.area,
      totalUnits: units.length,
      deliveredUnits: d.count,
      firstDeliveryDate: firstDeliveryOn,
      today: day,
    });
  };
  const trigger = check(today);
  return {
    ...base,
    trigger,
    triggeredSince: trigger.triggered ? firstTriggeredDay(dates, trigger, check) : null,
  };
}

/**
 * The trigger can only switch on on a delivery day or the day two years since the first delivery
 * are complete (art. 20(3)); the earliest of those on which it holds.
 */
function firstTriggeredDay(
  deliveryDates: string[],
  today: FirstMeetingCheck,
  check: (day: string) => FirstMeetingCheck,
): string | null {
  const candidates = [...deliveryDates];
  if (today.twoYearsCompleteFrom) candidates.push(today.twoYearsCompleteFrom);
  for (const day of [...new Set(candidates)].sort()) if (check(day).triggered) return day;
  return null;
}
