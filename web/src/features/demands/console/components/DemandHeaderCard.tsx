import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../i18n/format';
import { pickLocalized } from '../../../../i18n/language';
import type { DemandDetail } from '../../api';
import { DueTag } from './DueTag';
import { StatusTag } from './StatusTag';

export type DemandHeaderCardProps = { demand: DemandDetail; children?: ReactNode };

/** Number, state, category, the deadlines (with countdown) and the limits the demand was filed under. */
export function DemandHeaderCard({ demand, children }: DemandHeaderCardProps) {
  const { t, i18n } = useTranslation('demands');
  const at = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  const responsible =
    demand.responsibleName ?? (demand.responsibleKind ? t(`responsibleKind.${demand.responsibleKind}`) : '—');
  return (
    <Card
      data-testid="demand-header"
      title={
        <Flex gap={12} align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="demand-number">
            {demand.number}
          </Typography.Title>
          <StatusTag status={demand.status} />
          {demand.flags.contactOverdue ? <Tag color="red">{t('due.contactOverdue')}</Tag> : null}
          {demand.reworkCount > 0 ? (
            <Tag color="orange">{t('detail.rework', { count: demand.reworkCount })}</Tag>
          ) : null}
          {demand.extensionCount > 0 ? (
            <Tag color="gold">{t('detail.extensions', { count: demand.extensionCount })}</Tag>
          ) : null}
        </Flex>
      }
      extra={
        <Link to="/demands">
          <Button icon={<ArrowLeftOutlined />}>{t('detail.back')}</Button>
        </Link>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('detail.category')}>
          {pickLocalized(demand.categoryName, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.channel')}>
          {t(`channel.${demand.channel}`)} · {t(`origin.${demand.origin}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.received')}>{at(demand.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.place')}>{demand.placeName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('detail.address')}>{demand.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('detail.responsible')}>
          <span data-testid="demand-responsible">{responsible}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.due')}>
          <DueTag item={demand} withCountdown />
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.firstContactDue')}>
          {demand.firstContactDueAt ? (
            <Tag color={demand.flags.contactOverdue ? 'red' : undefined}>{at(demand.firstContactDueAt)}</Tag>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.firstContacted')}>
          {demand.firstContactedAt ? at(demand.firstContactedAt) : t('detail.notYet')}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.limits')} span={2}>
          {t('detail.limitsText', {
            limit: demand.limits.handleLimit,
            unit: t(`limitUnit.${demand.limits.handleUnit}`),
            hours: demand.limits.firstContactHours,
          })}
        </Descriptions.Item>
      </Descriptions>
      {children}
    </Card>
  );
}
