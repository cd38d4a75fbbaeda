import type { WorkingHours } from '../../lib/working-calendar';
import { type FieldProblem, fieldProblem } from '../../server/errors';
import type { CategoryAttribute } from './demands.schemas';
import type { LimitUnit, ResponsibleKind } from './demands.table';

// What makes a catalogue entry valid. The work order must state a handling limit (Beijing 接诉即办
// 条例 art. 13: 派单…应当在诉求工单上注明办理时限), and the handler must contact the resident first
// (art. 15(1): 及时联系诉求人) — so the first-contact limit is at least one working hour and never
// later than the handling limit itself. A category routed to a department (职能部门) names which one,
// since a department is not found from the place alone (art. 16: 街乡吹哨、部门报到).

/** The city root scope: the catalogue, calendar and settings belong to it (city admins change them). */
export const CITY_SCOPE = '3716';

/** `sanitation`, `sanitation.garbage`: lower-case words joined by dots, a sub-category under its parent. */
export const CATEGORY_CODE_PATTERN = /^[a-z][a-z0-9_]{0,30}(\.[a-z][a-z0-9_]{0,30})*$/;
export const CATEGORY_CODE_MAX = 64;
/** The longest limits the catalogue accepts: a year of working days, a month of working hours. */
export const MAX_LIMIT: Record<LimitUnit, number> = {
  working_hours: 200,
  working_days: 250,
  calendar_days: 365,
};

/** Working hours in one working day, lunch break excluded (8 for the default 09:00–17:00). */
export function workingHoursPerDay(hours: WorkingHours): number {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const lunch = hours.lunch ? minutes(hours.lunch.end) - minutes(hours.lunch.start) : 0;
  return (minutes(hours.end) - minutes(hours.start) - lunch) / 60;
}

/**
 * The handling limit in working hours, nominally, to compare with the first-contact limit: a working
 * day is a full day of working hours, and so is a natural day (its deadline is the end of a working
 * day too, see addCalendarDays; the comparison is a sanity bound, not a deadline).
 */
export function limitInWorkingHours(limit: number, unit: LimitUnit, hoursPerDay: number): number {
  return unit === 'working_hours' ? limit : limit * hoursPerDay;
}

/** Problems with a category code and its parent (the parent's existence is the service's check). */
export function categoryCodeProblems(code: string, parentCode: string | null | undefined): FieldProblem[] {
  if (code.length > CATEGORY_CODE_MAX || !CATEGORY_CODE_PATTERN.test(code))
    return [
      fieldProblem('code', 'pattern', {
        zh: '类别编码只能由小写字母、数字和下划线组成，子类别以“上级编码.”开头',
        en: 'A code is lower-case letters, digits and underscores; a sub-category starts with "parent."',
      }),
    ];
  if (parentCode && !code.startsWith(`${parentCode}.`))
    return [
      fieldProblem('code', 'parent_prefix', {
        zh: `子类别编码须以“${parentCode}.”开头`,
        en: `A sub-category's code must start with "${parentCode}."`,
      }),
    ];
  if (!parentCode && code.includes('.'))
    return [
      fieldProblem('parentCode', 'required', {
        zh: '带“.”的编码是子类别，须指定上级类别',
        en: 'A code with a dot is a sub-category: name its parent',
      }),
    ];
  return [];
}

export interface VersionTerms {
  handleLimit: number;
  handleUnit: LimitUnit;
  firstContactHours: number;
  defaultParty: ResponsibleKind;
  departmentName?: string | null | undefined;
  attributes?: readonly CategoryAttribute[] | undefined;
}

/** Problems with a version's limits, routing and attributes; `hoursPerDay` from the working hours. */
export function versionProblems(v: VersionTerms, hoursPerDay: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const max = MAX_LIMIT[v.handleUnit];
  if (!Number.isInteger(v.handleLimit) || v.handleLimit < 1 || v.handleLimit > max)
    problems.push(
      fieldProblem('handleLimit', 'range', {
        zh: `办理时限须为 1 到 ${max} 之间的整数`,
        en: `The handling limit must be a whole number from 1 to ${max}`,
      }),
    );
  const limitHours = limitInWorkingHours(v.handleLimit, v.handleUnit, hoursPerDay);
  if (!Number.isInteger(v.firstContactHours) || v.firstContactHours < 1)
    problems.push(
      fieldProblem('firstContactHours', 'range', {
        zh: '首次联系时限须为至少 1 个工作小时的整数',
        en: 'The first-contact limit must be a whole number of at least 1 working hour',
      }),
    );
  else if (problems.length === 0 && v.firstContactHours > limitHours)
    problems.push(
      fieldProblem('firstContactHours', 'after_handle_limit', {
        zh: `首次联系时限不能长于办理时限（${limitHours} 个工作小时）`,
        en: `The first-contact limit cannot be longer than the handling limit (${limitHours} working hours)`,
      }),
    );
  const department = v.departmentName?.trim() ?? '';
  if (v.defaultParty === 'department' && department === '')
    problems.push(
      fieldProblem('departmentName', 'required', {
        zh: '默认责任方为职能部门时须填写部门名称',
        en: 'Name the department when the default party is a department',
      }),
    );
  problems.push(...attributeProblems(v.attributes ?? []));
  return problems;
}

/** Attribute codes are unique; list attributes offer at least one value, with unique keys. */
export function attributeProblems(attributes: readonly CategoryAttribute[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  attributes.forEach((a, i) => {
    if (seen.has(a.code))
      problems.push(
        fieldProblem(`attributes.${i}.code`, 'duplicate', {
          zh: `附加信息编码“${a.code}”重复`,
          en: `The attribute code "${a.code}" is used twice`,
        }),
      );
    seen.add(a.code);
    const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
    const keys = a.values.map((v) => v.key);
    if (isList && keys.length === 0)
      problems.push(
        fieldProblem(`attributes.${i}.values`, 'required', {
          zh: '选项类附加信息须至少有一个选项',
          en: 'A list attribute needs at least one value',
        }),
      );
    else if (new Set(keys).size !== keys.length)
      problems.push(
        fieldProblem(`attributes.${i}.values`, 'duplicate', {
          zh: '选项键值不能重复',
          en: 'Value keys must be unique',
        }),
      );
  });
  return problems;
}
