import { describe, expect, it } from 'vitest';
import type { CategoryView } from '../api';
import { buildIntakeBody, categoryPath, categoryTree, placeGiven } from './intake';

const category = (
  code: string,
  parentCode: string | null,
  sortOrder: number,
  active = true,
): CategoryView => ({
  code,
  parentCode,
  name: { zh: `类-${code}`, en: `cat-${code}` },
  eventClass: null,
  sortOrder,
  active,
  version: 1,
  validFrom: '2025-01-01T00:00:00Z',
  handleLimit: 3,
  handleUnit: 'working_days',
  firstContactHours: 2,
  defaultParty: 'grid',
  departmentName: null,
  attributes: [],
});

const catalogue = [
  category('sanitation', null, 2),
  category('property', null, 1),
  category('property.repair', 'property', 2),
  category('property.lift', 'property', 1),
  category('property.old', 'property', 3, false),
  category('orphan.child', 'missing', 9),
];

describe('categoryTree', () => {
  it('nests sub-categories under their parent, in sort order, in the reader’s language', () => {
    const tree = categoryTree(catalogue, 'zh-CN', true);
    expect(tree.map((n) => n.value)).toEqual(['property', 'sanitation', 'orphan.child']);
    expect(tree[0]?.children?.map((n) => n.value)).toEqual(['property.lift', 'property.repair']);
    expect(tree[0]?.label).toBe('类-property');
    expect(tree[1]?.children).toBeUndefined();
    expect(categoryTree(catalogue, 'en', true)[0]?.label).toBe('cat-property');
  });

  it('keeps retired categories for the filter only', () => {
    expect(categoryTree(catalogue, 'zh-CN', false)[0]?.children?.map((n) => n.value)).toContain(
      'property.old',
    );
  });
});

describe('categoryPath', () => {
  it('walks up to the top category', () => {
    expect(categoryPath(catalogue, 'property.repair')).toEqual(['property', 'property.repair']);
    expect(categoryPath(catalogue, 'sanitation')).toEqual(['sanitation']);
    expect(categoryPath(catalogue, 'nope')).toEqual([]);
  });
});

describe('placeGiven', () => {
  it.each([
    [{}, false],
    [{ address: '   ' }, false],
    [{ address: '黄河五路 3 号' }, true],
    [{ areaCode: '371602001' }, true],
    [{ location: { lng: 117.97, lat: 37.38 } }, true],
    [{ location: null }, false],
  ])('%o → %s', (values, given) => {
    expect(placeGiven(values)).toBe(given);
  });
});

describe('buildIntakeBody', () => {
  it('files a hotline call under the last category of the path, trimmed, with empty fields as null', () => {
    expect(
      buildIntakeBody({
        category: ['property', 'property.repair'],
        description: '  楼道灯坏了  ',
        areaCode: '371602001',
        address: '  ',
        reporterName: ' 张三 ',
        reporterPhone: '13800000000',
        photos: ['f'.repeat(64)],
        attributes: { floor: 3, rooms: ['a', 'b'], empty: '', none: null, list: [] },
      }),
    ).toEqual({
      categoryCode: 'property.repair',
      description: '楼道灯坏了',
      channel: 'hotline',
      origin: 'resident',
      location: null,
      areaCode: '371602001',
      address: null,
      reporterName: '张三',
      reporterPhone: '13800000000',
      anonymous: false,
      callbackConsent: true,
      photos: ['f'.repeat(64)],
      attributes: { floor: '3', rooms: ['a', 'b'] },
    });
  });

  it('keeps anonymity, a refused callback and the point', () => {
    const body = buildIntakeBody({
      category: ['sanitation'],
      description: '垃圾',
      location: { lng: 117.9, lat: 37.4 },
      anonymous: true,
      callbackConsent: false,
    });
    expect(body).toMatchObject({
      categoryCode: 'sanitation',
      location: { lng: 117.9, lat: 37.4 },
      areaCode: null,
      anonymous: true,
      callbackConsent: false,
      photos: [],
      attributes: {},
    });
  });
});
