import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../i18n/format';
import { useLanguage } from '../../../../i18n/useLanguage';
import type { VoteTally } from '../api';
import { buildTurnoutOption } from '../buildTurnoutOption';
import { TurnoutChart } from './TurnoutChart';

export type TurnoutCardProps = { tally: VoteTally };

/** Participation so far against the two-thirds quorum of art. 278(2); never how anyone voted. */
export function TurnoutCard({ tally }: TurnoutCardProps) {
  const { t } = useTranslation('ownersVotes');
  const language = useLanguage();
  const turnout = tally.turnout;
  const option = useMemo(
    () =>
      turnout
        ? buildTurnoutOption({
            figures: { area: turnout.areaRatio, headcount: turnout.headcountRatio },
            labels: { area: t('live.area'), headcount: t('live.headcount'), quorum: t('live.quorumLine') },
            reached: turnout.quorumReached,
          })
        : null,
    [turnout, t],
  );
  if (!turnout || !tally.electorate || !option) return null;
  const reached = (ok: boolean) => (
    <Tag color={ok ? 'success' : 'default'}>{ok ? t('live.quorumReached') : t('live.quorumNotReached')}</Tag>
  );
  return (
    <Card
      title={t('live.turnout')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('live.refreshed', { time: formatDateTime(tally.computedAt, language) })}
        </Typography.Text>
      }
      data-testid="vote-turnout"
    >
      <TurnoutChart option={option} ariaLabel={t('live.chartLabel')} />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('live.area')}>
          <Flex gap={8} align="center" wrap data-testid="vote-turnout-area">
            {t('live.squareMetres', { value: turnout.area })} /{' '}
            {t('live.squareMetres', { value: tally.electorate.totalArea })}（{turnout.areaRatio.percent}）
            {reached(turnout.quorumReached.area)}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('live.headcount')}>
          <Flex gap={8} align="center" wrap data-testid="vote-turnout-headcount">
            {turnout.headcount} / {tally.electorate.totalHeadcount}（{turnout.headcountRatio.percent}）
            {reached(turnout.quorumReached.headcount)}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('live.channelsLabel')}>
          {t('live.byChannel', { online: turnout.byChannel.online, paper: turnout.byChannel.paper })}
        </Descriptions.Item>
        <Descriptions.Item label={t('live.pendingLabel')}>
          {t('live.pending', { count: tally.pendingPaperEntries })}
        </Descriptions.Item>
      </Descriptions>
      {tally.status === 'open' ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('live.turnoutHint')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
