import { Card, Descriptions, Empty, Flex, List, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasPermission } from '../../iam/hooks/useSession';
import type { PartyOrgDetail } from '../api';
import { useOrg } from '../hooks/useParty';
import { partyPath } from '../paths';
import { ChecklistResults } from './ChecklistResults';
import { LifeRecordForm } from './LifeRecordForm';
import { OrgKindTag } from './OrgKindTag';
import { PartyLoadError } from './PartyLoadError';

export type OrgDetailPanelProps = { id: string; area: string | undefined };

/** One organisation: where it sits in the chain, who holds office, whose relation sits here, what it held. */
export function OrgDetailPanel({ id, area }: OrgDetailPanelProps) {
  const { t } = useTranslation('party');
  const org = useOrg(id);
  const canWrite = useHasPermission('party.write');
  if (org.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (org.isError)
    return (
      <Card>
        <PartyLoadError error={org.error} onRetry={() => void org.refetch()} />
      </Card>
    );
  const d = org.data;
  const orgLink = (o: { id: string; name: string }) => (
    <Link to={partyPath('tree', area, { org: o.id })} data-testid={`party-org-link-${o.id}`}>
      {o.name}
    </Link>
  );

  return (
    <Flex vertical gap={16} data-testid="party-org-detail" data-kind={d.kind}>
      <Card>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="party-org-name">
            {d.name}
          </Typography.Title>
          <OrgKindTag kind={d.kind} dissolved={d.status === 'dissolved'} />
          {d.status === 'dissolved' ? <Tag>{t('status.dissolved')}</Tag> : null}
          <Tag color={d.chainIntact ? 'success' : 'warning'} data-testid="party-chain-state">
            {d.chainIntact ? t('tree.chainIntact') : t('tree.chainBroken')}
          </Tag>
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, xl: 3 }}
          style={{ marginTop: 16 }}
          items={[
            { key: 'area', label: t('detail.area'), children: d.area?.name ?? d.areaCode },
            { key: 'place', label: t('detail.meetingPlace'), children: d.meetingPlace ?? t('detail.none') },
            { key: 'est', label: t('detail.establishedOn'), children: d.establishedOn ?? t('detail.none') },
            {
              key: 'above',
              label: t('detail.ancestors'),
              children: d.ancestors.length ? (
                <Flex gap={4} wrap>
                  {d.ancestors.map((a, i) => (
                    <span key={a.id}>
                      {i > 0 ? ' › ' : ''}
                      {orgLink(a)}
                    </span>
                  ))}
                </Flex>
              ) : (
                '—'
              ),
            },
          ]}
        />
      </Card>
      {d.checklist ? (
        <Card title={t('detail.checklist')} size="small">
          <ChecklistResults evaluation={d.checklist} />
        </Card>
      ) : null}
      <Card title={t('detail.posts')} size="small">
        <PostsTable posts={d.posts} />
      </Card>
      <Card title={t('detail.members')} size="small">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.members}
          locale={{ emptyText: t('detail.noMembers') }}
          columns={[
            { key: 'name', title: t('detail.member'), dataIndex: 'name' },
            { key: 'm', title: t('detail.membership'), render: (_, m) => t(`membership.${m.membership}`) },
          ]}
        />
      </Card>
      <Card title={t('detail.children')} size="small">
        {d.children.length ? (
          <List
            size="small"
            dataSource={d.children}
            renderItem={(c) => (
              <List.Item>
                <Flex gap={8} align="center">
                  <OrgKindTag kind={c.kind} dissolved={c.status === 'dissolved'} />
                  {orgLink(c)}
                  <Typography.Text type="secondary">{c.areaName}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noChildren')} />
        )}
      </Card>
      {d.kind === 'central_household' ? (
        <Card title={t('detail.households')} size="small">
          <List
            size="small"
            dataSource={d.households}
            locale={{ emptyText: t('detail.noHouseholds') }}
            renderItem={(h) => (
              <List.Item>
                {h.place} / {h.name}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card
        title={t('detail.lifeRecords')}
        size="small"
        extra={canWrite && d.status === 'active' ? <LifeRecordForm orgId={d.id} /> : null}
      >
        <List
          size="small"
          dataSource={d.recentLifeRecords}
          locale={{ emptyText: t('detail.noLife') }}
          renderItem={(r) => (
            <List.Item data-testid={`party-life-${r.id}`}>
              <Flex gap={8} wrap>
                <Typography.Text>{r.heldOn}</Typography.Text>
                <Tag>{t(`lifeKinds.${r.kind}`)}</Tag>
                <Typography.Text>{r.topic}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('detail.attendees', { count: r.attendees })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}

type PostsTableProps = { posts: PartyOrgDetail['posts'] };

function PostsTable({ posts }: PostsTableProps) {
  const { t } = useTranslation('party');
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={posts}
      locale={{ emptyText: t('detail.noPosts') }}
      columns={[
        { key: 'member', title: t('detail.member'), render: (_, p) => p.memberName ?? '—' },
        { key: 'post', title: t('detail.post'), render: (_, p) => t(`posts.${p.post}`) },
        {
          key: 'period',
          title: t('detail.period'),
          render: (_, p) =>
            p.until
              ? t('detail.between', { since: p.since, until: p.until })
              : t('detail.toDate', { since: p.since }),
        },
        {
          key: 'bg',
          title: t('detail.background'),
          render: (_, p) => (p.background ? t(`backgrounds.${p.background}`) : '—'),
        },
        {
          key: 'in',
          title: t('detail.inPost'),
          render: (_, p) => (
            <Tag color={p.inPost ? 'success' : 'default'}>
              {p.inPost ? t('detail.inPost') : t('detail.outOfPost')}
            </Tag>
          ),
        },
      ]}
    />
  );
}
