import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../i18n/format';
import type { Whistle } from '../../api';

export type WhistlesCardProps = { whistles: readonly Whistle[] };

/** Units summoned (吹哨, Beijing art. 16) and whether they reported in (报到) on time. */
export function WhistlesCard({ whistles }: WhistlesCardProps) {
  const { t, i18n } = useTranslation('demands');
  if (!whistles.length) return null;
  const at = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <Card size="small" title={t('detail.whistles')} data-testid="demand-whistles">
      <List
        size="small"
        dataSource={[...whistles]}
        renderItem={(w) => (
          <List.Item data-testid={`whistle-${w.id}`}>
            <List.Item.Meta
              title={w.unitName}
              description={
                <Typography.Text type="secondary">
                  {t('detail.whistleSummoned', { time: at(w.summonedAt) })} ·{' '}
                  {w.reportedAt
                    ? t('detail.whistleReported', { time: at(w.reportedAt) })
                    : t('detail.whistleDue', { time: at(w.reportDueAt) })}
                </Typography.Text>
              }
            />
            {w.onTime === true ? (
              <Tag color="green">{t('detail.whistleOnTime')}</Tag>
            ) : w.onTime === false ? (
              <Tag color="red">{t('detail.whistleLate')}</Tag>
            ) : (
              <Tag color="orange">{t('detail.whistleWaiting')}</Tag>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
