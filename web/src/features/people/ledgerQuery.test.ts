import { describe, expect, it } from 'vitest';
import { parseTalentFilters, talentFilterParams, talentQuery } from './ledgerQuery';

describe('talent ledger filters in the URL', () => {
  it('a filtered ledger survives a round trip through its URL', () => {
    const filters = { areaCode: '371602001', skill: 'law' as const, name: '王' };
    expect(parseTalentFilters(talentFilterParams(filters))).toEqual(filters);
  });

  it('empty and blank values are no filter, and unknown parameters are ignored', () => {
    expect(
      parseTalentFilters(new URLSearchParams('skill=&name=%20%20&page=3&category=retired_cadre')),
    ).toEqual({
      category: 'retired_cadre',
    });
    expect(talentQuery({ areaCode: '', willingness: 'willing' })).toEqual({ willingness: 'willing' });
  });

  it('parameters come in one order whatever order the filters were set in', () => {
    expect(talentFilterParams({ name: '李', areaCode: '3716' }).toString()).toBe(
      `areaCode=3716&name=${encodeURIComponent('李')}`,
    );
  });
});
