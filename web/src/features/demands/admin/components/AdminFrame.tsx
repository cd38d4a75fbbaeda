import { Alert, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from './AdminNav';

export type AdminFrameProps = {
  title: string;
  hint: string;
  extra?: ReactNode;
  children: ReactNode;
  testId: string;
  /** Shows that the user may look but not change (not a city admin). */
  readOnly?: boolean;
};

/** The frame every admin page shares: the page switcher, a title, the rule it follows, the content. */
export function AdminFrame({ title, hint, extra, children, testId, readOnly = false }: AdminFrameProps) {
  const { t } = useTranslation('demandsAdmin');
  return (
    <Flex vertical gap={16} data-testid={testId}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Flex align="center" gap={16} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            <AdminNav />
          </Flex>
          {extra}
        </Flex>
      </Card>
      <Alert type="info" showIcon title={hint} />
      {readOnly ? (
        <Alert type="warning" showIcon title={t('common.readOnly')} data-testid="admin-read-only" />
      ) : null}
      {children}
    </Flex>
  );
}
