import { describe, expect, it } from 'vitest';
import { chooseResponsible, type PlaceFacts } from './demands.routing';
import type { ResponsibleKind } from './demands.table';

const street = { code: '371602001', name: '甲街道' };
const community = { code: '371602001001', name: '甲一社区' };
const grid = { code: '371602001001001', name: '第一网格' };
const compound = { code: '371602001001001001', name: '幸福小区' };
const propertyCompany = { id: 'pc-1', name: '滨州安居物业服务有限公司' };
const ownersCommittee = { id: 'oc-1', name: '幸福小区业主委员会' };
const department = { id: 'dep-1', name: '滨城区城市管理局' };
const cobuildUnit = { id: 'cb-1', name: '滨州市第一中学' };

const full: PlaceFacts = {
  grid,
  compound,
  community,
  street,
  propertyCompany,
  ownersCommittee,
  department,
  cobuildUnit,
};
/** A place with only its areas: no compound units, no department known. */
const areasOnly: PlaceFacts = { grid, community, street };
/** A place known only to its street (an Open311 point outside every community). */
const streetOnly: PlaceFacts = { street };

const r = (kind: ResponsibleKind, ref: string, name: string) => ({ kind, ref, name });

describe('chooseResponsible', () => {
  it.each<[ResponsibleKind, PlaceFacts, string, ReturnType<typeof r> | null]>([
    // The default party present at the place.
    ['grid', full, 'present', r('grid', grid.code, grid.name)],
    ['property_company', full, 'present', r('property_company', 'pc-1', propertyCompany.name)],
    ['owners_committee', full, 'present', r('owners_committee', 'oc-1', ownersCommittee.name)],
    ['community', full, 'present', r('community', community.code, community.name)],
    ['street', full, 'present', r('street', street.code, street.name)],
    ['cobuild_unit', full, 'present', r('cobuild_unit', 'cb-1', cobuildUnit.name)],
    ['department', full, 'present', r('department', 'dep-1', department.name)],
    // Absent: one level up.
    ['grid', { community, street }, 'no grid → community', r('community', community.code, community.name)],
    ['property_company', areasOnly, 'no company → community', r('community', community.code, community.name)],
    [
      'owners_committee',
      areasOnly,
      'no committee → community',
      r('community', community.code, community.name),
    ],
    ['cobuild_unit', areasOnly, 'no unit → community', r('community', community.code, community.name)],
    ['community', streetOnly, 'no community → street', r('street', street.code, street.name)],
    ['department', areasOnly, 'no department → street', r('street', street.code, street.name)],
    // Two levels up when the community is missing too.
    [
      'property_company',
      streetOnly,
      'no company, no community → street',
      r('street', street.code, street.name),
    ],
    ['grid', streetOnly, 'no grid, no community → street', r('street', street.code, street.name)],
    // Nowhere to go.
    ['street', {}, 'no street', null],
    ['department', {}, 'nothing known', null],
    ['grid', {}, 'nothing known', null],
  ])('%s at a place with %s', (party, facts, _label, expected) => {
    expect(chooseResponsible(party, facts)).toEqual(expected);
  });

  it('never goes down: a community default ignores the grid and units present', () => {
    expect(chooseResponsible('community', { ...full, community: undefined })).toEqual(
      r('street', street.code, street.name),
    );
  });
});
