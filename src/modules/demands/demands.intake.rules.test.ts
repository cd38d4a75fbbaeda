import { describe, expect, it } from 'vitest';
import {
  attributeProblems,
  channelProblems,
  isCallbackValid,
  placeProblems,
  type ReporterInput,
  reporterOf,
  summaryOf,
} from './demands.intake.rules';
import type { CategoryAttribute } from './demands.schemas';

const reasons = (problems: { field: string; reason: string }[]) =>
  problems.map((p) => `${p.field}:${p.reason}`);

describe('who may file through which channel', () => {
  it.each([
    // channel, origin, isUser, mayHandle, expected
    ['mobile', 'resident', true, false, []],
    ['mobile', 'resident', false, false, ['channel:needs_user']],
    ['patrol', 'resident', true, true, []],
    ['patrol', 'found', true, true, []],
    ['patrol', 'resident', true, false, ['channel:not_allowed']],
    ['hotline', 'resident', true, true, []],
    ['hotline', 'resident', true, false, ['channel:not_allowed']],
    // Binzhou art. 11: a problem found on patrol comes from a grid worker on patrol only.
    ['hotline', 'found', true, true, ['origin:patrol_only']],
    ['mobile', 'found', true, false, ['origin:patrol_only']],
  ] as const)('%s / %s, user %s, handles %s → %j', (channel, origin, isUser, mayHandle, expected) => {
    expect(reasons(channelProblems({ channel, origin, isUser, mayHandle }))).toEqual(expected);
  });
});

describe('the reporter and a valid callback (Beijing art. 23)', () => {
  const base: ReporterInput = {
    channel: 'mobile',
    origin: 'resident',
    actorUserId: 'u1',
    name: '张三丰',
    phone: '13812345678',
    anonymous: false,
    callbackConsent: true,
  };

  it('on the mobile page the signed-in person is the reporter', () => {
    const r = reporterOf(base);
    expect(r).toMatchObject({ userId: 'u1', name: '张三丰', phone: '13812345678', callbackValid: true });
    expect(r.problems).toEqual([]);
  });

  it('a hotline caller is named and reached by phone, not by the operator’s account', () => {
    expect(reporterOf({ ...base, channel: 'hotline' })).toMatchObject({ userId: null, callbackValid: true });
  });

  it('a hotline caller with no phone cannot be called back', () => {
    expect(reporterOf({ ...base, channel: 'hotline', phone: null }).callbackValid).toBe(false);
  });

  it('a signed-in resident without a phone can still be reached in the app', () => {
    expect(reporterOf({ ...base, phone: '' }).callbackValid).toBe(true);
  });

  it('a problem found on patrol has no reporter and no callback', () => {
    const r = reporterOf({ ...base, channel: 'patrol', origin: 'found' });
    expect(r).toEqual({
      userId: null,
      name: null,
      phone: null,
      anonymous: false,
      callbackValid: false,
      problems: [],
    });
  });

  it('a refused callback is not valid', () => {
    expect(reporterOf({ ...base, callbackConsent: false }).callbackValid).toBe(false);
  });

  it('an anonymous reporter keeps the phone for the callback but not the name', () => {
    expect(reporterOf({ ...base, anonymous: true })).toMatchObject({
      name: null,
      phone: '13812345678',
      anonymous: true,
      callbackValid: true,
    });
  });

  it.each([
    ['+86 138-1234-5678', '13812345678', []],
    ['１３８１２３４５６７８', '13812345678', []],
    ['1381234567', null, ['reporterPhone:bad_format']],
    ['12812345678', null, ['reporterPhone:bad_prefix']],
    ['0543-3160000', null, ['reporterPhone:bad_prefix']],
    ['138 1234 567', null, ['reporterPhone:bad_format']],
  ])('phone %s → %s', (phone, value, problems) => {
    const r = reporterOf({ ...base, phone });
    expect(r.phone).toBe(value);
    expect(reasons(r.problems)).toEqual(problems);
  });

  it.each([
    [true, 'resident', true, true],
    [false, 'resident', true, false],
    [true, 'found', true, false],
    [true, 'resident', false, false],
  ] as const)('consent %s, origin %s, reachable %s → %s', (consent, origin, reachable, expected) => {
    expect(isCallbackValid({ consent, origin, reachable })).toBe(expected);
  });
});

