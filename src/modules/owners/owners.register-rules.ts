// What a unit and an owner of the register must satisfy beyond their shape. Pure; used by the
// forms and by the Excel import, which names every problem of every row.

import type { Bilingual, FieldProblem } from '../../server/errors';
import type { OWNER_KINDS } from './owners.table';

export interface UnitFields {
  registeredArea?: string | null | undefined;
  surveyedArea?: string | null | undefined;
  contractArea?: string | null | undefined;
  deliveredOn?: string | null | undefined;
  developerUnsold: boolean;
  ownerIds: readonly string[];
}

const problem = (field: string, reason: string, message: Bilingual): FieldProblem => ({
  field,
  in: 'body',
  reason,
  message,
});

/** Problems of a unit: `fields` names the columns as the caller knows them (body keys or sheet headers). */
export function unitProblems(
  unit: UnitFields,
  today: string,
  fields: Record<'area' | 'deliveredOn' | 'owners', string> = {
    area: 'registeredArea',
    deliveredOn: 'deliveredOn',
    owners: 'owners',
  },
): FieldProblem[] {
  const out: FieldProblem[] = [];
  // SPC interpretation art. 8: the register, survey or contract area — one of them must be known.
  if (!unit.registeredArea && !unit.surveyedArea && !unit.contractArea)
    out.push(
      problem(fields.area, 'area_missing', {
        zh: '登记面积、实测面积、合同面积至少填写一项',
        en: 'give the registered, surveyed or contract area',
      }),
    );
  if (unit.deliveredOn && unit.deliveredOn > today)
    out.push(
      problem(fields.deliveredOn, 'future_date', {
        zh: '交付日期不能晚于今天',
        en: 'the delivery date is in the future',
      }),
    );
  if (unit.developerUnsold && unit.deliveredOn)
    out.push(
      problem(fields.deliveredOn, 'developer_unit_delivered', {
        zh: '建设单位未售（未交付）的专有部分不应有交付日期',
        en: "a developer's unsold (undelivered) unit has no delivery date",
      }),
    );
  if (unit.deliveredOn && unit.ownerIds.length === 0)
    out.push(
      problem(fields.owners, 'delivered_without_owner', {
        zh: '已交付的专有部分须登记业主',
        en: 'a delivered unit needs its owner',
      }),
    );
  if (new Set(unit.ownerIds).size !== unit.ownerIds.length)
    out.push(
      problem(fields.owners, 'duplicate_owner', { zh: '同一业主重复登记', en: 'an owner is listed twice' }),
    );
  return out;
}

/** Only a natural person has an ID number; an organisation or the developer is named, not numbered. */
export function ownerProblems(
  owner: { kind: (typeof OWNER_KINDS)[number]; idNumber?: string | null | undefined },
  field = 'idNumber',
): FieldProblem[] {
  if (owner.kind !== 'person' && owner.idNumber)
    return [
      problem(field, 'id_number_for_organisation', {
        zh: '单位或建设单位不填写身份证号',
        en: 'an organisation or the developer has no ID number',
      }),
    ];
  return [];
}
