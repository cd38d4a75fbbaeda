import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../lib/field-crypto';
import type { LedgerKind } from './people.import.columns';
import { type KnownHousehold, type KnownResident, matchLedgerRow } from './people.import.match';
import { isExampleRow } from './people.import.read';
import { readLedgerRow } from './people.import.rules';
import { ledgerIdNumber } from './people.ledger.fixtures';

const cipher = createFieldCipher({ key: randomBytes(32) });
const today = '2026-03-01';
const HH = '37160200100100101001010101';
const household: KnownHousehold = {
  code: HH,
  level: 'household',
  path: `3716/371602/371602001/x/${HH}`,
  status: 'active',
};
const hash = (i: number) => cipher.blindIndex(`id:${ledgerIdNumber(i)}`);

function match(
  kind: LedgerKind,
  cells: Record<string, unknown>,
  opts: {
    residents?: [number, KnownResident][];
    enrolled?: string[];
    seen?: Map<string, number>;
    scope?: string;
  } = {},
) {
  const checked = readLedgerRow(kind, { row: 7, cells: cells as never }, { cipher, today });
  return matchLedgerRow(kind, checked, {
    cipher,
    today,
    households: new Map([[HH, household]]),
    residents: new Map((opts.residents ?? []).map(([i, r]) => [hash(i), r])),
    enrolled: new Set(opts.enrolled ?? []),
    canWrite: (path) => path.startsWith(opts.scope ?? '3716/371602/371602001'),
    seen: opts.seen ?? new Map(),
  });
}
const reasons = (r: ReturnType<typeof match>) => r.problems.map((p) => `${p.field}:${p.reason}`);
const person = { householdCode: HH, name: '王芳', relationToHead: '户主', residenceType: '户籍' };
const zhang: KnownResident = { id: 'r1', path: household.path, name: '张明', status: 'active' };

describe('a residents row', () => {
  it('a complete row plans one resident in its household', () => {
    const r = match('residents', { ...person, idNumber: ledgerIdNumber(1) });
    expect(r.problems).toEqual([]);
    expect(r.plan).toMatchObject({
      row: 7,
      path: household.path,
      newResident: { name: '王芳', householdCode: HH },
    });
  });

  it('a household outside the scope reads exactly like one that does not exist', () => {
    const outside = match('residents', person, { scope: '3716/371602/371602002' });
    const unknown = match('residents', { ...person, householdCode: '37160200100100101001019999' });
    expect(outside.problems).toEqual(unknown.problems);
    expect(reasons(outside)).toContain('户编码:household_unknown');
  });

  it('the second row with one ID number names the first', () => {
    const seen = new Map<string, number>([[hash(1), 3]]);
    const r = match('residents', { ...person, idNumber: ledgerIdNumber(1) }, { seen });
    expect(r.problems[0]?.message.zh).toBe('与第 3 行的身份证号重复');
  });

  it('an ID number Excel made a number is reported once, not as missing gender too', () => {
    expect(reasons(match('residents', { ...person, idNumber: 371602198503150000 }))).toEqual([
      '身份证号:not_text',
    ]);
  });
});

describe('a party-member or talent row', () => {
  const party = { idNumber: ledgerIdNumber(1), membership: '正式', partyCategory: '流动党员' };

  it('names a registered resident by ID number; the name, when given, must agree', () => {
    expect(match('party-members', party, { residents: [[1, zhang]] }).plan).toMatchObject({
      residentId: 'r1',
      newResident: null,
    });
    expect(
      reasons(match('party-members', { ...party, name: '张明明' }, { residents: [[1, zhang]] })),
    ).toEqual(['姓名:name_mismatch']);
  });

  it.each([
    [{ ...zhang, status: 'moved_out' as const }, '身份证号:resident_not_active'],
    [{ ...zhang, path: '3716/371603/x' }, '身份证号:resident_outside_scope'],
  ])('a resident who cannot take the entry is refused', (resident, reason) => {
    expect(reasons(match('party-members', party, { residents: [[1, resident]] }))).toEqual([reason]);
  });

  it('registers the resident too when the ID number is new and the row names a household', () => {
    const r = match('talents', {
      ...person,
      idNumber: ledgerIdNumber(2),
      categories: '热心居民',
      willingness: '愿意',
      availability: '随时',
      note: '会修水电',
    });
    expect(r.plan?.newResident).toMatchObject({ name: '王芳', note: null });
    expect(r.plan?.talent).toEqual({
      categories: ['enthusiastic_resident'],
      skills: [],
      willingness: 'willing',
      availability: 'anytime',
      note: '会修水电',
    });
  });

  it('without a household, a new ID number is one problem, not a list of empty resident columns', () => {
    expect(reasons(match('party-members', party))).toEqual(['身份证号:resident_unknown']);
  });

  it('a probation end before joining is refused', () => {
    const r = match(
      'party-members',
      { ...party, membership: '预备党员', joinedOn: '2025-05-01', probationEndsOn: '2025-04-01' },
      { residents: [[1, zhang]] },
    );
    expect(reasons(r)).toEqual(['预备期满日期:before_joined']);
  });
});

describe('the template’s example row', () => {
  it('is skipped only while every cell is as the template wrote it', () => {
    const example = {
      householdCode: '37160200100100101001010101',
      name: '张明',
      idNumber: '371602198503150016',
      gender: '男',
      birthDate: '1985-03-15',
      ethnicity: '汉族',
      phone: '13805430000',
      relationToHead: '户主',
      residenceType: '户籍',
      note: null,
    };
    expect(isExampleRow('residents', example)).toBe(true);
    expect(
      isExampleRow('residents', { ...example, birthDate: new Date(Date.UTC(1985, 2, 15)) as never }),
    ).toBe(true);
    expect(isExampleRow('residents', { ...example, name: '张明亮' })).toBe(false);
  });
});
