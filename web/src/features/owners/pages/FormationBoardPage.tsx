import {
  App as AntApp,
  Badge,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Modal,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useHasPermission } from '../../iam/hooks/useSession';
import type { Formation } from '../api';
import { BOARD_COLUMNS, boardColumns, deadlineOf } from '../boardColumns';
import { OwnersAreaBar } from '../components/OwnersAreaBar';
import { OwnersNav } from '../components/OwnersNav';
import { StepForm } from '../components/StepForm';
import { useAbandonFormation, useFormations } from '../hooks/useOwners';
import { useOwnersArea } from '../hooks/useOwnersArea';

type FormationCardProps = {
  formation: Formation;
  canWrite: boolean;
  onRecord: (f: Formation) => void;
  onDetail: (f: Formation) => void;
};

function FormationCard({ formation: f, canWrite, onRecord, onDetail }: FormationCardProps) {
  const { t, i18n } = useTranslation('owners');
  const { message, modal } = AntApp.useApp();
  const abandon = useAbandonFormation();
  const deadline = deadlineOf(f);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const ask = () => {
    let reason = '';
    modal.confirm({
      title: t('board.abandon'),
      content: <Input placeholder={t('board.abandonReason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: () =>
        abandon.mutateAsync({ id: f.id, reason: reason.trim() || '—' }).catch((error) => {
          void message.error(apiErrorMessage(error, i18n));
        }),
    });
  };
  return (
    <Card
      size="small"
      data-testid={`formation-card-${f.id}`}
      data-step={f.currentStep}
      data-status={f.status}
    >
      <Flex vertical gap={6}>
        <Link to={`/owners/compounds/${f.compoundCode}`}>
          <Typography.Text strong>{f.compoundName}</Typography.Text>
        </Link>
        <Flex gap={4} wrap>
          <Tag color={f.kind === 'first' ? 'blue' : 'purple'}>{t(`kinds.${f.kind}`)}</Tag>
          {f.candidatePartyShare.percent ? (
            <Tag color={f.candidatePartyShare.meetsTarget ? 'green' : 'orange'}>
              {t('stats.partyShare')} {f.candidatePartyShare.percent}
            </Tag>
          ) : null}
        </Flex>
        <Typography.Text type="secondary">{t('board.started', { date: f.startedOn })}</Typography.Text>
        {deadline ? (
          <Tag color={deadline < today ? 'red' : 'default'}>{t('board.deadline', { date: deadline })}</Tag>
        ) : null}
        <Flex gap={6} wrap>
          <Button size="small" onClick={() => onDetail(f)} data-testid="formation-detail">
            {t('board.detail')}
          </Button>
          {canWrite && f.status === 'in_progress' ? (
            <>
              <Button size="small" type="primary" onClick={() => onRecord(f)} data-testid="formation-record">
                {t('board.next', { step: t(`steps.${f.currentStep}`) })}
              </Button>
              <Button size="small" danger onClick={ask}>
                {t('board.abandon')}
              </Button>
            </>
          ) : null}
        </Flex>
      </Flex>
    </Card>
  );
}

export type FormationBoardPageProps = Record<string, never>;

/** 组建看板 (/owners/formations): formations and re-elections of a place, by the step they await. */
export function FormationBoardPage(_props: FormationBoardPageProps) {
  const { t } = useTranslation('owners');
  const { area, setArea } = useOwnersArea();
  const canWrite = useHasPermission('owners.write');
  const formations = useFormations(area);
  const [recording, setRecording] = useState<Formation | null>(null);
  const [detail, setDetail] = useState<Formation | null>(null);
  const columns = boardColumns(formations.data?.items ?? []);
  return (
    <Flex vertical gap={16} data-testid="formation-board-page">
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <OwnersNav />
          <OwnersAreaBar code={area} onChange={setArea} />
        </Flex>
      </Card>
      <Flex gap={12} style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="formation-board">
        {BOARD_COLUMNS.map((column) => (
          <Card
            key={column}
            size="small"
            loading={formations.isPending && Boolean(area)}
            style={{ minWidth: 240, flex: '1 0 240px', background: '#fafafa' }}
            title={
              <Flex gap={8} align="center">
                {column === 'completed' ? t('board.completed') : t(`steps.${column}`)}
                <Badge count={columns[column].length} showZero color="#1677ff" />
              </Flex>
            }
            data-testid={`board-column-${column}`}
          >
            <Flex vertical gap={8}>
              {columns[column].length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.empty')} />
              ) : (
                columns[column].map((f) => (
                  <FormationCard
                    key={f.id}
                    formation={f}
                    canWrite={canWrite}
                    onRecord={setRecording}
                    onDetail={setDetail}
                  />
                ))
              )}
            </Flex>
          </Card>
        ))}
      </Flex>
      <StepForm formation={recording} onClose={() => setRecording(null)} />
      <Modal
        open={Boolean(detail)}
        onCancel={() => setDetail(null)}
        footer={null}
        title={detail?.compoundName}
        width={640}
      >
        {detail ? (
          <Timeline
            data-testid="formation-steps"
            items={detail.steps.map((s) => ({
              key: s.step,
              children: (
                <Flex vertical>
                  <Typography.Text strong>
                    {t(`steps.${s.step}`)} · {s.completedOn}
                  </Typography.Text>
                  <Typography.Text>
                    {t('step.approver')}：{s.approverName}
                    {s.recordedBy ? `（${s.recordedBy}）` : ''}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('step.documents')}：
                    {s.documents
                      .map((d) => (d.reference ? `${d.title}（${d.reference}）` : d.title))
                      .join('；')}
                  </Typography.Text>
                  {s.note ? <Typography.Text type="secondary">{s.note}</Typography.Text> : null}
                </Flex>
              ),
            }))}
          />
        ) : null}
      </Modal>
    </Flex>
  );
}
