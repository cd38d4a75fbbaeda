import { Steps } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import type { DemandEvent } from '../api';
import { PhotoStrip } from './PhotoStrip';

export type DemandTimelineProps = { events: readonly DemandEvent[] };

/** Every step kept on the record, newest first: who, when, what was said, the photos. */
export function DemandTimeline({ events }: DemandTimelineProps) {
  const { t, i18n } = useTranslation(['demandsMobile', 'demands']);
  const newestFirst = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <Steps
      direction="vertical"
      current={0}
      style={{ '--title-font-size': '14px' }}
      data-testid="demand-timeline"
    >
      {newestFirst.map((event, index) => (
        <Steps.Step
          key={event.seq}
          status={index === 0 ? 'process' : 'finish'}
          title={
            <span>
              {t(`demands:actions.${event.action}`, { defaultValue: event.action })}
              <span style={{ color: '#999', fontWeight: 'normal', fontSize: 12, marginLeft: 6 }}>
                {event.actorLabel}
              </span>
            </span>
          }
          description={
            <div>
              <div style={{ color: '#999' }}>{formatDateTime(event.at, i18n.language)}</div>
              {event.note ? (
                <div style={{ color: '#333', marginTop: 2, whiteSpace: 'pre-wrap' }}>{event.note}</div>
              ) : null}
              {event.attachments.length > 0 ? (
                <div style={{ marginTop: 4 }}>
                  <PhotoStrip photos={event.attachments} size={56} />
                </div>
              ) : null}
            </div>
          }
        />
      ))}
    </Steps>
  );
}
