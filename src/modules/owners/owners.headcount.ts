// Who counts as an owner and with what area: SPC interpretation on building units
// (最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释) arts. 8 and 9. Pure rules.
import { add, isZero, type Rational, sum } from '../../lib/rational';
import { ownersVoteErrors } from './owners.errors';
import type { OwnersElectorate } from './owners.vote-tally';

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
