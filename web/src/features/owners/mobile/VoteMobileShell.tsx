import { Button, ConfigProvider } from 'antd-mobile';
import mobileEnUS from 'antd-mobile/es/locales/en-US';
import mobileZhCN from 'antd-mobile/es/locales/zh-CN';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../../i18n/i18n';
import { useLanguage } from '../../../i18n/useLanguage';

export type VoteMobileShellProps = {
  title: string;
  subtitle?: string | null;
  testId: string;
  children: ReactNode;
};

/** The frame of the owners' vote pages on a phone: a blue header, the body, the language switch. */
export function VoteMobileShell({ title, subtitle, testId, children }: VoteMobileShellProps) {
  const { t } = useTranslation(['ownersVotes', 'common']);
  const language = useLanguage();
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
  return (
    <ConfigProvider locale={language === 'en' ? mobileEnUS : mobileZhCN}>
      <main
        style={{
          maxWidth: 480,
          margin: '0 auto',
          minHeight: '100vh',
          background: '#f5f5f5',
          paddingBottom: 24,
        }}
        data-testid={testId}
      >
        <header style={{ padding: '20px 16px 12px', background: '#1677ff', color: '#fff' }}>
          <div style={{ fontSize: 13, opacity: 0.85 }}>{t('ballot.kicker')}</div>
          <h1 style={{ margin: '4px 0', fontSize: 22, lineHeight: 1.3 }}>{title}</h1>
          {subtitle ? <div style={{ fontSize: 14, opacity: 0.9 }}>{subtitle}</div> : null}
        </header>
        {children}
        <p style={{ margin: '16px 16px 0', color: '#999', fontSize: 12, lineHeight: 1.6 }}>
          {t('ballot.basis')}
        </p>
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button
            size="mini"
            fill="none"
            onClick={() => void changeLanguage(language === 'en' ? 'zh-CN' : 'en')}
          >
            {language === 'en' ? t('common:language.zh-CN') : t('common:language.en')}
          </Button>
        </div>
      </main>
    </ConfigProvider>
  );
}
