import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../lib/field-crypto';
import { idNumberSearchHash, phoneSearchHash, sealIdNumber, sealPhone } from './people.personal-data';

const cipher = createFieldCipher({ key: randomBytes(32) });

describe('sealing personal numbers', () => {
  it('an ID number becomes ciphertext, a blind index and a masked form, never plaintext', () => {
    const r = sealIdNumber(cipher, '11010519491231002x');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.enc).not.toContain('11010519491231002');
    expect(r.value.masked).toBe('1101**********002X');
    expect(r.value).toMatchObject({ birthDate: '1949-12-31', gender: 'female' });
    expect(cipher.decrypt(r.value.enc)).toBe('11010519491231002X');
  });

  it('the 15-digit form of a number finds the same person as its 18-digit form', () => {
    expect(idNumberSearchHash(cipher, '110105491231002')).toBe(
      idNumberSearchHash(cipher, '11010519491231002X'),
    );
  });

  it('a bad check character is refused with a sentence in both languages', () => {
    const r = sealIdNumber(cipher, '110105194912310021');
    expect(r).toMatchObject({ ok: false, reason: 'bad_check_character' });
    if (!r.ok) expect(r.message.zh).toContain('校验码');
  });

  it('phones written with +86, spaces and hyphens are one number', () => {
    const a = sealPhone(cipher, '+86 138-1234-5678');
    expect(a).toMatchObject({ ok: true, value: { masked: '138****5678' } });
    expect(phoneSearchHash(cipher, '13812345678')).toBe(a.ok ? a.value.hash : '');
  });

  it('an ID number and a phone with the same digits do not share a blind index', () => {
    expect(cipher.blindIndex('id:13812345678')).not.toBe(cipher.blindIndex('phone:13812345678'));
  });
});
