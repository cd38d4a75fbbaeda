import { describe, expect, it } from 'vitest';
import { navItems } from '../app/navigation';
import { createI18n } from './createI18n';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Every leaf key of a resource tree, as `a.b.c`. */
function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leafKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function leafValues(tree: object): unknown[] {
  return Object.values(tree).flatMap((value) =>
    typeof value === 'object' && value !== null ? leafValues(value) : [value],
  );
}

describe('resource files', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(zhCN).sort());
  });

  it('have no empty sentence in either language', () => {
    for (const value of [...leafValues(zhCN), ...leafValues(en)]) {
      expect(typeof value === 'string' && value.trim().length > 0).toBe(true);
    }
  });

  it('name and describe every module of the navigation table', () => {
    for (const resources of [zhCN, en]) {
      for (const item of navItems) {
        expect(resources.nav.items[item.key]).toBeTruthy();
        expect(resources.nav.descriptions[item.key]).toBeTruthy();
      }
    }
  });

  it.each([
    'validation.failed',
    'iam.invalid_credentials',
    'iam.account_locked',
    'iam.too_many_attempts',
    'iam.unauthenticated',
    'iam.session_expired',
    'iam.csrf_failed',
    'iam.forbidden',
    'iam.weak_password',
    'iam.password_mismatch',
    'common.not_found',
    'request.rate_limited',
    'internal.error',
  ])('turn the server error code %s into a sentence in both languages', (code) => {
    for (const language of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(language);
      expect(i18n.exists(`apiErrors:${code}`)).toBe(true);
    }
  });

  it('use Chinese unless English was chosen', () => {
    expect(createI18n('zh-CN').t('common:productTitle')).toBe('滨州市基层治理平台');
    expect(createI18n('en').t('common:productTitle')).toBe('Binzhou Grassroots Governance');
  });
});
