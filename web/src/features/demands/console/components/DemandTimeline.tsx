import { Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../i18n/format';
import type { DemandEvent } from '../../api';
import { PhotoStrip } from './PhotoStrip';

export type DemandTimelineProps = { events: readonly DemandEvent[] };

const COLOR: Record<string, string> = {
  decline: 'gray',
  return: 'red',
  verify_fail: 'red',
  verify_pass: 'green',
  close: 'green',
  rate: 'green',
  whistle: 'orange',
};

/** Every step kept on the record (grid regulation art. 11): what, who, when, the note, attachments. */
export function DemandTimeline({ events }: DemandTimelineProps) {
  const { t, i18n } = useTranslation('demands');
  const label = (action: string) =>
    i18n.exists(`demands:actions.${action}`) ? t(`actions.${action}`) : action;
  return (
    <Timeline
      data-testid="demand-timeline"
      items={[...events]
        .sort((a, b) => a.seq - b.seq)
        .map((event) => ({
          key: event.seq,
          color: COLOR[event.action] ?? 'blue',
          title: formatDateTime(event.at, i18n.language),
          content: (
            <Flex vertical gap={4} data-testid={`timeline-${event.action}`} data-seq={event.seq}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{label(event.action)}</Typography.Text>
                <Typography.Text type="secondary">{event.actorLabel}</Typography.Text>
                {event.fromStatus !== event.toStatus ? (
                  <Tag>
                    {event.fromStatus ? `${t(`status.${event.fromStatus}`)} → ` : ''}
                    {t(`status.${event.toStatus}`)}
                  </Tag>
                ) : null}
              </Flex>
              {event.note ? (
                <Typography.Paragraph style={{ margin: 0 }}>{event.note}</Typography.Paragraph>
              ) : null}
              <PhotoStrip photos={event.attachments} size={64} />
            </Flex>
          ),
        }))}
    />
  );
}
