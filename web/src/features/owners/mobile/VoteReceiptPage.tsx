import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Result } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { formatDateTime } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { checkReceipt, voteKeys } from '../votes/api';
import { VoteMobileShell } from './VoteMobileShell';

export type VoteReceiptPageProps = Record<string, never>;

/** 表决票查询 (/m/votes/:id/receipt): a receipt code shows that its ballot was counted, and how. */
export function VoteReceiptPage(_props: VoteReceiptPageProps) {
  const { id = '' } = useParams<{ id: string }>();
  const [params, setParams] = useSearchParams();
  const { t, i18n } = useTranslation('ownersVotes');
  const language = useLanguage();
  const code = params.get('code') ?? '';
  const [typed, setTyped] = useState(code);
  const receipt = useQuery({
    queryKey: voteKeys.receipt(id, code),
    queryFn: ({ signal }) => checkReceipt({ id, code, signal }),
    enabled: code.length > 0,
    retry: false,
  });

  return (
    <VoteMobileShell title={t('ballot.receiptPage')} testId="vote-receipt-page">
      <Card style={{ margin: '12px 12px 0', borderRadius: 12 }}>
        <Form
          layout="vertical"
          onFinish={() => setParams({ code: typed.trim() })}
          footer={
            <Button block type="submit" color="primary">
              {t('ballot.check')}
            </Button>
          }
        >
          <Form.Item label={t('ballot.receiptCode')}>
            <Input value={typed} onChange={setTyped} clearable data-testid="receipt-code" />
          </Form.Item>
        </Form>
      </Card>
      {receipt.data ? (
        <Card style={{ margin: '12px 12px 0', borderRadius: 12 }} data-testid="receipt-counted">
          <Result
            status="success"
            title={t('ballot.counted')}
            description={t('ballot.publicId', { id: receipt.data.publicId })}
          />
          <p>{t('ballot.receiptChoice', { choice: t(`choices.${receipt.data.choice}`) })}</p>
          <p>{t('ballot.receiptChannel', { channel: t(`channels.${receipt.data.channel}`) })}</p>
          <p>{t('ballot.receiptCastAt', { time: formatDateTime(receipt.data.castAt, language) })}</p>
        </Card>
      ) : null}
      {receipt.isError ? (
        <Card style={{ margin: '12px 12px 0', borderRadius: 12 }}>
          <Result
            status="warning"
            title={
              isApiError(receipt.error) && receipt.error.status === 404
                ? t('ballot.receiptNotFound')
                : apiErrorMessage(receipt.error, i18n)
            }
          />
        </Card>
      ) : null}
    </VoteMobileShell>
  );
}
