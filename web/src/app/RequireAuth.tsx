import { useQuery } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../api/client';
import { fetchSession, sessionQueryKey } from '../features/iam/api';
import { SessionContext } from '../features/iam/hooks/useSession';
import { loginPath } from '../features/iam/redirect';
import { apiErrorMessage } from '../i18n/apiErrorMessage';

export type RequireAuthProps = { children: ReactNode };

/** Loads the session (`/api/v1/auth/me`); sends anyone not signed in to the login page. */
export function RequireAuth({ children }: RequireAuthProps) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const session = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
  });

  if (isApiError(session.error) && session.error.status === 401) {
    return <Navigate to={loginPath(location)} replace />;
  }
  if (session.data) {
    return <SessionContext value={session.data}>{children}</SessionContext>;
  }
  if (session.isPending) {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description={t('loading')} />
      </div>
    );
  }
  return (
    <Result
      status="error"
      title={t('session.loadFailed')}
      subTitle={`${apiErrorMessage(session.error, i18n)} ${t('session.loadFailedHint')}`}
      extra={
        <Button type="primary" onClick={() => void session.refetch()}>
          {t('actions.retry')}
        </Button>
      }
    />
  );
}
