import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from './demands.catalogue.defaults';
import {
  attributeProblems,
  categoryCodeProblems,
  limitInWorkingHours,
  versionProblems,
  workingHoursPerDay,
} from './demands.catalogue.rules';
import type { LimitUnit, ResponsibleKind } from './demands.table';

// Beijing 接诉即办条例 art. 13 (a limit on every work order) and art. 15(1) (first contact, within it).

const terms = (
  handleLimit: number,
  handleUnit: LimitUnit,
  firstContactHours: number,
  defaultParty: ResponsibleKind = 'grid',
  departmentName: string | null = null,
) => ({ handleLimit, handleUnit, firstContactHours, defaultParty, departmentName });
const fields = (p: { field: string; reason: string }[]) => p.map((x) => `${x.field}:${x.reason}`);

describe('workingHoursPerDay', () => {
  it.each([
    [{ start: '09:00', end: '17:00' }, 8],
    [{ start: '08:30', end: '17:30', lunch: { start: '12:00', end: '13:30' } }, 7.5],
    [{ start: '00:00', end: '23:59' }, 23 + 59 / 60],
  ])('%j has %f hours', (hours, expected) => expect(workingHoursPerDay(hours)).toBeCloseTo(expected, 9));
});

describe('limitInWorkingHours', () => {
  it.each([
    [5, 'working_hours', 8, 5],
    [3, 'working_days', 8, 24],
    [2, 'calendar_days', 7.5, 15],
  ] as const)('%i %s at %f h/day is %f hours', (limit, unit, perDay, hours) =>
    expect(limitInWorkingHours(limit, unit, perDay)).toBe(hours),
  );
});

describe('categoryCodeProblems', () => {
  it.each([
    ['sanitation', null, []],
    ['sanitation.garbage', 'sanitation', []],
    ['a', null, []],
    ['Sanitation', null, ['code:pattern']],
    ['1abc', null, ['code:pattern']],
    ['sanitation..x', 'sanitation', ['code:pattern']],
    ['sanitation-garbage', null, ['code:pattern']],
    ['parking.garbage', 'sanitation', ['code:parent_prefix']],
    ['sanitation', 'sanitation', ['code:parent_prefix']],
    ['sanitation.garbage', null, ['parentCode:required']],
    [`a${'b'.repeat(30)}`, null, []],
    [`a${'b'.repeat(31)}`, null, ['code:pattern']],
  ])('%s under %s → %j', (code, parent, expected) =>
    expect(fields(categoryCodeProblems(code, parent))).toEqual(expected),
  );
});

describe('versionProblems (8-hour working day)', () => {
  it.each([
    ['3 working days, first contact 24 h (the boundary)', terms(3, 'working_days', 24), []],
    [
      '3 working days, first contact 25 h',
      terms(3, 'working_days', 25),
      ['firstContactHours:after_handle_limit'],
    ],
    ['2 working hours, first contact 2 h', terms(2, 'working_hours', 2), []],
    [
      '2 working hours, first contact 3 h',
      terms(2, 'working_hours', 3),
      ['firstContactHours:after_handle_limit'],
    ],
    ['first contact 0 h', terms(1, 'working_days', 0), ['firstContactHours:range']],
    ['first contact 1 h, 1 working hour', terms(1, 'working_hours', 1), []],
    ['limit 0', terms(0, 'working_days', 1), ['handleLimit:range']],
    ['limit -1', terms(-1, 'working_hours', 1), ['handleLimit:range']],
    ['250 working days (the most)', terms(250, 'working_days', 24), []],
    ['251 working days', terms(251, 'working_days', 24), ['handleLimit:range']],
    ['365 natural days', terms(365, 'calendar_days', 24), []],
    ['366 natural days', terms(366, 'calendar_days', 24), ['handleLimit:range']],
    ['200 working hours', terms(200, 'working_hours', 24), []],
    ['201 working hours', terms(201, 'working_hours', 24), ['handleLimit:range']],
    ['a fractional limit', terms(1.5, 'working_days', 1), ['handleLimit:range']],
    ['a department unnamed', terms(5, 'working_days', 8, 'department'), ['departmentName:required']],
    ['a department blank', terms(5, 'working_days', 8, 'department', '  '), ['departmentName:required']],
    ['a department named', terms(5, 'working_days', 8, 'department', '城市管理局'), []],
    ['a grid with a stray department name', terms(5, 'working_days', 8, 'grid', '城市管理局'), []],
  ])('%s', (_label, v, expected) => expect(fields(versionProblems(v, 8))).toEqual(expected));

  it('uses the day length it is given: 3 days of 7.5 h hold 22.5 h, not 24', () => {
    expect(fields(versionProblems(terms(3, 'working_days', 23), 7.5))).toEqual([
      'firstContactHours:after_handle_limit',
    ]);
    expect(versionProblems(terms(3, 'working_days', 22), 7.5)).toEqual([]);
  });
});

