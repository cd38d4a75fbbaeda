import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../lib/field-crypto';
import { checkResidentInput } from './people.resident-rules';

const cipher = createFieldCipher({ key: randomBytes(32) });
const base = { name: '王芳', relationToHead: '户主', residenceType: '户籍' };

describe('checking a resident', () => {
  it('a valid ID number supplies gender and birth date', () => {
    const r = checkResidentInput({ input: { ...base, idNumber: '11010519491231002X' }, cipher });
    expect(r).toMatchObject({
      ok: true,
      value: {
        gender: 'female',
        birthDate: '1949-12-31',
        relationToHead: 'head',
        residenceType: 'registered',
        idNumberMasked: '1101**********002X',
      },
    });
  });

  it('every problem is reported, each naming its field', () => {
    const r = checkResidentInput({
      input: {
        name: '',
        idNumber: '110105194912310021',
        phone: '1234',
        relationToHead: '表亲',
        residenceType: '外星',
      },
      cipher,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field).sort()).toEqual([
      'idNumber',
      'name',
      'phone',
      'relationToHead',
      'residenceType',
    ]);
  });

  it('a gender that contradicts the ID number is refused', () => {
    const r = checkResidentInput({
      input: { ...base, gender: '男', idNumber: '11010519491231002X' },
      cipher,
    });
    expect(r).toMatchObject({ ok: false, problems: [{ field: 'gender', reason: 'contradicts_id_number' }] });
  });

  it('Excel imports get the column headers as field names', () => {
    const r = checkResidentInput({
      input: { ...base, phone: '12812345678', gender: '女' },
      cipher,
      labels: { phone: '联系电话' },
    });
    expect(r).toMatchObject({ ok: false, problems: [{ field: '联系电话', reason: 'bad_prefix' }] });
  });

  it('someone born tomorrow is refused; someone born today is accepted', () => {
    const today = '2026-11-27';
    const body = '11010520261127001';
    const sum = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2].reduce(
      (s, w, i) => s + w * Number(body[i]),
      0,
    );
    const check = '10X98765432'[sum % 11];
    expect(checkResidentInput({ input: { ...base, idNumber: `${body}${check}` }, cipher, today }).ok).toBe(
      true,
    );
    const tomorrow = '11010520261128001';
    const sum2 = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2].reduce(
      (s, w, i) => s + w * Number(tomorrow[i]),
      0,
    );
    const r = checkResidentInput({
      input: { ...base, idNumber: `${tomorrow}${'10X98765432'[sum2 % 11]}` },
      cipher,
      today,
    });
    expect(r).toMatchObject({ ok: false, problems: [{ field: 'idNumber', reason: 'future_date' }] });
  });
});
