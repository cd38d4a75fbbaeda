import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export type ForbiddenPageProps = Record<string, never>;

export function ForbiddenPage(_props: ForbiddenPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="page-forbidden">
      <Result
        status="403"
        title={t('forbidden.title')}
        subTitle={t('forbidden.description')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('actions.backHome')}
          </Button>
        }
      />
    </div>
  );
}
