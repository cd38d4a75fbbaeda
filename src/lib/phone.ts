// Mainland China mobile numbers: 11 digits, 1 followed by 3–9 (MIIT numbering plan; 12x and
// 10x are not issued to subscribers).

export type MobileError = 'empty' | 'bad_format' | 'bad_prefix';

export type MobileResult =
  | {
      ok: true;
      /** 11 digits, without the country code. */
      value: string;
    }
  | { ok: false; reason: MobileError };

/**
 * Normalizes a mainland mobile number as people type it: '+86 138-1234-5678', '(0086)13812345678',
 * '8613812345678'. Spaces, hyphens and parentheses are dropped, then the country code.
 */
export function parseMobile(raw: string): MobileResult {
  // NFKC turns full-width digits, ＋ and （） from Chinese input methods into ASCII.
  const compact = raw.normalize('NFKC').replace(/[\s\-()]/g, '');
  if (compact === '') return { ok: false, reason: 'empty' };

  let national = compact;
  if (national.startsWith('+86')) national = national.slice(3);
  else if (national.startsWith('0086')) national = national.slice(4);
  // A bare 86 is only a country code when 11 digits follow it; 86xxxxxxxxx alone is 11 digits.
  else if (/^86\d{11}$/.test(national)) national = national.slice(2);

  if (!/^\d{11}$/.test(national)) return { ok: false, reason: 'bad_format' };
  if (!/^1[3-9]/.test(national)) return { ok: false, reason: 'bad_prefix' };
  return { ok: true, value: national };
}
