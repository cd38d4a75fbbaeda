import { describe, expect, it } from 'vitest';
import type { Actor } from '../iam/index';
import {
  maskedReporterName,
  maskedReporterPhone,
  mayRevealReporter,
  type ReporterFields,
  reporterView,
} from './demands.privacy';

// PIPL art. 6 (最小必要): masks for everyone, plaintext for the reporter, nothing for anonymous
// demands, and the full phone only for those who must call back.

const decrypt = (s: string) => s.replace(/^enc:/, '');
const named: ReporterFields = {
  origin: 'resident',
  anonymous: 0,
  reporterUserId: 'u-reporter',
  reporterNameEnc: 'enc:张三丰',
  reporterNameMasked: '张*丰',
  reporterPhoneEnc: 'enc:13812345678',
  reporterPhoneMasked: '138****5678',
};
const anonymous: ReporterFields = { ...named, anonymous: 1, reporterNameEnc: null, reporterNameMasked: null };
const found: ReporterFields = {
  origin: 'found',
  anonymous: 0,
  reporterUserId: null,
  reporterNameEnc: null,
  reporterNameMasked: null,
  reporterPhoneEnc: null,
  reporterPhoneMasked: null,
};

describe('what a viewer sees of the reporter', () => {
  it.each([
    [
      'an official sees the masks',
      named,
      false,
      { name: '张*丰', phone: '138****5678', anonymous: false, masked: true },
    ],
    [
      'the reporter sees their own plaintext',
      named,
      true,
      { name: '张三丰', phone: '13812345678', anonymous: false, masked: false },
    ],
    [
      'an official sees nothing of an anonymous reporter',
      anonymous,
      false,
      { name: null, phone: null, anonymous: true, masked: true },
    ],
    [
      'an anonymous reporter still sees their own phone',
      anonymous,
      true,
      { name: null, phone: '13812345678', anonymous: true, masked: false },
    ],
  ] as const)('%s', (_label, d, isReporter, expected) => {
    expect(reporterView(d, { isReporter }, decrypt)).toEqual(expected);
  });

  it('a problem found on patrol has no reporter at all', () => {
    expect(reporterView(found, { isReporter: false }, decrypt)).toBeNull();
  });

  it('lists and exports show the masks, and nothing for anonymous demands', () => {
    expect([maskedReporterName(named), maskedReporterPhone(named)]).toEqual(['张*丰', '138****5678']);
    expect([maskedReporterName(anonymous), maskedReporterPhone(anonymous)]).toEqual([null, null]);
  });
});

const PLACE = '3716/371602/371602001/371602001001/371602001001001/37160200100100101';
const actor = (id: string, ...assignments: [string, string][]): Actor => ({
  kind: 'user',
  id,
  label: id,
  assignments: assignments.map(([role, scopePath]) => ({ role, scopePath })),
  requestId: null,
  ip: null,
});
const dispatchedToGrid = {
  path: PLACE,
  anonymous: 0,
  handlerUserId: null,
  responsibleKind: 'grid' as const,
  responsibleRef: '371602001001001',
};

describe('who may reveal the reporter’s full phone', () => {
  it.each([
    [
      'the street official (demands.manage there)',
      actor('s', ['street_official', '3716/371602/371602001']),
      dispatchedToGrid,
      'allowed',
    ],
    [
      'the grid worker of the responsible grid',
      actor('g', ['grid_worker', '3716/371602/371602001/371602001001/371602001001001']),
      dispatchedToGrid,
      'allowed',
    ],
    [
      'a grid worker whose scope covers the place but who is not the grid (a community-wide worker)',
      actor('g2', ['grid_worker', '3716/371602/371602001/371602001001']),
      dispatchedToGrid,
      'forbidden',
    ],
    [
      'the assigned handler',
      actor('h', ['property_staff', PLACE]),
      { ...dispatchedToGrid, handlerUserId: 'h' },
      'allowed',
    ],
    [
      'property staff when the grid is responsible',
      actor('p', ['property_staff', PLACE]),
      dispatchedToGrid,
      'forbidden',
    ],
    [
      'property staff when their company is responsible',
      actor('p', ['property_staff', PLACE]),
      { ...dispatchedToGrid, responsibleKind: 'property_company' as const, responsibleRef: 'unit-1' },
      'allowed',
    ],
    [
      'a street official of another street',
      actor('b', ['street_official', '3716/371602/371602002']),
      dispatchedToGrid,
      'forbidden',
    ],
    [
      'an owners’ committee member (no demands.handle)',
      actor('c', ['owners_committee', PLACE]),
      dispatchedToGrid,
      'forbidden',
    ],
    ['an auditor (reads only)', actor('a', ['auditor', '3716']), dispatchedToGrid, 'forbidden'],
    ['a resident', actor('r', ['resident', '3716']), dispatchedToGrid, 'forbidden'],
    [
      'a manager, for an anonymous demand',
      actor('s', ['street_official', '3716/371602/371602001']),
      { ...dispatchedToGrid, anonymous: 1 },
      'anonymous',
    ],
    [
      'the handler, for an anonymous demand',
      actor('h', ['grid_worker', PLACE]),
      { ...dispatchedToGrid, anonymous: 1, handlerUserId: 'h' },
      'anonymous',
    ],
  ] as const)('%s → %s', (_label, who, d, expected) => {
    expect(mayRevealReporter(who, d)).toBe(expected);
  });

  it('an API token never reveals', () => {
    const token: Actor = { ...actor('t', ['city_admin', '3716']), kind: 'token' };
    expect(mayRevealReporter(token, dispatchedToGrid)).toBe('forbidden');
  });
});
