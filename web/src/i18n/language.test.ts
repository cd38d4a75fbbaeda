import { describe, expect, it } from 'vitest';
import { pickLocalized, toLanguage } from './language';

describe('toLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['fr', 'zh-CN'],
    [null, 'zh-CN'],
    [undefined, 'zh-CN'],
  ])('reads %s as %s', (value, language) => {
    expect(toLanguage(value)).toBe(language);
  });
});

describe('pickLocalized', () => {
  it('picks the English text only when the UI is in English', () => {
    const text = { zh: '街道', en: 'Street' };
    expect(pickLocalized(text, 'en')).toBe('Street');
    expect(pickLocalized(text, 'zh-CN')).toBe('街道');
  });
});
