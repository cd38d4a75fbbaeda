import { Alert, Card, Flex, List, Result, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { pickLocalized } from '../../../../i18n/language';
import { CHOICES, type Choice, votePaths } from '../api';
import { RatioTable } from '../components/RatioTable';
import { VoteHeader } from '../components/VoteHeader';
import { useTally, useVote } from '../hooks/useVotes';

export type VoteResultPageProps = Record<string, never>;

/** 表决结果 (/owners/votes/:id/result): the four ratios, the threshold, and why it passed or failed. */
export function VoteResultPage(_props: VoteResultPageProps) {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation('ownersVotes');
  const vote = useVote(id);
  const tally = useTally(id);

  if (vote.isPending || tally.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (vote.isError) return <Alert type="error" showIcon title={apiErrorMessage(vote.error, i18n)} />;
  if (tally.isError) return <Alert type="error" showIcon title={apiErrorMessage(tally.error, i18n)} />;
  const result = tally.data.tally;

  return (
    <Flex vertical gap={16} data-testid="vote-result-page">
      <VoteHeader vote={vote.data} />
      {!result ? (
        <Alert type="info" showIcon title={t('result.notClosed')} />
      ) : (
        <>
          <Card>
            <Result
              status={result.passed ? 'success' : 'warning'}
              title={
                <span data-testid="vote-result-verdict">
                  {result.passed ? t('result.passed') : t('result.failed')}
                </span>
              }
              subTitle={`${t(`thresholds.${result.threshold}`)} · ${t('result.final')}`}
              style={{ padding: 16 }}
            />
            {tally.data.closedEarlyReason ? (
              <Alert
                type="warning"
                title={t('result.closedEarly', { reason: tally.data.closedEarlyReason })}
              />
            ) : null}
          </Card>
          <Card title={t('result.ratios')}>
            <RatioTable tally={result} />
          </Card>
          {result.reasons.length > 0 ? (
            <Card title={t('result.reasons')}>
              <List
                size="small"
                dataSource={result.reasons}
                data-testid="vote-result-reasons"
                renderItem={(reason) => (
                  <List.Item>{t(`result.reasonTexts.${reason}`, { defaultValue: reason })}</List.Item>
                )}
              />
            </Card>
          ) : null}
          <Card title={t('result.counts')}>
            <Table<{ choice: Choice }>
              size="small"
              rowKey="choice"
              pagination={false}
              dataSource={CHOICES.map((choice) => ({ choice }))}
              columns={[
                { key: 'choice', title: t('result.choice'), render: (_, r) => t(`choices.${r.choice}`) },
                {
                  key: 'area',
                  title: t('result.area'),
                  align: 'right',
                  render: (_, r) => result.counts[r.choice].area,
                },
                {
                  key: 'headcount',
                  title: t('result.headcount'),
                  align: 'right',
                  render: (_, r) => result.counts[r.choice].headcount,
                },
              ]}
            />
          </Card>
          <Card title={t('result.explanation')}>
            <Typography.Paragraph data-testid="vote-result-explanation">
              {pickLocalized(result.explanation, i18n.language)}
            </Typography.Paragraph>
            <Typography.Link href={`/api/v1/public/votes/${vote.data.id}`} target="_blank">
              {t('result.publicPage')}
            </Typography.Link>
            {' · '}
            <Typography.Link href={votePaths.receipt(vote.data.id)} target="_blank">
              {t('ballot.receiptPage')}
            </Typography.Link>
          </Card>
        </>
      )}
    </Flex>
  );
}
