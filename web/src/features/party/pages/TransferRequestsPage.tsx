import {
  App as AntApp,
  Button,
  Card,
  Flex,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useHasPermission } from '../../iam/hooks/useSession';
import type { Transfer, TransferAction, TransferStatus } from '../api';
import { PartyLoadError } from '../components/PartyLoadError';
import { PartyNav } from '../components/PartyNav';
import { TransferRequestForm } from '../components/TransferRequestForm';
import { useActOnTransfer, useTransfers } from '../hooks/useParty';

const STATUS_COLORS: Record<TransferStatus, string> = {
  requested: 'processing',
  accepted: 'gold',
  refused: 'error',
  completed: 'success',
};
const STATUSES: TransferStatus[] = ['requested', 'accepted', 'refused', 'completed'];

export type TransferRequestsPageProps = Record<string, never>;

/** 流动党员组织关系转入 (CAPABILITIES §1.4): requests into the branches of one's scope, each step dated with who took it. */
export function TransferRequestsPage(_props: TransferRequestsPageProps) {
  const { t, i18n } = useTranslation('party');
  const { message } = AntApp.useApp();
  const canWrite = useHasPermission('party.write');
  const [status, setStatus] = useState<TransferStatus | ''>('');
  const [refusing, setRefusing] = useState<Transfer | null>(null);
  const [reason, setReason] = useState('');
  const transfers = useTransfers(status);
  const act = useActOnTransfer();
  const rows = transfers.data?.pages.flatMap((p) => p.items) ?? [];

  const run = (transfer: Transfer, action: TransferAction, why?: string) =>
    act.mutate(
      { id: transfer.id, action, ...(why ? { reason: why } : {}) },
      {
        onSuccess: () => {
          void message.success(t('transfers.done'));
          setRefusing(null);
          setReason('');
        },
        onError: (error) => void message.error(apiErrorMessage(error, i18n)),
      },
    );
  const step = (date: string | null, who: string | null) =>
    date ? t('transfers.step', { date, who: who ?? '—' }) : '—';

  return (
    <Flex vertical gap={16} data-testid="transfer-requests-page">
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <PartyNav />
          {canWrite ? <TransferRequestForm /> : null}
        </Flex>
      </Card>
      <Card
        title={t('transfers.title')}
        extra={
          <Segmented<TransferStatus | ''>
            value={status}
            onChange={setStatus}
            options={[
              { value: '', label: t('transfers.all') },
              ...STATUSES.map((s) => ({ value: s, label: t(`transfers.statuses.${s}`) })),
            ]}
          />
        }
      >
        {transfers.isError ? (
          <PartyLoadError error={transfers.error} onRetry={() => void transfers.refetch()} />
        ) : null}
        <Table<Transfer>
          size="small"
          rowKey="id"
          loading={transfers.isPending}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('transfers.empty') }}
          columns={[
            { key: 'member', title: t('transfers.member'), render: (_, r) => r.memberName ?? '—' },
            { key: 'from', title: t('transfers.from'), dataIndex: 'fromOrgText' },
            { key: 'to', title: t('transfers.to'), render: (_, r) => r.toOrgName ?? '—' },
            {
              key: 'status',
              title: t('transfers.status'),
              render: (_, r) => (
                <Tag color={STATUS_COLORS[r.status]} data-testid={`transfer-status-${r.id}`}>
                  {t(`transfers.statuses.${r.status}`)}
                </Tag>
              ),
            },
            {
              key: 'steps',
              title: t('transfers.steps'),
              render: (_, r) => (
                <Flex vertical style={{ fontSize: 12 }}>
                  <span>
                    {t('transfers.requested')}：{step(r.requestedOn, r.requestedBy)}
                  </span>
                  <span>
                    {t('transfers.decided')}：{step(r.decidedOn, r.decidedBy)}
                  </span>
                  <span>
                    {t('transfers.completed')}：{r.completedOn ?? '—'}
                  </span>
                </Flex>
              ),
            },
            { key: 'reason', title: t('transfers.reason'), render: (_, r) => r.reason ?? '' },
            {
              key: 'actions',
              title: t('transfers.actions'),
              render: (_, r) =>
                canWrite ? (
                  <Space>
                    {r.actions.map((a) => (
                      <Button
                        key={a}
                        size="small"
                        danger={a === 'refuse'}
                        data-testid={`transfer-${a}-${r.id}`}
                        loading={act.isPending && act.variables?.id === r.id && act.variables.action === a}
                        onClick={() => (a === 'refuse' ? setRefusing(r) : run(r, a))}
                      >
                        {t(`transfers.actionNames.${a}`)}
                      </Button>
                    ))}
                  </Space>
                ) : null,
            },
          ]}
        />
        {transfers.hasNextPage ? (
          <Button style={{ marginTop: 12 }} onClick={() => void transfers.fetchNextPage()}>
            {t('transfers.loadMore')}
          </Button>
        ) : null}
      </Card>
      <Modal
        open={refusing !== null}
        title={t('transfers.refuseTitle')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        okText={t('transfers.actionNames.refuse')}
        onOk={() => refusing && run(refusing, 'refuse', reason.trim())}
        onCancel={() => setRefusing(null)}
        confirmLoading={act.isPending}
      >
        <Typography.Paragraph type="secondary">{t('transfers.reasonRequired')}</Typography.Paragraph>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />
      </Modal>
    </Flex>
  );
}
