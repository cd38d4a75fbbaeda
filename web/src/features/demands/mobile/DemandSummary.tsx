import { Card, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import { pickLocalized } from '../../../i18n/language';
import type { DemandDetail } from '../api';
import { PhotoStrip } from './PhotoStrip';

export type DemandSummaryProps = {
  demand: DemandDetail;
  /** A handler's view: the reporter (masked unless their role needs it) and the deadlines. */
  forHandler?: boolean;
};

const row = { display: 'flex', gap: 8, fontSize: 14, lineHeight: 1.7 } as const;
const label = { color: '#999', flex: '0 0 5.5em' } as const;

/** What the demand is about: category, words, place, photos; for a handler also who and by when. */
export function DemandSummary({ demand, forHandler = false }: DemandSummaryProps) {
  const { t, i18n } = useTranslation(['demandsMobile', 'demands']);
  const reporter = demand.reporter;
  return (
    <Card style={{ margin: '12px 12px 0', borderRadius: 12 }} data-testid="demand-summary">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <strong style={{ fontSize: 16 }}>{pickLocalized(demand.categoryName, i18n.language)}</strong>
        <Tag color="primary" fill="outline" data-testid="demand-status">
          {t(`demands:status.${demand.status}`)}
        </Tag>
      </div>
      <p
        style={{ margin: '8px 0', whiteSpace: 'pre-wrap', lineHeight: 1.6 }}
        data-testid="demand-description"
      >
        {demand.description}
      </p>
      <PhotoStrip photos={demand.photos} testId="demand-photos" />
      <div style={{ marginTop: 8 }}>
        <div style={row}>
          <span style={label}>{t('detail.number')}</span>
          <span data-testid="demand-number">{demand.number}</span>
        </div>
        <div style={row}>
          <span style={label}>{t('detail.received')}</span>
          <span>{formatDateTime(demand.receivedAt, i18n.language)}</span>
        </div>
        {demand.placeName || demand.address ? (
          <div style={row}>
            <span style={label}>{t('detail.place')}</span>
            <span>{[demand.placeName, demand.address].filter(Boolean).join(' · ')}</span>
          </div>
        ) : null}
        {demand.responsibleName ? (
          <div style={row}>
            <span style={label}>{t('detail.responsible')}</span>
            <span>{demand.responsibleName}</span>
          </div>
        ) : null}
        {forHandler && demand.dueAt ? (
          <div style={row}>
            <span style={label}>{t('detail.dueAt')}</span>
            <span style={{ color: demand.flags.overdue ? '#ff3141' : undefined }}>
              {formatDateTime(demand.dueAt, i18n.language)}
              {demand.flags.overdue ? ` · ${t('tasks.overdue')}` : ''}
            </span>
          </div>
        ) : null}
        {forHandler && demand.firstContactDueAt && !demand.firstContactedAt ? (
          <div style={row}>
            <span style={label}>{t('detail.contactBy')}</span>
            <span style={{ color: demand.flags.contactOverdue ? '#ff3141' : undefined }}>
              {formatDateTime(demand.firstContactDueAt, i18n.language)}
            </span>
          </div>
        ) : null}
        {forHandler && reporter ? (
          <div style={row}>
            <span style={label}>{t('detail.reporter')}</span>
            <span data-testid="task-reporter">
              {reporter.anonymous && !reporter.name ? t('detail.anonymous') : (reporter.name ?? '—')}
              {reporter.phone ? (
                reporter.masked ? (
                  ` · ${reporter.phone}`
                ) : (
                  <>
                    {' · '}
                    <a href={`tel:${reporter.phone}`}>{reporter.phone}</a>
                  </>
                )
              ) : null}
            </span>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