describe('a demand says where it is', () => {
  it.each([
    [false, false, false, ['location:required']],
    [true, false, false, []],
    [false, true, false, []],
    [false, false, true, []],
  ])('location %s, area %s, address %s → %j', (hasLocation, hasAreaCode, hasAddress, expected) => {
    expect(reasons(placeProblems({ hasLocation, hasAreaCode, hasAddress }))).toEqual(expected);
  });
});

describe('the category’s attribute answers', () => {
  const attr = (
    a: Partial<CategoryAttribute> & Pick<CategoryAttribute, 'code' | 'datatype'>,
  ): CategoryAttribute => ({
    required: false,
    description: { zh: a.code, en: a.code },
    order: 1,
    values: [],
    ...a,
  });
  const defs = [
    attr({
      code: 'floor',
      datatype: 'number',
      required: true,
      order: 1,
    }),
    attr({
      code: 'kind',
      datatype: 'singlevaluelist',
      required: true,
      order: 2,
      values: [
        { key: 'lamp', name: { zh: '灯', en: 'Lamp' } },
        { key: 'door', name: { zh: '门', en: 'Door' } },
      ],
    }),
    attr({
      code: 'extra',
      datatype: 'multivaluelist',
      order: 3,
      values: [
        { key: 'a', name: { zh: '甲', en: 'A' } },
        { key: 'b', name: { zh: '乙', en: 'B' } },
      ],
    }),
    attr({ code: 'since', datatype: 'datetime', order: 4 }),
    attr({ code: 'note', datatype: 'text', order: 5 }),
  ];

  it.each([
    [{ floor: '3', kind: 'lamp' }, []],
    [{ floor: '-1', kind: 'door', extra: ['a', 'b'], since: '2026-01-02T08:00:00+08:00', note: '夜里' }, []],
    [{ floor: '3', kind: 'lamp', extra: 'a' }, []],
    [{}, ['attributes.floor:required', 'attributes.kind:required']],
    [{ floor: ' ', kind: 'lamp' }, ['attributes.floor:required']],
    [{ floor: 'three', kind: 'lamp' }, ['attributes.floor:not_number']],
    [{ floor: '3', kind: 'window' }, ['attributes.kind:not_in_list']],
    [{ floor: '3', kind: ['lamp'] }, ['attributes.kind:not_in_list']],
    [{ floor: '3', kind: 'lamp', extra: ['a', 'c'] }, ['attributes.extra:not_in_list']],
    [{ floor: '3', kind: 'lamp', since: 'yesterday' }, ['attributes.since:not_datetime']],
    [{ floor: '3', kind: 'lamp', since: '2026-02-30' }, ['attributes.since:not_datetime']],
    [{ floor: '3', kind: 'lamp', since: '2028-02-29' }, []],
    [{ floor: '3', kind: 'lamp', note: ['x'] }, ['attributes.note:not_text']],
    [{ floor: '3', kind: 'lamp', colour: 'red' }, ['attributes.colour:unknown']],
  ] as [Record<string, string | string[]>, string[]][])('%j → %j', (answers, expected) => {
    expect(reasons(attributeProblems(defs, answers))).toEqual(expected);
  });

  it('a category without attributes refuses any answer', () => {
    expect(reasons(attributeProblems([], { a: 'x' }))).toEqual(['attributes.a:unknown']);
    expect(attributeProblems([], {})).toEqual([]);
  });
});

describe('the summary lists show', () => {
  it.each([
    ['短', '短'],
    ['字'.repeat(120), '字'.repeat(120)],
    ['字'.repeat(121), '字'.repeat(120)],
    [`${'字'.repeat(119)}𠮷𠮷`, `${'字'.repeat(119)}𠮷`],
  ])('keeps the first 120 characters of %#', (text, expected) => {
    expect(summaryOf(text)).toBe(expected);
  });
});
