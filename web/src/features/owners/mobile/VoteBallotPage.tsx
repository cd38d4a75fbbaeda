import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, ErrorBlock, Form, Input, Radio, Result, Skeleton, Space } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { pickLocalized } from '../../../i18n/language';
import {
  accessBallot,
  type BallotAccess,
  CHOICES,
  type Choice,
  castBallot,
  fetchPublicVote,
  type Receipt,
  voteKeys,
  votePaths,
} from '../votes/api';
import { VoteMobileShell } from './VoteMobileShell';

export type VoteBallotPageProps = Record<string, never>;

const section = { margin: '12px 12px 0', borderRadius: 12 } as const;

/**
 * The owner's ballot (/m/votes/:id), no sign-in: type the voting code → read the matter → choose →
 * confirm → the receipt code, shown once, with a link to check the ballot was counted.
 */
export function VoteBallotPage(_props: VoteBallotPageProps) {
  const { id = '' } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation('ownersVotes');
  const vote = useQuery({
    queryKey: voteKeys.publicVote(id),
    queryFn: ({ signal }) => fetchPublicVote(id, signal),
  });
  const [code, setCode] = useState('');
  const [access, setAccess] = useState<BallotAccess | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const check = useMutation({ mutationFn: accessBallot, onSuccess: setAccess });
  const cast = useMutation({ mutationFn: castBallot, onSuccess: setReceipt });
  const error = check.error ?? cast.error;

  const title = vote.data?.title ?? t('ballot.documentTitle');
  const body = (() => {
    if (vote.isPending) return <Skeleton.Paragraph lineCount={5} animated style={{ padding: 16 }} />;
    if (vote.isError) {
      const missing = isApiError(vote.error) && vote.error.status === 404;
      return (
        <ErrorBlock
          status="empty"
          title={missing ? t('ballot.notFound') : apiErrorMessage(vote.error, i18n)}
          description=""
        />
      );
    }
    if (receipt)
      return (
        <Card style={section} data-testid="ballot-receipt">
          <Result
            status="success"
            title={t('ballot.done')}
            description={t('ballot.publicId', { id: receipt.publicId })}
          />
          <div style={{ textAlign: 'center', margin: '8px 0 4px', color: '#666' }}>
            {t('ballot.receiptTitle')}
          </div>
          <div
            style={{
              textAlign: 'center',
              fontSize: 26,
              fontWeight: 700,
              letterSpacing: 2,
              fontFamily: 'monospace',
            }}
            data-testid="ballot-receipt-code"
          >
            {receipt.receiptCode}
          </div>
          <p style={{ color: '#888', fontSize: 13 }}>{t('ballot.receiptHint')}</p>
          <Link to={votePaths.receipt(id, receipt.receiptCode)} data-testid="ballot-check-link">
            <Button block color="primary" fill="outline">
              {t('ballot.checkReceipt')}
            </Button>
          </Link>
        </Card>
      );
    if (vote.data.status !== 'open')
      return <ErrorBlock status="default" title={t('ballot.notOpen')} description="" />;
    if (!access)
      return (
        <Card style={section} title={t('ballot.codeTitle')}>
          <Form
            layout="vertical"
            onFinish={() => check.mutate({ id, code })}
            footer={
              <Button
                block
                type="submit"
                color="primary"
                size="large"
                loading={check.isPending}
                data-testid="ballot-code-next"
              >
                {t('ballot.next')}
              </Button>
            }
          >
            <Form.Item help={t('ballot.codeHint')}>
              <Input
                value={code}
                onChange={setCode}
                placeholder={t('ballot.codePlaceholder')}
                autoComplete="off"
                clearable
                style={{ '--font-size': '20px', letterSpacing: 1 }}
                data-testid="ballot-code"
              />
            </Form.Item>
          </Form>
        </Card>
      );
    return (
      <>
        <Card style={section} title={t('ballot.matter')} data-testid="ballot-matter">
          <div style={{ fontSize: 16, fontWeight: 600 }}>{access.vote.title}</div>
          <div style={{ color: '#555', margin: '6px 0' }}>{t(`items.${access.vote.item}`)}</div>
          {access.vote.description ? (
            <p style={{ color: '#333', lineHeight: 1.6 }}>{access.vote.description}</p>
          ) : null}
          <div style={{ color: '#888', fontSize: 13 }}>{t(`thresholds.${access.vote.threshold}`)}</div>
        </Card>
        <Card style={section} title={t('ballot.youVoteAs')}>
          <div data-testid="ballot-elector">{access.elector.label}</div>
          <div style={{ color: '#888', fontSize: 13 }}>{t('ballot.area', { area: access.elector.area })}</div>
        </Card>
        <Card style={section} title={t('ballot.choose')}>
          <Radio.Group value={choice} onChange={(v) => setChoice(v as Choice)}>
            <Space direction="vertical" block>
              {CHOICES.map((c) => (
                <Radio key={c} value={c} style={{ '--font-size': '18px' }} data-testid={`ballot-choice-${c}`}>
                  {t(`choices.${c}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
          {reviewing && choice ? (
            <div style={{ marginTop: 16 }} data-testid="ballot-review">
              <p>{t('ballot.reviewText', { choice: t(`choices.${choice}`) })}</p>
              <Space block direction="vertical">
                <Button
                  block
                  color="primary"
                  size="large"
                  loading={cast.isPending}
                  onClick={() => cast.mutate({ id, code, choice })}
                  data-testid="ballot-submit"
                >
                  {t('ballot.submit')}
                </Button>
                <Button block onClick={() => setReviewing(false)}>
                  {t('ballot.back')}
                </Button>
              </Space>
            </div>
          ) : (
            <Button
              block
              color="primary"
              size="large"
              disabled={!choice}
              style={{ marginTop: 16 }}
              onClick={() => setReviewing(true)}
              data-testid="ballot-review-next"
            >
              {t('ballot.review')}
            </Button>
          )}
        </Card>
      </>
    );
  })();

  return (
    <VoteMobileShell
      title={title}
      subtitle={
        vote.data
          ? `${vote.data.compoundName ?? ''} · ${pickLocalized(vote.data.itemText, i18n.language)}`
          : null
      }
      testId="vote-ballot-page"
    >
      {error ? (
        <div style={{ margin: '12px 12px 0', color: '#d4380d' }} role="alert" data-testid="ballot-error">
          {apiErrorMessage(error, i18n)}
        </div>
      ) : null}
      {body}
    </VoteMobileShell>
  );
}
