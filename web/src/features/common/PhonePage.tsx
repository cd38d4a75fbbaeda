import { Button, ConfigProvider } from 'antd-mobile';
import mobileEnUS from 'antd-mobile/es/locales/en-US';
import mobileZhCN from 'antd-mobile/es/locales/zh-CN';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n/i18n';
import { useLanguage } from '../../i18n/useLanguage';

// The pieces every phone page is built of, signed-in or public: a phone-wide column in antd-mobile's
// language, the browser tab's title, and the 中文 / English switch at the foot.

/** Sets the browser tab's title (and a shared link's) while the page is shown, once it is known. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}

export type PhoneColumnProps = {
  testId: string;
  /** Room kept at the foot, e.g. for a fixed tab bar. */
  paddingBottom?: number;
  children: ReactNode;
};

/** A phone-wide column on a grey ground, with antd-mobile speaking the UI language. */
export function PhoneColumn({ testId, paddingBottom = 24, children }: PhoneColumnProps) {
  const language = useLanguage();
  return (
    <ConfigProvider locale={language === 'en' ? mobileEnUS : mobileZhCN}>
      <main
        style={{ maxWidth: 480, margin: '0 auto', minHeight: '100vh', background: '#f5f5f5', paddingBottom }}
        data-testid={testId}
      >
        {children}
      </main>
    </ConfigProvider>
  );
}

/** The switch to the other language, as a small link-like button. */
export function PhoneLanguageButton({ testId, marginTop = 12 }: { testId?: string; marginTop?: number }) {
  const { t } = useTranslation('common');
  const language = useLanguage();
  return (
    <div style={{ textAlign: 'center', marginTop }}>
      <Button
        size="mini"
        fill="none"
        onClick={() => void changeLanguage(language === 'en' ? 'zh-CN' : 'en')}
        data-testid={testId}
      >
        {language === 'en' ? t('language.zh-CN') : t('language.en')}
      </Button>
    </div>
  );
}
