import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export type NotFoundPageProps = Record<string, never>;

export function NotFoundPage(_props: NotFoundPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="page-not-found">
      <Result
        status="404"
        title={t('notFound.title')}
        subTitle={t('notFound.description')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('actions.backHome')}
          </Button>
        }
      />
    </div>
  );
}
