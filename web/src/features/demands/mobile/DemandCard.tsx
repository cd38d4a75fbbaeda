import { Card, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { pickLocalized } from '../../../i18n/language';
import type { DemandListItem } from '../api';
import { WorkflowSteps } from './WorkflowSteps';

export type DemandCardProps = {
  item: DemandListItem;
  onOpen: () => void;
  /** Tasks show the due flags and the place; a resident's list shows the steps. */
  variant: 'mine' | 'task';
};

const STATUS_COLORS: Partial<Record<DemandListItem['status'], string>> = {
  closed: 'success',
  rated: 'success',
  declined: 'default',
  merged: 'default',
  replied: 'warning',
};

/** A demand in a list on a phone. */
export function DemandCard({ item, onOpen, variant }: DemandCardProps) {
  const { t, i18n } = useTranslation(['demandsMobile', 'demands']);
  const overdue = item.flags.overdue || item.flags.contactOverdue;
  return (
    <Card
      onClick={onOpen}
      style={{
        margin: '12px 12px 0',
        borderRadius: 12,
        borderLeft: variant === 'task' && overdue ? '4px solid #ff3141' : undefined,
      }}
      data-testid={variant === 'task' ? 'task-card' : 'demand-card'}
      data-id={item.id}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'center' }}>
        <strong style={{ fontSize: 15 }}>{pickLocalized(item.categoryName, i18n.language)}</strong>
        <Tag color={STATUS_COLORS[item.status] ?? 'primary'} fill="outline">
          {t(`demands:status.${item.status}`)}
        </Tag>
      </div>
      <div style={{ margin: '6px 0', color: '#333', lineHeight: 1.5 }}>{item.summary}</div>
      {variant === 'task' ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, margin: '6px 0' }}>
          {item.flags.overdue ? (
            <Tag color="danger" data-testid="task-overdue">
              {t('tasks.overdue')}
            </Tag>
          ) : null}
          {item.flags.contactOverdue ? <Tag color="danger">{t('tasks.contactOverdue')}</Tag> : null}
          {item.flags.dueSoon && !item.flags.overdue ? <Tag color="warning">{t('tasks.dueSoon')}</Tag> : null}
          {item.dueAt ? (
            <span style={{ fontSize: 12, color: item.flags.overdue ? '#ff3141' : '#999' }}>
              {t('tasks.dueAt', { time: formatDateTime(item.dueAt, i18n.language) })}
            </span>
          ) : null}
        </div>
      ) : (
        <div style={{ margin: '10px 0 4px' }}>
          <WorkflowSteps status={item.status} />
        </div>
      )}
      <div style={{ color: '#999', fontSize: 12 }}>
        {[item.number, item.placeName ?? item.address, formatDateTime(item.receivedAt, i18n.language)]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </Card>
  );
}
