// The electorate of an owners' meeting vote, frozen when the vote opens: who votes and with what
// area, read from the compound's register. Pure: no I/O.
import { fromDecimalString, type Rational, toDecimalString } from '../../lib/rational';
import { ownersErrors } from './owners.errors';
import { countOwnersHeadcount, exclusiveArea, type OwnersUnit } from './owners.headcount';

export interface RegisterUnit {
  id: string;
  label: string;
  registeredArea: string | null;
  surveyedArea: string | null;
  contractArea: string | null;
  deliveredOn: string | null;
  developerUnsold: number;
}

export interface RegisterOwner {
  id: string;
  name: string;
}

export interface Elector {
  /** countOwnersHeadcount's key: 'developer' or the JSON array of the sorted owner ids. */
  voterKey: string;
  area: Rational;
  ownerIds: string[];
  unitIds: string[];
  /** Who this is, for the code list and the paper-entry form: owner names and unit labels. */
  label: string;
}

export interface FrozenElectorate {
  electors: Elector[];
  totalArea: Rational;
  totalHeadcount: number;
}

/**
 * An exact area as a decimal string: four decimals (the register's precision), more when the
 * value needs them. Areas come from decimal strings, so their sums always end.
 */
export function areaText(area: Rational): string {
  for (let digits = 4; digits <= 12; digits++) {
    const text = toDecimalString(area, digits);
    const back = fromDecimalString(text);
    if (back.num === area.num && back.den === area.den) return text;
  }
  throw new RangeError('an area must be a terminating decimal');
}

const MAX_UNITS_IN_LABEL = 3;

function labelOf(names: string[], units: string[], developer: boolean): string {
  const shown = units.slice(0, MAX_UNITS_IN_LABEL).join('、');
  const more = units.length > MAX_UNITS_IN_LABEL ? `等${units.length}套` : '';
  const who = developer ? '建设单位（未售或未交付部分）' : names.join('、');
  return `${who}：${shown}${more}`;
}

/**
 * Counts the compound's voters under SPC interpretation art. 9 with each one's area under
 * art. 8 (register, else surveyed, else contract area). A unit the developer has not sold, or
 * has sold but not yet delivered (`delivered_on` after `today`), belongs to the developer's one
 * vote (art. 9: 建设单位尚未出售和虽已出售但尚未交付的部分…按一人计算) while its area still counts.
 * Throws `owners.invalid_units` naming the unit that has no area or no owner.
 */
export function freezeElectorate({
  units,
  ownerships,
  owners,
  today,
}: {
  units: readonly RegisterUnit[];
  ownerships: readonly { unitId: string; ownerId: string }[];
  owners: readonly RegisterOwner[];
  today: string;
}): FrozenElectorate {
  const ownersOf = new Map<string, string[]>();
  for (const o of ownerships) ownersOf.set(o.unitId, [...(ownersOf.get(o.unitId) ?? []), o.ownerId]);
  const nameOf = new Map(owners.map((o) => [o.id, o.name]));
  const labelOfUnit = new Map(units.map((u) => [u.id, u.label]));

  const counted: OwnersUnit[] = units.map((unit) => {
    let area: Rational;
    try {
      area = exclusiveArea({
        registered: unit.registeredArea ? fromDecimalString(unit.registeredArea) : null,
        surveyed: unit.surveyedArea ? fromDecimalString(unit.surveyedArea) : null,
        contract: unit.contractArea ? fromDecimalString(unit.contractArea) : null,
      });
    } catch {
      throw ownersErrors.invalidUnits('area_missing', unit.id);
    }
    const undelivered = unit.deliveredOn !== null && unit.deliveredOn > today;
    return {
      unitId: unit.id,
      ownerIds: ownersOf.get(unit.id) ?? [],
      developerUnsold: unit.developerUnsold === 1 || undelivered,
      area,
    };
  });
  const headcount = countOwnersHeadcount(counted);
  return {
    totalArea: headcount.totalArea,
    totalHeadcount: headcount.totalHeadcount,
    electors: headcount.owners.map((o) => ({
      voterKey: o.voterKey,
      area: o.area,
      ownerIds: o.ownerIds,
      unitIds: o.unitIds,
      label: labelOf(
        o.ownerIds.map((id) => nameOf.get(id) ?? id),
        o.unitIds.map((id) => labelOfUnit.get(id) ?? id),
        o.developer,
      ),
    })),
  };
}
