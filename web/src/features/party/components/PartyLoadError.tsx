import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';

export type PartyLoadErrorProps = { error: unknown; onRetry?: () => void };

/** Why party data could not be shown; out of scope answers 404 like a record that does not exist. */
export function PartyLoadError({ error, onRetry }: PartyLoadErrorProps) {
  const { t, i18n } = useTranslation(['party', 'common']);
  if (isApiError(error) && error.status === 404)
    return (
      <Result
        status="404"
        title={t('party:notFound.title')}
        subTitle={apiErrorMessage(error, i18n)}
        data-testid="party-not-found"
      />
    );
  return (
    <Result
      status={isApiError(error) && error.status === 403 ? '403' : 'error'}
      title={t('party:loadFailed')}
      subTitle={apiErrorMessage(error, i18n)}
      data-testid="party-load-error"
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
