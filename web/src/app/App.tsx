import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, useLocation, useNavigate } from 'react-router';
import { setSessionEndedHandler } from '../api/client';
import { sessionQueryKey } from '../features/iam/api';
import { loginPath } from '../features/iam/redirect';
import { i18n } from '../i18n/i18n';
import { useLanguage } from '../i18n/useLanguage';
import { AppRoutes } from './AppRoutes';
import { createQueryClient } from './queryClient';

type LocalizedAntdProps = { children: ReactNode };

function LocalizedAntd({ children }: LocalizedAntdProps) {
  const language = useLanguage();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** When any request finds the session gone, go to the login page and come back here afterwards. */
function SessionEndedRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const locationRef = useRef(location);

  useEffect(() => {
    locationRef.current = location;
  }, [location]);

  useEffect(() => {
    setSessionEndedHandler(() => {
      const current = locationRef.current;
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey, refetchType: 'none' });
      if (current.pathname !== '/login') navigate(loginPath(current), { replace: true });
    });
    return () => setSessionEndedHandler(undefined);
  }, [navigate, queryClient]);

  return null;
}

export type AppProps = Record<string, never>;

export function App(_props: AppProps) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedAntd>
          <BrowserRouter>
            <SessionEndedRedirect />
            <AppRoutes />
          </BrowserRouter>
        </LocalizedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
