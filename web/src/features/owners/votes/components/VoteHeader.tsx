import { Card, Descriptions, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../i18n/format';
import { useLanguage } from '../../../../i18n/useLanguage';
import { type Vote, votePaths } from '../api';
import { VoteStatusTag } from './VoteStatusTag';

export type VoteHeaderProps = { vote: Vote; extra?: ReactNode };

/** The vote's matter in the words of art. 278(1), its threshold, electorate and times. */
export function VoteHeader({ vote, extra }: VoteHeaderProps) {
  const { t } = useTranslation('ownersVotes');
  const language = useLanguage();
  return (
    <Card>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <div>
          <Link to={votePaths.list}>{t('live.back')}</Link>
          <Typography.Title level={4} style={{ margin: '8px 0' }} data-testid="vote-title-heading">
            {vote.title} <VoteStatusTag status={vote.status} testId="vote-status" />
          </Typography.Title>
        </div>
        {extra}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('setup.compound')}>
          {vote.compoundName ?? vote.compoundCode}
        </Descriptions.Item>
        <Descriptions.Item label={t('setup.item')}>
          <span data-testid="vote-item-text">{t(`items.${vote.item}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('result.required')}>
          {t(`thresholds.${vote.threshold}`)}
        </Descriptions.Item>
        {vote.electorate ? (
          <Descriptions.Item label={t('live.electorate')}>
            {t('live.squareMetres', { value: vote.electorate.totalArea })} ·{' '}
            {t('live.people', { value: vote.electorate.totalHeadcount })}
          </Descriptions.Item>
        ) : null}
        {vote.closesAt ? (
          <Descriptions.Item label={t('setup.closesAt')}>
            {formatDateTime(vote.closesAt, language)}
          </Descriptions.Item>
        ) : null}
        {vote.description ? (
          <Descriptions.Item label={t('setup.description')} span={2}>
            {vote.description}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}
