import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type MissingCommittees, type ReelectionsDue, watchExportUrl } from '../api';
import { OwnersAreaBar } from '../components/OwnersAreaBar';
import { OwnersNav } from '../components/OwnersNav';
import { useMissingCommittees, useReelectionsDue } from '../hooks/useOwners';
import { useOwnersArea } from '../hooks/useOwnersArea';

type Missing = MissingCommittees['items'][number];
type Due = ReelectionsDue['items'][number];

export type WatchListsPageProps = Record<string, never>;

/**
 * 预警清单 (/owners/watch, CAPABILITIES §1.5): compounds that should have a committee and have none
 * (Shandong arts. 20–21), and committees due for re-election (art. 33). Each row opens the compound.
 */
export function WatchListsPage(_props: WatchListsPageProps) {
  const { t } = useTranslation('owners');
  const navigate = useNavigate();
  const { area, setArea, searchParams, setSearchParams } = useOwnersArea();
  const tab = searchParams.get('list') === 'reelections' ? 'reelections' : 'missing';
  const missing = useMissingCommittees(area);
  const due = useReelectionsDue(area);
  const open = (code: string) => ({
    onClick: () => navigate(`/owners/compounds/${code}`),
    style: { cursor: 'pointer' },
  });
  const progress = (f: Missing['formation']) =>
    f ? <Tag color="processing">{t(`steps.${f.currentStep}`)}</Tag> : <Tag>{t('watch.notStarted')}</Tag>;
  const place = [
    {
      key: 'name',
      title: t('list.name'),
      render: (_: unknown, r: Missing | Due) => <Link to={`/owners/compounds/${r.code}`}>{r.name}</Link>,
    },
    { key: 'street', title: t('list.street'), dataIndex: 'street' },
    { key: 'community', title: t('list.community'), dataIndex: 'community' },
  ];
  const exportButton = (list: 'missing-committees' | 'reelections') =>
    area ? (
      <Button icon={<DownloadOutlined />} href={watchExportUrl(list, area)} data-testid={`export-${list}`}>
        {t('watch.export')}
      </Button>
    ) : null;

  return (
    <Flex vertical gap={16} data-testid="watch-lists-page">
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <OwnersNav />
          <OwnersAreaBar code={area} onChange={setArea} />
        </Flex>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(searchParams);
            next.set('list', key);
            setSearchParams(next);
          }}
          items={[
            {
              key: 'missing',
              label: `${t('watch.missing')} (${missing.data?.items.length ?? '…'})`,
              children: (
                <Flex vertical gap={12}>
                  <Flex justify="space-between" gap={12} align="center">
                    <Alert type="info" showIcon title={t('watch.missingHint')} style={{ flex: 1 }} />
                    {exportButton('missing-committees')}
                  </Flex>
                  <Table<Missing>
                    size="small"
                    rowKey="code"
                    loading={missing.isPending && Boolean(area)}
                    dataSource={missing.data?.items ?? []}
                    pagination={{ pageSize: 50, hideOnSinglePage: true }}
                    locale={{ emptyText: t('watch.empty') }}
                    data-testid="watch-missing"
                    onRow={(r) =>
                      ({
                        ...open(r.code),
                        'data-testid': `missing-row-${r.code}`,
                      }) as React.HTMLAttributes<HTMLElement>
                    }
                    columns={[
                      ...place,
                      {
                        key: 'conditions',
                        title: t('watch.conditions'),
                        render: (_, r) => r.conditions.map((c) => <Tag key={c}>{t(`conditions.${c}`)}</Tag>),
                      },
                      { key: 'since', title: t('watch.since'), dataIndex: 'triggeredSince' },
                      {
                        key: 'by',
                        title: t('watch.groupBy'),
                        render: (_, r) => (
                          <Flex gap={4}>
                            {r.preparatoryGroupBy}
                            {r.overdue ? <Tag color="red">{t('watch.overdue')}</Tag> : null}
                          </Flex>
                        ),
                      },
                      {
                        key: 'progress',
                        title: t('watch.progress'),
                        render: (_, r) => progress(r.formation),
                      },
                    ]}
                  />
                </Flex>
              ),
            },
            {
              key: 'reelections',
              label: `${t('watch.reelections')} (${due.data?.items.length ?? '…'})`,
              children: (
                <Flex vertical gap={12}>
                  <Flex justify="space-between" gap={12} align="center">
                    <Alert type="info" showIcon title={t('watch.reelectionsHint')} style={{ flex: 1 }} />
                    {exportButton('reelections')}
                  </Flex>
                  <Table<Due>
                    size="small"
                    rowKey="committeeId"
                    loading={due.isPending && Boolean(area)}
                    dataSource={due.data?.items ?? []}
                    pagination={{ pageSize: 50, hideOnSinglePage: true }}
                    locale={{ emptyText: t('watch.empty') }}
                    data-testid="watch-reelections"
                    onRow={(r) =>
                      ({
                        ...open(r.code),
                        'data-testid': `reelection-row-${r.code}`,
                      }) as React.HTMLAttributes<HTMLElement>
                    }
                    columns={[
                      ...place,
                      { key: 'termEnd', title: t('watch.termEnd'), dataIndex: 'termEnd' },
                      { key: 'days', title: t('watch.daysLeft'), dataIndex: 'daysLeft' },
                      {
                        key: 'watch',
                        title: t('list.state'),
                        render: (_, r) => (
                          <Tag color={r.watch === 'ended' ? 'red' : 'orange'}>{t(`watch.${r.watch}`)}</Tag>
                        ),
                      },
                      {
                        key: 'progress',
                        title: t('watch.progress'),
                        render: (_, r) => progress(r.formation),
                      },
                    ]}
                  />
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
