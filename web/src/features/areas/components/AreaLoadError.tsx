import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';

export type AreaLoadErrorProps = {
  error: unknown;
  onRetry?: () => void;
  /** Where "back to my areas" leads after a 404 (the page without `?code`). */
  backTo?: string;
};

/**
 * Why a place could not be shown. A code outside the caller's scope answers 404 like a code that
 * does not exist, so that scope does not reveal what lies outside it.
 */
export function AreaLoadError({ error, onRetry, backTo }: AreaLoadErrorProps) {
  const { t, i18n } = useTranslation(['areas', 'common']);
  if (isApiError(error) && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('areas:notFound.title')}
        subTitle={t('areas:notFound.description')}
        data-testid="area-not-found"
        extra={
          backTo ? (
            <Link to={backTo}>
              <Button type="primary">{t('areas:notFound.back')}</Button>
            </Link>
          ) : undefined
        }
      />
    );
  }
  if (isApiError(error) && error.status === 403) {
    return (
      <Result
        status="403"
        title={t('common:forbidden.title')}
        subTitle={apiErrorMessage(error, i18n)}
        data-testid="area-forbidden"
      />
    );
  }
  return (
    <Result
      status="error"
      title={t('areas:loadFailed')}
      subTitle={apiErrorMessage(error, i18n)}
      data-testid="area-load-error"
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common:actions.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
