import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/createI18n';
import { checklistReasonText } from './checklistReason';

describe('why a branch misses an item, in words', () => {
  it.each([
    ['zh-CN', { code: 'too_few_members', params: { have: 2, need: 3 } }, '正式党员 2 名，少于 3 名'],
    ['en', { code: 'too_few_members', params: { have: 2, need: 3 } }, '2 full members, fewer than 3'],
    [
      'zh-CN',
      { code: 'no_recent_life', params: { days: 92, since: '2026-08-27', last: null } },
      '2026-08-27 以来未开展组织生活（最近一次：无记录）',
    ],
    ['zh-CN', { code: 'no_secretary', params: {} }, '无在岗书记'],
  ] as const)('%s: %j', (language, reason, expected) => {
    const i18n = createI18n(language);
    expect(checklistReasonText(reason, i18n.t)).toBe(expected);
  });

  it('says nothing for an item that is met', () => {
    expect(checklistReasonText(null, createI18n('zh-CN').t)).toBe('');
  });
});
