import type { FieldCipher } from '../../lib/field-crypto';
import type { FieldProblem } from '../../server/errors';
import { sealIdNumber, sealPhone } from './people.personal-data';
import { GENDERS, RELATIONS_TO_HEAD, RESIDENCE_TYPES, type ResidentsTable } from './people.table';

/** A resident as a person enters it (console form, Excel row, API): plain text, not yet checked. */
export interface ResidentInput {
  name: string;
  gender?: string | null | undefined;
  birthDate?: string | null | undefined;
  idNumber?: string | null | undefined;
  phone?: string | null | undefined;
  ethnicity?: string | null | undefined;
  relationToHead: string;
  residenceType: string;
  note?: string | null | undefined;
}

/** The checked resident's own columns (place and ids are the caller's business). */
export type ResidentFields = Pick<
  ResidentsTable,
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'ethnicity'
  | 'idNumberEnc'
  | 'idNumberHash'
  | 'idNumberMasked'
  | 'phoneEnc'
  | 'phoneHash'
  | 'phoneMasked'
  | 'relationToHead'
  | 'residenceType'
  | 'note'
>;

/** Field names as the caller knows them: API field names by default, Excel headers for imports. */
export type FieldLabels = Partial<Record<keyof ResidentInput, string>>;

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/**
 * Checks one resident and seals the personal numbers. Every problem is reported (not only the
 * first), each naming its field; the gender and birth date follow from a valid ID number and must
 * not contradict it.
 */
export function checkResidentInput(opts: {
  input: ResidentInput;
  cipher: FieldCipher;
  today?: string;
  labels?: FieldLabels;
  location?: FieldProblem['in'];
}): { ok: true; value: ResidentFields } | { ok: false; problems: FieldProblem[] } {
  const { input, cipher } = opts;
  const problems: FieldProblem[] = [];
  const field = (k: keyof ResidentInput) => opts.labels?.[k] ?? k;
  const add = (k: keyof ResidentInput, reason: string, zh: string, en: string) =>
    problems.push({ field: field(k), in: opts.location ?? 'body', reason, message: { zh, en } });

  const name = input.name?.trim() ?? '';
  if (!name) add('name', 'required', '姓名必填', 'the name is required');
  else if (name.length > 64) add('name', 'too_long', '姓名不能超过 64 个字符', 'at most 64 characters');

  let gender = input.gender?.trim() || null;
  if (gender === '男') gender = 'male';
  if (gender === '女') gender = 'female';
  if (gender && !(GENDERS as readonly string[]).includes(gender))
    add('gender', 'invalid', '性别应为 男 或 女', 'must be male or female');

  let birthDate = input.birthDate?.trim() || null;
  if (birthDate && !isDate(birthDate))
    add('birthDate', 'invalid_date', '出生日期应为 YYYY-MM-DD', 'must be a date as YYYY-MM-DD');

  let id: { enc: string; hash: string; masked: string } | null = null;
  if (input.idNumber?.trim()) {
    const sealed = sealIdNumber(cipher, input.idNumber, opts.today);
    if (!sealed.ok)
      problems.push({
        field: field('idNumber'),
        in: opts.location ?? 'body',
        reason: sealed.reason,
        message: sealed.message,
      });
    else {
      id = sealed.value;
      if (gender && gender !== sealed.value.gender)
        add('gender', 'contradicts_id_number', '性别与身份证号不符', 'contradicts the ID number');
      if (birthDate && isDate(birthDate) && birthDate !== sealed.value.birthDate)
        add('birthDate', 'contradicts_id_number', '出生日期与身份证号不符', 'contradicts the ID number');
      gender = sealed.value.gender;
      birthDate = sealed.value.birthDate;
    }
  }
  if (!gender && !input.idNumber?.trim() && !problems.some((p) => p.field === field('gender')))
    add('gender', 'required', '无身份证号时须填写性别', 'required when there is no ID number');

  let phone: { enc: string; hash: string; masked: string } | null = null;
  if (input.phone?.trim()) {
    const sealed = sealPhone(cipher, input.phone);
    if (!sealed.ok)
      problems.push({
        field: field('phone'),
        in: opts.location ?? 'body',
        reason: sealed.reason,
        message: sealed.message,
      });
    else phone = sealed.value;
  }

  const relation = RELATION_ALIASES[input.relationToHead?.trim() ?? ''] ?? input.relationToHead?.trim();
  if (!(RELATIONS_TO_HEAD as readonly string[]).includes(relation ?? ''))
    add('relationToHead', 'invalid', '与户主关系无效', `must be one of ${RELATIONS_TO_HEAD.join(', ')}`);
  const residence = RESIDENCE_ALIASES[input.residenceType?.trim() ?? ''] ?? input.residenceType?.trim();
  if (!(RESIDENCE_TYPES as readonly string[]).includes(residence ?? ''))
    add(
      'residenceType',
      'invalid',
      '人口类型应为 户籍/常住非户籍/流动',
      `must be one of ${RESIDENCE_TYPES.join(', ')}`,
    );
  const note = input.note?.trim() || null;
  if (note && note.length > 500) add('note', 'too_long', '备注不能超过 500 个字符', 'at most 500 characters');

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name,
      gender: gender as ResidentFields['gender'],
      birthDate,
      ethnicity: input.ethnicity?.trim() || null,
      idNumberEnc: id?.enc ?? null,
      idNumberHash: id?.hash ?? null,
      idNumberMasked: id?.masked ?? null,
      phoneEnc: phone?.enc ?? null,
      phoneHash: phone?.hash ?? null,
      phoneMasked: phone?.masked ?? null,
      relationToHead: relation as ResidentFields['relationToHead'],
      residenceType: residence as ResidentFields['residenceType'],
      note,
    },
  };
}

/** Chinese words officials type in ledgers, mapped to the codes. */
export const RELATION_ALIASES: Record<string, (typeof RELATIONS_TO_HEAD)[number]> = {
  户主: 'head',
  本人: 'head',
  配偶: 'spouse',
  妻子: 'spouse',
  丈夫: 'spouse',
  子女: 'child',
  儿子: 'child',
  女儿: 'child',
  父母: 'parent',
  父亲: 'parent',
  母亲: 'parent',
  孙子女: 'grandchild',
  孙子: 'grandchild',
  孙女: 'grandchild',
  外孙: 'grandchild',
  外孙女: 'grandchild',
  祖父母: 'grandparent',
  兄弟姐妹: 'sibling',
  儿媳: 'in_law',
  女婿: 'in_law',
  其他: 'other',
};

export const RESIDENCE_ALIASES: Record<string, (typeof RESIDENCE_TYPES)[number]> = {
  户籍: 'registered',
  户籍人口: 'registered',
  常住非户籍: 'resident_non_registered',
  常住: 'resident_non_registered',
  流动: 'floating',
  流动人口: 'floating',
};
