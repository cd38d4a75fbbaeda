import { describe, expect, it } from 'vitest';
import {
  draftProblems,
  duplicateQuery,
  emptyDraft,
  type IntakeDraft,
  intakeBody,
  isPhoneNumber,
} from './intakeForm';

const filled = (over: Partial<IntakeDraft> = {}): IntakeDraft => ({
  ...emptyDraft('mobile'),
  categoryCode: 'property.repair',
  description: '  3号楼电梯停运两天  ',
  location: [117.97, 37.38],
  ...over,
});

describe('draftProblems', () => {
  it('lists everything missing of an empty form, in the order of the form', () => {
    expect(draftProblems(emptyDraft('mobile'))).toEqual(['category', 'description', 'place']);
  });

  it('takes a typed address instead of a point', () => {
    expect(draftProblems(filled({ location: null, address: '渤海七路 3 号' }))).toEqual([]);
    expect(draftProblems(filled({ location: null, address: '   ' }))).toEqual(['place']);
  });

  it('refuses a blank description', () => {
    expect(draftProblems(filled({ description: ' \n ' }))).toEqual(['description']);
  });

  it.each([
    ['', true],
    ['13812345678', true],
    ['+86 138-1234-5678', true],
    ['0543-3161234', true],
    ['12345', false],
    ['12812345678', false],
  ])('phone %j is accepted: %s', (phone, ok) => {
    expect(draftProblems(filled({ reporterPhone: phone })).includes('phone')).toBe(!ok);
  });

  it('asks a worker filing for a resident for the name, unless anonymous', () => {
    const patrol = { ...emptyDraft('patrol'), categoryCode: 'x', description: 'y', address: 'z' };
    expect(draftProblems(patrol)).toEqual([]);
    expect(draftProblems({ ...patrol, origin: 'resident' })).toEqual(['reporterName']);
    expect(draftProblems({ ...patrol, origin: 'resident', anonymous: true })).toEqual([]);
    expect(draftProblems({ ...patrol, origin: 'resident', reporterName: '王大妈' })).toEqual([]);
  });
});

describe('isPhoneNumber', () => {
  it('takes full-width digits from a Chinese keyboard', () => {
    expect(isPhoneNumber('１３８１２３４５６７８')).toBe(true);
  });
});

describe('duplicateQuery', () => {
  it('needs a category and a point', () => {
    expect(duplicateQuery(filled())).toEqual({ categoryCode: 'property.repair', lng: 117.97, lat: 37.38 });
    expect(duplicateQuery(filled({ location: null, address: 'x' }))).toBeNull();
    expect(duplicateQuery(filled({ categoryCode: null }))).toBeNull();
  });
});

describe('intakeBody', () => {
  it('sends a resident’s demand with trimmed text and no blank fields', () => {
    expect(intakeBody(filled({ reporterPhone: ' 13812345678 ', photos: ['a'.repeat(64)] }))).toEqual({
      categoryCode: 'property.repair',
      description: '3号楼电梯停运两天',
      channel: 'mobile',
      origin: 'resident',
      location: { lng: 117.97, lat: 37.38 },
      address: null,
      reporterName: null,
      reporterPhone: '13812345678',
      anonymous: false,
      callbackConsent: true,
      photos: ['a'.repeat(64)],
      attributes: {},
    });
  });

  it('sends a problem found on patrol without a reporter or callback', () => {
    const body = intakeBody({
      ...emptyDraft('patrol'),
      categoryCode: 'sanitation.garbage',
      description: '垃圾满溢',
      reporterPhone: '13812345678',
      address: '西门',
    });
    expect(body).toMatchObject({
      channel: 'patrol',
      origin: 'found',
      reporterName: null,
      reporterPhone: null,
      anonymous: false,
      callbackConsent: false,
      location: null,
      address: '西门',
    });
  });

  it('sends the resident a worker files for', () => {
    const body = intakeBody({
      ...emptyDraft('patrol'),
      origin: 'resident',
      categoryCode: 'x',
      description: 'y',
      reporterName: ' 王大妈 ',
      reporterPhone: '13812345678',
    });
    expect(body).toMatchObject({
      origin: 'resident',
      reporterName: '王大妈',
      reporterPhone: '13812345678',
      callbackConsent: true,
    });
  });
});

describe('the category’s questions', () => {
  const trapped = {
    code: 'trapped',
    datatype: 'singlevaluelist' as const,
    required: true,
    description: { zh: '是否有人被困', en: 'Is anyone trapped?' },
    order: 2,
    values: [
      { key: 'yes', name: { zh: '是', en: 'Yes' } },
      { key: 'no', name: { zh: '否', en: 'No' } },
    ],
  };
  const floor = {
    ...trapped,
    code: 'floor',
    datatype: 'string' as const,
    required: false,
    order: 1,
    values: [],
  };

  it('needs the required answers', () => {
    expect(draftProblems(filled(), [floor, trapped])).toEqual(['attributes']);
    expect(draftProblems(filled({ attributes: { trapped: 'no' } }), [floor, trapped])).toEqual([]);
  });

  it('sends only this category’s answers, trimmed, without blanks', () => {
    const body = intakeBody(filled({ attributes: { trapped: 'yes', floor: ' 12 ', old: 'x' } }), [
      floor,
      trapped,
    ]);
    expect(body.attributes).toEqual({ trapped: 'yes', floor: '12' });
    expect(intakeBody(filled({ attributes: { floor: '  ' } }), [floor]).attributes).toEqual({});
  });
});
