export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'grassroots.lang';

/** Reads a stored or reported language tag; anything unknown falls back to Chinese. */
export function toLanguage(value: unknown): Language {
  if (typeof value !== 'string') return DEFAULT_LANGUAGE;
  if (value === 'en' || value.toLowerCase().startsWith('en-')) return 'en';
  return DEFAULT_LANGUAGE;
}

/** Picks the text of a `{ zh, en }` pair sent by the server. */
export function pickLocalized(text: { zh: string; en: string }, language: string): string {
  return toLanguage(language) === 'en' ? text.en : text.zh;
}

// localStorage may be missing (tests, node) or throw (privacy modes); the language then is not remembered.
function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function readStoredLanguage(): Language {
  try {
    return toLanguage(storage()?.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function storeLanguage(language: Language): void {
  try {
    storage()?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered; the choice still applies to this page.
  }
}
