import { createInstance, type i18n as I18n } from 'i18next';
import { en } from './en';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './language';
import { zhCN } from './zh-CN';

export const resources = { 'zh-CN': zhCN, en } as const;
export const namespaces = Object.keys(zhCN) as (keyof typeof zhCN)[];

type I18nModule = Parameters<I18n['use']>[0];

/** A ready i18next instance with both resource files; the app makes one with React bound, tests their own. */
export function createI18n(language: Language, modules: I18nModule[] = []): I18n {
  const instance = createInstance();
  for (const module of modules) instance.use(module);
  void instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    ns: namespaces,
    defaultNS: 'common',
    // React escapes what it renders; escaping here too would show entities.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
