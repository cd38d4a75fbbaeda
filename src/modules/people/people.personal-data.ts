import type { FieldCipher } from '../../lib/field-crypto';
import { type IdNumberError, parseIdNumber } from '../../lib/id-number';
import { maskIdNumber, maskPhone } from '../../lib/mask';
import { type MobileError, parseMobile } from '../../lib/phone';
import type { Bilingual } from '../../server/errors';

/** The columns one personal number becomes: ciphertext, blind index, masked form. Never plaintext. */
export interface SealedNumber {
  enc: string;
  hash: string;
  masked: string;
}

export type SealedIdNumber = SealedNumber & { birthDate: string; gender: 'male' | 'female' };

/** Why an ID number was refused, for the person who typed it (GB 11643-1999). */
export const ID_NUMBER_REASONS: Record<IdNumberError, Bilingual> = {
  empty: { zh: '身份证号为空', en: 'the ID number is empty' },
  bad_characters: { zh: '身份证号只能包含数字和末位 X', en: 'only digits and a final X are allowed' },
  bad_length: {
    zh: '身份证号应为 18 位（或旧版 15 位）',
    en: 'must have 18 digits (or 15 for the old form)',
  },
  bad_address_code: {
    zh: '身份证号前两位不是有效的省级代码',
    en: 'the first two digits are not a province code',
  },
  bad_date: { zh: '身份证号中的出生日期不存在', en: 'the birth date in it does not exist' },
  date_before_1880: { zh: '出生日期早于 1880 年', en: 'the birth date is before 1880' },
  future_date: { zh: '出生日期晚于今天', en: 'the birth date is in the future' },
  bad_check_character: { zh: '身份证号校验码不正确', en: 'the check character is wrong' },
};

export const PHONE_REASONS: Record<MobileError, Bilingual> = {
  empty: { zh: '手机号为空', en: 'the phone number is empty' },
  bad_format: { zh: '手机号应为 11 位数字', en: 'must be an 11-digit mobile number' },
  bad_prefix: { zh: '不是有效的大陆手机号段', en: 'is not a mainland mobile number' },
};

export type Sealed<T> = { ok: true; value: T } | { ok: false; reason: string; message: Bilingual };

/** Checks, normalises (15 → 18 digits, x → X) and encrypts an ID number. */
export function sealIdNumber(
  cipher: FieldCipher,
  raw: string,
  today?: Date | string,
): Sealed<SealedIdNumber> {
  const parsed = parseIdNumber(raw, today ? { today } : {});
  if (!parsed.ok) return { ok: false, reason: parsed.reason, message: ID_NUMBER_REASONS[parsed.reason] };
  return {
    ok: true,
    value: {
      enc: cipher.encrypt(parsed.value),
      hash: cipher.blindIndex(`id:${parsed.value}`),
      masked: maskIdNumber(parsed.value),
      birthDate: parsed.birthDate,
      gender: parsed.gender,
    },
  };
}

/** Checks, normalises (+86, spaces, hyphens) and encrypts a mainland mobile number. */
export function sealPhone(cipher: FieldCipher, raw: string): Sealed<SealedNumber> {
  const parsed = parseMobile(raw);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, message: PHONE_REASONS[parsed.reason] };
  return {
    ok: true,
    value: {
      enc: cipher.encrypt(parsed.value),
      hash: cipher.blindIndex(`phone:${parsed.value}`),
      masked: maskPhone(parsed.value),
    },
  };
}

/** The blind index to search by, or undefined when the text is not a valid number at all. */
export function idNumberSearchHash(cipher: FieldCipher, raw: string): string | undefined {
  const parsed = parseIdNumber(raw);
  return parsed.ok ? cipher.blindIndex(`id:${parsed.value}`) : undefined;
}

export function phoneSearchHash(cipher: FieldCipher, raw: string): string | undefined {
  const parsed = parseMobile(raw);
  return parsed.ok ? cipher.blindIndex(`phone:${parsed.value}`) : undefined;
}
