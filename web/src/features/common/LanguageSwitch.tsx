import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n/i18n';
import { LANGUAGES, type Language } from '../../i18n/language';
import { useLanguage } from '../../i18n/useLanguage';

export type LanguageSwitchProps = { size?: 'small' | 'middle' | 'large' };

/** 中文 / English switch; the choice is remembered in this browser. */
export function LanguageSwitch({ size = 'middle' }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('language.label')}
      value={language}
      options={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
      onChange={(value) => void changeLanguage(value)}
    />
  );
}
