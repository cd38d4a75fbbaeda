import { App as AntApp, Button, type ButtonProps, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { useSession } from '../../../iam/hooks/useSession';
import { type Vote, votePaths } from '../api';
import { useDownloadCodes, useVoteAction } from '../hooks/useVotes';

export type VoteActionsProps = { vote: Vote };

/** Open, download the codes (once), close and count, cancel — as the vote's state allows. */
export function VoteActions({ vote }: VoteActionsProps) {
  const { t, i18n } = useTranslation('ownersVotes');
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const act = useVoteAction();
  const download = useDownloadCodes();
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const fail = (error: unknown) => void message.error(apiErrorMessage(error, i18n));
  const early = vote.closesAt !== null && Date.now() < Date.parse(vote.closesAt);

  const close = () =>
    act.mutate(
      { id: vote.id, action: 'close', ...(early ? { reason } : {}) },
      {
        onSuccess: () => {
          void message.success(t('live.closed'));
          setClosing(false);
          void navigate(votePaths.result(vote.id));
        },
        onError: fail,
      },
    );

  return (
    <Space wrap>
      {vote.actions.includes('open') ? (
        <Popconfirm
          title={t('setup.openConfirm')}
          onConfirm={() =>
            act.mutate(
              { id: vote.id, action: 'open' },
              { onSuccess: () => void message.success(t('setup.opened')), onError: fail },
            )
          }
        >
          <Button type="primary" data-testid="vote-open">
            {t('setup.open')}
          </Button>
        </Popconfirm>
      ) : null}
      {vote.actions.includes('issue_codes') ? (
        <Popconfirm
          title={t('setup.downloadCodesConfirm')}
          onConfirm={() =>
            download.mutate(
              { id: vote.id, csrfToken: session.csrfToken },
              { onSuccess: () => void message.success(t('setup.codesDownloaded')), onError: fail },
            )
          }
        >
          <Button data-testid="vote-download-codes">{t('setup.downloadCodes')}</Button>
        </Popconfirm>
      ) : null}
      {vote.status === 'open' ? (
        <Button href={votePaths.ballot(vote.id)} target="_blank" data-testid="vote-ballot-link">
          {t('live.ballotPage')}
        </Button>
      ) : null}
      {vote.actions.includes('close') ? (
        <Button type="primary" danger onClick={() => setClosing(true)} data-testid="vote-close">
          {t('live.close')}
        </Button>
      ) : null}
      {vote.actions.includes('cancel') ? (
        <Popconfirm
          title={t('setup.cancel')}
          onConfirm={() =>
            act.mutate(
              { id: vote.id, action: 'cancel' },
              { onSuccess: () => void message.success(t('setup.cancelled')), onError: fail },
            )
          }
        >
          <Button danger type="link">
            {t('setup.cancel')}
          </Button>
        </Popconfirm>
      ) : null}
      <Modal
        open={closing}
        title={t('live.close')}
        onCancel={() => setClosing(false)}
        onOk={close}
        okButtonProps={
          {
            danger: true,
            loading: act.isPending,
            disabled: early && !reason.trim(),
            'data-testid': 'vote-close-confirm',
          } as ButtonProps
        }
      >
        <p>{t('live.closeConfirm')}</p>
        {early ? (
          <>
            <p>{t('live.closeEarly')}</p>
            <Input.TextArea
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('live.closeReason')}
              maxLength={500}
            />
          </>
        ) : null}
      </Modal>
    </Space>
  );
}
