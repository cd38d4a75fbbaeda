import {
  Alert,
  Button,
  Card,
  Collapse,
  Descriptions,
  Flex,
  Result,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useHasPermission } from '../../iam/hooks/useSession';
import type { CommitteeView } from '../api';
import { CommitteeStateTag } from '../components/CommitteeStateTag';
import { DisclosurePanel } from '../components/DisclosurePanel';
import { PartyShareTag } from '../components/PartyShareTag';
import { StartFormationButton } from '../components/StartFormationButton';
import { useCompound } from '../hooks/useOwners';

const FILING_COLORS = { on_time: 'green', late: 'orange', pending: 'blue', overdue: 'red' } as const;

type CommitteeCardProps = { committee: CommitteeView; testId: string };

function CommitteeCard({ committee: c, testId }: CommitteeCardProps) {
  const { t } = useTranslation('owners');
  const share = c.partyShare;
  return (
    <Flex vertical gap={12} data-testid={testId}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('committee.term')}>
          {c.termStart} ~ {c.termEnd}
        </Descriptions.Item>
        <Descriptions.Item label={t('committee.electedOn')}>{c.electedOn}</Descriptions.Item>
        <Descriptions.Item label={t('committee.filedOn')}>
          <Flex gap={6} align="center" wrap>
            {c.filedOn ?? '—'}
            <Tag color={FILING_COLORS[c.filing.state]} data-testid="filing-state" data-state={c.filing.state}>
              {t(`filing.${c.filing.state}`)}
            </Tag>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('committee.authority')}>{c.filingAuthority ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('committee.partyShare')}>
          <PartyShareTag share={share} /> ({share.partyMembers}/{share.members})
        </Descriptions.Item>
      </Descriptions>
      {c.filing.state === 'pending' ? (
        <Alert type="info" showIcon title={t('committee.filingDue', { date: c.filing.dueBy })} />
      ) : null}
      {c.warnings.includes('party_share_below_target') ? (
        <Alert
          type="warning"
          showIcon
          data-testid="party-share-warning"
          title={t('committee.shareWarning', { percent: share.percent })}
        />
      ) : c.termState === 'in_term' && share.percent ? (
        <Alert type="success" showIcon title={t('committee.shareOk', { percent: share.percent })} />
      ) : null}
      {c.warnings.includes('reelection_due') ? (
        <Alert
          type="warning"
          showIcon
          title={t('committee.reelectionDue', { date: c.termEnd, days: c.daysLeft })}
        />
      ) : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.members}
        data-testid="committee-members"
        columns={[
          { key: 'name', title: t('register.name'), dataIndex: 'name' },
          { key: 'post', title: t('committee.members'), render: (_, m) => t(`posts.${m.post}`) },
          {
            key: 'party',
            title: t('committee.partyMember'),
            render: (_, m) => (m.partyMember ? <Tag color="red">{t('committee.partyMember')}</Tag> : null),
          },
          { key: 'since', title: t('committee.term'), render: (_, m) => `${m.since} ~ ${m.until ?? ''}` },
        ]}
      />
    </Flex>
  );
}

export type CommitteePageProps = Record<string, never>;

/** A compound's owners' committee: members, term, filing, party share (60% target), disclosures, history. */
export function CommitteePage(_props: CommitteePageProps) {
  const { t, i18n } = useTranslation('owners');
  const { code } = useParams<{ code: string }>();
  const navigate = useNavigate();
  const canWrite = useHasPermission('owners.write');
  const compound = useCompound(code);
  if (compound.isPending) return <Skeleton active />;
  if (compound.isError)
    return (
      <Result
        status="warning"
        title={t('errors.loadFailed')}
        subTitle={apiErrorMessage(compound.error, i18n)}
      />
    );
  const d = compound.data;
  const hadCommittee = d.current !== null || d.past.length > 0;
  return (
    <Flex vertical gap={16} data-testid="committee-page" data-code={d.code}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex vertical>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="committee-compound-name">
              {d.name} <CommitteeStateTag state={d.state} />
            </Typography.Title>
            <Typography.Text type="secondary">
              {[d.street, d.community].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
          <Flex gap={8} wrap>
            <Link to="/owners">{t('committee.back')}</Link>
            <Link to={`/owners/compounds/${d.code}/register`} data-testid="open-register">
              {t('committee.register')}
            </Link>
            <a href={`/m/compounds/${d.code}`} target="_blank" rel="noreferrer">
              {t('committee.publicPage')}
            </a>
            {canWrite && !d.formation ? (
              <StartFormationButton
                code={d.code}
                reelection={hadCommittee}
                onStarted={() => navigate(`/owners/formations?area=${d.code}`)}
              />
            ) : null}
            {d.formation ? (
              <Button
                onClick={() => navigate(`/owners/formations?area=${d.code}`)}
                data-testid="open-formation"
              >
                {t(`kinds.${d.formation.kind}`)} · {t(`steps.${d.formation.currentStep}`)}
              </Button>
            ) : null}
          </Flex>
        </Flex>
      </Card>
      <Card title={t('committee.title')}>
        {d.current ? (
          <CommitteeCard committee={d.current} testId="current-committee" />
        ) : (
          <Typography.Text type="secondary">{t('committee.none')}</Typography.Text>
        )}
      </Card>
      <DisclosurePanel code={d.code} canWrite={canWrite} />
      {d.past.length > 0 || d.formations.length > 0 ? (
        <Collapse
          items={[
            ...(d.past.length > 0
              ? [
                  {
                    key: 'past',
                    label: t('committee.past'),
                    children: (
                      <Flex vertical gap={24}>
                        {d.past.map((c) => (
                          <CommitteeCard key={c.id} committee={c} testId={`past-committee-${c.id}`} />
                        ))}
                      </Flex>
                    ),
                  },
                ]
              : []),
            {
              key: 'formations',
              label: t('committee.formations'),
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={d.formations}
                  columns={[
                    { key: 'kind', title: t('list.formation'), render: (_, f) => t(`kinds.${f.kind}`) },
                    { key: 'started', title: t('board.started', { date: '' }), dataIndex: 'startedOn' },
                    {
                      key: 'status',
                      title: t('list.state'),
                      render: (_, f) => t(`formationStatus.${f.status}`),
                    },
                    { key: 'step', title: t('board.detail'), render: (_, f) => t(`steps.${f.currentStep}`) },
                  ]}
                />
              ),
            },
          ]}
        />
      ) : null}
    </Flex>
  );
}