describe('attributeProblems', () => {
  const attr = (code: string, datatype: 'string' | 'singlevaluelist', keys: string[] = []) => ({
    code,
    datatype,
    required: false,
    description: { zh: code, en: code },
    order: 1,
    values: keys.map((key) => ({ key, name: { zh: key, en: key } })),
  });
  it.each([
    ['one string', [attr('floor', 'string')], []],
    ['a list with values', [attr('trapped', 'singlevaluelist', ['yes', 'no'])], []],
    ['a list without values', [attr('trapped', 'singlevaluelist')], ['attributes.0.values:required']],
    [
      'repeated value keys',
      [attr('t', 'singlevaluelist', ['yes', 'yes'])],
      ['attributes.0.values:duplicate'],
    ],
    ['a repeated code', [attr('floor', 'string'), attr('floor', 'string')], ['attributes.1.code:duplicate']],
  ])('%s', (_label, attributes, expected) => expect(fields(attributeProblems(attributes))).toEqual(expected));
});

describe('the starting catalogue', () => {
  it('passes its own rules with the default 8-hour day', () => {
    for (const c of DEFAULT_CATALOGUE) {
      const v = {
        handleLimit: c.limit,
        handleUnit: c.unit,
        firstContactHours: c.firstContactHours,
        defaultParty: c.party,
        departmentName: c.department ?? null,
        attributes: c.attributes ?? [],
      };
      expect(versionProblems(v, 8), c.code).toEqual([]);
      const parent = c.code.includes('.') ? c.code.slice(0, c.code.lastIndexOf('.')) : null;
      expect(categoryCodeProblems(c.code, parent), c.code).toEqual([]);
      if (parent) expect(DEFAULT_CATALOGUE.some((p) => p.code === parent)).toBe(true);
    }
  });

  it('has about a dozen classes and forty sub-categories, codes unique', () => {
    const top = DEFAULT_CATALOGUE.filter((c) => !c.code.includes('.'));
    expect(top.length).toBeGreaterThanOrEqual(12);
    expect(DEFAULT_CATALOGUE.length - top.length).toBeGreaterThanOrEqual(40);
    expect(new Set(DEFAULT_CATALOGUE.map((c) => c.code)).size).toBe(DEFAULT_CATALOGUE.length);
  });

  it.each([
    ['property.elevator', 'property_company', null],
    ['sanitation.corridor_clutter', 'grid', null],
    ['owners.public_income', 'owners_committee', null],
    ['illegal_building.rooftop', 'department', '城市管理局'],
    ['noise.commercial', 'department', '生态环境局'],
    ['noise.household', 'community', null],
    ['street_order.food_safety', 'department', '市场监督管理局'],
    ['neighbour.dispute', 'community', null],
    ['parking.charging', 'cobuild_unit', null],
  ])('%s goes to %s %s', (code, party, department) => {
    const c = DEFAULT_CATALOGUE.find((x) => x.code === code)!;
    expect(c.party).toBe(party);
    expect(c.party === 'department' ? c.department : null).toBe(department);
  });

  it('counts emergencies in working hours and answers policy questions in one working day', () => {
    for (const code of ['emergency.elevator_trapped', 'utilities.gas_leak'])
      expect(DEFAULT_CATALOGUE.find((c) => c.code === code)?.unit).toBe('working_hours');
    expect(DEFAULT_CATALOGUE.find((c) => c.code === 'consultation')).toMatchObject({
      limit: 1,
      unit: 'working_days',
    });
    const elevator = DEFAULT_CATALOGUE.find((c) => c.code === 'property.elevator')!;
    expect(elevator.attributes?.map((a) => [a.code, a.datatype])).toEqual([
      ['floor', 'string'],
      ['trapped', 'singlevaluelist'],
    ]);
  });
});
