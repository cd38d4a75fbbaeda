import { initReactI18next } from 'react-i18next';
import { createI18n } from './createI18n';
import { type Language, readStoredLanguage, storeLanguage } from './language';

/** The app's i18next instance, in the language chosen last time (Chinese by default). */
export const i18n = createI18n(readStoredLanguage(), [initReactI18next]);

function reflectLanguageInDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
reflectLanguageInDocument(i18n.language);
i18n.on('languageChanged', reflectLanguageInDocument);

/** Switches the UI language and remembers it in localStorage (`grassroots.lang`). */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
}
