import { App as AntApp, Button, Card, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { formatDateTime } from '../../../../i18n/format';
import { useLanguage } from '../../../../i18n/useLanguage';
import { useSession } from '../../../iam/hooks/useSession';
import { type Vote, votePaths } from '../api';
import { CompoundPicker } from '../components/CompoundPicker';
import { CreateVoteForm } from '../components/CreateVoteForm';
import { VoteStatusTag } from '../components/VoteStatusTag';
import { useDownloadCodes, useVoteAction, useVotes } from '../hooks/useVotes';

export type VoteSetupPageProps = Record<string, never>;

/**
 * 业主大会表决 (/owners/votes): the votes of one's compounds; draft one on a matter of Civil Code
 * art. 278(1), open it (the register is frozen), download the voting codes once.
 */
export function VoteSetupPage(_props: VoteSetupPageProps) {
  const { t, i18n } = useTranslation('ownersVotes');
  const { message } = AntApp.useApp();
  const language = useLanguage();
  const session = useSession();
  const [compound, setCompound] = useState<string | undefined>();
  const votes = useVotes(compound ?? '');
  const act = useVoteAction();
  const download = useDownloadCodes();
  const fail = (error: unknown) => void message.error(apiErrorMessage(error, i18n));

  const actions = (vote: Vote) => (
    <Space wrap size={4}>
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
          <Button size="small" type="primary" data-testid={`vote-open-${vote.id}`}>
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
          <Button size="small" data-testid={`vote-codes-${vote.id}`}>
            {t('setup.downloadCodes')}
          </Button>
        </Popconfirm>
      ) : null}
      {vote.status === 'open' || vote.status === 'draft' ? (
        <Link to={votePaths.live(vote.id)} data-testid={`vote-live-${vote.id}`}>
          {t('setup.live')}
        </Link>
      ) : null}
      {vote.status === 'closed' ? (
        <Link to={votePaths.result(vote.id)} data-testid={`vote-result-${vote.id}`}>
          {t('setup.result')}
        </Link>
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
          <Button size="small" danger type="link">
            {t('setup.cancel')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );

  return (
    <Flex vertical gap={16} data-testid="vote-setup-page">
      <Card>
        <Flex justify="space-between" align="center" gap={12} wrap>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('setup.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('setup.basis')}</Typography.Text>
          </div>
          <Space wrap>
            <CompoundPicker
              value={compound}
              onChange={setCompound}
              placeholder={t('setup.allCompounds')}
              allowClear
              testId="vote-filter-compound"
            />
            {session.permissions.includes('owners.write') ? <CreateVoteForm compoundCode={compound} /> : null}
          </Space>
        </Flex>
      </Card>
      <Card>
        <Table<Vote>
          rowKey="id"
          size="small"
          loading={votes.isPending}
          dataSource={votes.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('setup.empty') }}
          columns={[
            {
              key: 'title',
              title: t('setup.columns.title'),
              render: (_, v) => (
                <Link to={v.status === 'closed' ? votePaths.result(v.id) : votePaths.live(v.id)}>
                  {v.title}
                </Link>
              ),
            },
            {
              key: 'compound',
              title: t('setup.columns.compound'),
              render: (_, v) => v.compoundName ?? v.compoundCode,
            },
            {
              key: 'item',
              title: t('setup.columns.item'),
              render: (_, v) => t(`items.${v.item}`),
              width: 320,
            },
            {
              key: 'status',
              title: t('setup.columns.status'),
              render: (_, v) => <VoteStatusTag status={v.status} testId={`vote-status-${v.id}`} />,
            },
            {
              key: 'ballots',
              title: t('setup.columns.ballots'),
              render: (_, v) => (v.electorate ? `${v.ballots} / ${v.electorate.totalHeadcount}` : '—'),
            },
            {
              key: 'closesAt',
              title: t('setup.columns.closesAt'),
              render: (_, v) => (v.closesAt ? formatDateTime(v.closesAt, language) : '—'),
            },
            { key: 'actions', title: t('setup.columns.actions'), render: (_, v) => actions(v) },
          ]}
        />
      </Card>
    </Flex>
  );
}
