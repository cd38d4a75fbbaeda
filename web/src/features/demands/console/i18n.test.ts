import { describe, expect, it } from 'vitest';
import {
  DEMAND_CHANNELS,
  DEMAND_STATUSES,
  LIMIT_UNITS,
  RATINGS,
  RESPONSIBLE_KINDS,
} from '../../../../../src/modules/demands/demands.table';
import { DEMAND_ACTION_NAMES } from '../../../../../src/modules/demands/demands.workflow';
import { createI18n } from '../../../i18n/createI18n';
import { ACTION_FORMS } from './actions';
import { demandsEn } from './i18n.en';
import { demandsZhCN } from './i18n.zh-CN';
import { PRESETS } from './inbox';

function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leafKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the demands namespace', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(leafKeys(demandsEn).sort()).toEqual(leafKeys(demandsZhCN).sort());
    for (const language of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(language);
      for (const key of leafKeys(demandsZhCN)) {
        expect(i18n.t(`demands:${key}`).trim(), `${language} ${key}`).not.toBe('');
      }
    }
  });

  it.each([
    ['status', DEMAND_STATUSES],
    ['channel', DEMAND_CHANNELS],
    ['responsibleKind', RESPONSIBLE_KINDS],
    ['rating', RATINGS],
    ['limitUnit', LIMIT_UNITS],
    ['actions', [...DEMAND_ACTION_NAMES, 'receive', 'follow']],
    ['presets', PRESETS],
    ['due', ['overdue', 'dueSoon', 'contactOverdue']],
  ] as const)('names every %s', (group, names) => {
    for (const language of ['zh-CN', 'en'] as const) {
      const i18n = createI18n(language);
      for (const name of names)
        expect(i18n.exists(`demands:${group}.${name}`), `${language} ${group}.${name}`).toBe(true);
    }
  });

  it('uses no i18next option (lng, ns, …) as a placeholder name', () => {
    const placeholders = JSON.stringify([demandsZhCN, demandsEn]).match(/{{\s*\w+\s*}}/g) ?? [];
    const reserved = ['lng', 'lngs', 'ns', 'defaultValue', 'context', 'fallbackLng', 'keySeparator'];
    for (const p of placeholders) expect(reserved).not.toContain(p.replace(/[{}\s]/g, ''));
  });

  it('labels every dialog note', () => {
    const i18n = createI18n('zh-CN');
    for (const form of Object.values(ACTION_FORMS))
      expect(i18n.exists(`demands:dialog.${form.noteLabel}`)).toBe(true);
  });

  it('speaks Chinese first', () => {
    expect(createI18n('zh-CN').t('demands:presets.received')).toBe('待立案');
    expect(createI18n('zh-CN').t('demands:actions.verify_pass')).toBe('核查通过');
    expect(createI18n('en').t('demands:presets.received')).toBe('To register');
  });
});
