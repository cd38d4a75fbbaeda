import { Alert, Button, Card, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../i18n/format';
import { demandErrorMessage } from '../errors';
import { useDuplicates } from '../hooks';
import type { Point } from '../map';
import { StatusTag } from './StatusTag';

export type DuplicatesPanelProps = { categoryCode: string | undefined; point: Point | null | undefined };

/**
 * Open demands of the same category near the point, offered before submitting: the operator may
 * open one and merge the call into it instead of filing a second demand.
 */
export function DuplicatesPanel({ categoryCode, point }: DuplicatesPanelProps) {
  const { t, i18n } = useTranslation('demands');
  const duplicates = useDuplicates({ categoryCode, lng: point?.lng, lat: point?.lat });
  const numbers = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const ready = Boolean(categoryCode && point);
  const items = duplicates.data ?? [];
  return (
    <Card size="small" title={t('intake.duplicates.title')} data-testid="intake-duplicates">
      {!ready ? (
        <Typography.Text type="secondary">{t('intake.duplicates.needPoint')}</Typography.Text>
      ) : duplicates.isError ? (
        <Alert type="warning" showIcon title={demandErrorMessage(duplicates.error, i18n)} />
      ) : items.length === 0 && !duplicates.isPending ? (
        <Typography.Text type="secondary">{t('intake.duplicates.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          <Alert type="warning" showIcon title={t('intake.duplicates.hint')} />
          <List
            size="small"
            loading={duplicates.isPending}
            dataSource={items}
            renderItem={(c) => (
              <List.Item
                data-testid={`duplicate-${c.number}`}
                actions={[
                  <Link key="open" to={`/demands/${c.id}`} target="_blank">
                    <Button size="small">{t('intake.duplicates.open')}</Button>
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center">
                      <span>{c.number}</span>
                      <StatusTag status={c.status} />
                    </Flex>
                  }
                  description={`${c.summary} · ${formatDateTime(c.receivedAt, i18n.language)} · ${t('intake.duplicates.distance', { meters: numbers.format(c.distanceMeters) })}`}
                />
              </List.Item>
            )}
          />
        </Flex>
      )}
    </Card>
  );
}
