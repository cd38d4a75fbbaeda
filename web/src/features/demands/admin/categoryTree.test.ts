import { describe, expect, it } from 'vitest';
import type { CategoryView } from './api';
import {
  buildCategoryTree,
  filterCategoryTree,
  suggestSubCode,
  textToValues,
  valuesToText,
} from './categoryTree';

const cat = (code: string, sortOrder: number, zh = code): CategoryView => ({
  code,
  parentCode: code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null,
  name: { zh, en: code },
  eventClass: null,
  sortOrder,
  active: true,
  version: 1,
  validFrom: '2024-01-01T00:00:00.000Z',
  handleLimit: 3,
  handleUnit: 'working_days',
  firstContactHours: 8,
  defaultParty: 'grid',
  departmentName: null,
  attributes: [],
});

describe('buildCategoryTree', () => {
  it('puts sub-categories under their parents in sort order', () => {
    const tree = buildCategoryTree([
      cat('b.y', 40),
      cat('a', 10),
      cat('b', 30),
      cat('b.x', 35),
      cat('a.z', 20),
    ]);
    expect(tree.map((n) => [n.code, n.children?.map((c) => c.code)])).toEqual([
      ['a', ['a.z']],
      ['b', ['b.x', 'b.y']],
    ]);
  });
  it('keeps an orphan at the top', () => {
    expect(buildCategoryTree([cat('lost.child', 1)]).map((n) => n.code)).toEqual(['lost.child']);
  });
});

describe('filterCategoryTree', () => {
  const tree = buildCategoryTree([
    cat('noise', 1, '噪声扰民'),
    cat('noise.household', 2, '生活噪声'),
    cat('parking', 3, '停车'),
  ]);
  it('keeps the parent of a matching child, only with the matching children', () => {
    const found = filterCategoryTree(tree, '生活');
    expect(found.map((n) => [n.code, n.children?.map((c) => c.code)])).toEqual([
      ['noise', ['noise.household']],
    ]);
  });
  it('keeps everything for empty text', () => expect(filterCategoryTree(tree, ' ')).toHaveLength(2));
});

describe('suggestSubCode', () => {
  it('takes the first free number', () => expect(suggestSubCode('pets', ['pets.item1'])).toBe('pets.item2'));
});

describe('values as text', () => {
  it('round-trips and fills missing names', () => {
    const values = [
      { key: 'yes', name: { zh: '是', en: 'Yes' } },
      { key: 'no', name: { zh: '否', en: 'No' } },
    ];
    expect(textToValues(valuesToText(values))).toEqual(values);
    expect(textToValues('a\n\n b|乙 \n')).toEqual([
      { key: 'a', name: { zh: 'a', en: 'a' } },
      { key: 'b', name: { zh: '乙', en: '乙' } },
    ]);
  });
});
