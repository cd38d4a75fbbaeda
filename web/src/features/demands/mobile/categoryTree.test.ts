import { describe, expect, it } from 'vitest';
import type { CategoryView } from '../api';
import { categoryLabel, categoryOptions, chosenLeaf } from './categoryTree';

const category = (
  code: string,
  parentCode: string | null,
  zh: string,
  sortOrder = 0,
  active = true,
): CategoryView => ({
  code,
  parentCode,
  name: { zh, en: code },
  eventClass: null,
  sortOrder,
  active,
  version: 1,
  validFrom: '2025-01-01T00:00:00Z',
  handleLimit: 5,
  handleUnit: 'working_days',
  firstContactHours: 2,
  defaultParty: 'community',
  departmentName: null,
  attributes: [],
});

const CATALOGUE = [
  category('property', null, '物业服务', 2),
  category('property.repair', 'property', '物业维修', 1),
  category('property.fee', 'property', '物业收费', 2),
  category('property.old', 'property', '已停用', 3, false),
  category('noise', null, '噪声扰民', 1),
  category('retired', null, '停用大类', 0, false),
];

describe('categoryOptions', () => {
  it('builds two levels in catalogue order, active only', () => {
    expect(categoryOptions(CATALOGUE, 'zh-CN')).toEqual([
      { label: '噪声扰民', value: 'noise' },
      {
        label: '物业服务',
        value: 'property',
        children: [
          { label: '物业维修', value: 'property.repair' },
          { label: '物业收费', value: 'property.fee' },
        ],
      },
    ]);
  });

  it('speaks English when asked', () => {
    expect(categoryOptions(CATALOGUE, 'en')[0]?.label).toBe('noise');
  });
});

describe('chosenLeaf', () => {
  const options = categoryOptions(CATALOGUE, 'zh-CN');
  it.each([
    [['property', 'property.repair'], 'property.repair'],
    [['noise'], 'noise'],
    [['property'], null],
    [['property', null], null],
    [[], null],
    [['nothing'], null],
  ] as const)('%j → %s', (values, leaf) => {
    expect(chosenLeaf(options, values)).toBe(leaf);
  });
});

describe('categoryLabel', () => {
  it('names the parent and the child', () => {
    expect(categoryLabel(CATALOGUE, 'property.repair', 'zh-CN')).toBe('物业服务 / 物业维修');
    expect(categoryLabel(CATALOGUE, 'noise', 'zh-CN')).toBe('噪声扰民');
    expect(categoryLabel(CATALOGUE, 'unknown', 'zh-CN')).toBe('unknown');
  });
});
