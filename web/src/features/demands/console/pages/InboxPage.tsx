import { BarChartOutlined, DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { pickLocalized } from '../../../../i18n/language';
import { useSession } from '../../../iam/hooks/useSession';
import { type DemandListItem, demandsExportUrl } from '../../api';
import { DueTag } from '../components/DueTag';
import { InboxFilters } from '../components/InboxFilters';
import { StatusTag } from '../components/StatusTag';
import { formatShortDateTime } from '../due';
import { demandErrorMessage } from '../errors';
import { useDemandList } from '../hooks';
import {
  type InboxState,
  inboxSetup,
  type Preset,
  readInboxState,
  toListFilters,
  writeInboxState,
} from '../inbox';

export type InboxPageProps = Record<string, never>;

/**
 * 诉求工作台 (/demands): the demands of the caller's scope by stage (presets per role), with the
 * time-limit flags, filters kept in the address, "load more" and the Excel export of the same list.
 */
export function InboxPage(_props: InboxPageProps) {
  const { t, i18n } = useTranslation('demands');
  const session = useSession();
  const setup = useMemo(
    () => inboxSetup({ permissions: session.permissions, roles: session.assignments.map((a) => a.role) }),
    [session],
  );
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readInboxState(params, setup), [params, setup]);
  const filters = useMemo(() => toListFilters(state), [state]);
  const list = useDemandList(filters);
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const numbers = new Intl.NumberFormat(i18n.language);

  const change = (patch: Partial<InboxState>) => setParams(writeInboxState({ ...state, ...patch }, setup));
  const reset = () =>
    setParams(
      writeInboxState({ ...readInboxState(new URLSearchParams(), setup), preset: state.preset }, setup),
    );

  return (
    <Flex vertical gap={16} data-testid="demands-inbox">
      <Card
        title={t('inbox.title')}
        extra={
          <Flex gap={8}>
            <Link to="/demands/rates">
              <Button icon={<BarChartOutlined />} data-testid="demands-rates-link">
                {t('inbox.rates')}
              </Button>
            </Link>
            {session.permissions.includes('demands.manage') ? (
              <Link to="/demands/admin">
                <Button icon={<SettingOutlined />} data-testid="demands-admin-link">
                  {t('inbox.admin')}
                </Button>
              </Link>
            ) : null}
            <Button
              icon={<DownloadOutlined />}
              href={demandsExportUrl(filters)}
              download
              data-testid="demands-export"
            >
              {t('inbox.export')}
            </Button>
            {setup.canCreate ? (
              <Link to="/demands/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="demands-new">
                  {t('inbox.new')}
                </Button>
              </Link>
            ) : null}
          </Flex>
        }
      >
        <Tabs
          activeKey={state.preset}
          onChange={(preset) => change({ preset: preset as Preset })}
          items={setup.presets.map((preset) => ({
            key: preset,
            label: <span data-testid={`preset-${preset}`}>{t(`presets.${preset}`)}</span>,
          }))}
        />
        <InboxFilters state={state} setup={setup} onChange={change} onReset={reset} />
      </Card>
      <Card
        size="small"
        extra={
          total !== undefined ? (
            <Typography.Text type="secondary" data-testid="demands-total">
              {t('inbox.total', { count: total, formatted: numbers.format(total) })}
            </Typography.Text>
          ) : null
        }
      >
        {list.isError ? <Alert type="error" showIcon title={demandErrorMessage(list.error, i18n)} /> : null}
        <Table<DemandListItem>
          size="small"
          rowKey="id"
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('inbox.empty') }}
          data-testid="demands-table"
          scroll={{ x: 1080 }}
          onRow={(r) => ({ 'data-testid': `demand-row-${r.number}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'number',
              title: t('inbox.columns.number'),
              width: 140,
              render: (_, r) => (
                <Link to={`/demands/${r.id}`} data-testid={`demand-link-${r.number}`}>
                  {r.number}
                </Link>
              ),
            },
            {
              key: 'category',
              title: t('inbox.columns.category'),
              width: 110,
              render: (_, r) => pickLocalized(r.categoryName, i18n.language),
            },
            {
              key: 'summary',
              title: t('inbox.columns.summary'),
              ellipsis: { showTitle: true },
              render: (_, r) => r.summary,
            },
            {
              key: 'place',
              title: t('inbox.columns.place'),
              width: 140,
              ellipsis: true,
              render: (_, r) => r.placeName ?? r.address ?? '—',
            },
            {
              key: 'responsible',
              title: t('inbox.columns.responsible'),
              width: 140,
              ellipsis: true,
              render: (_, r) =>
                r.responsibleName
                  ? r.responsibleName
                  : r.responsibleKind
                    ? t(`responsibleKind.${r.responsibleKind}`)
                    : '—',
            },
            {
              key: 'received',
              title: t('inbox.columns.received'),
              width: 100,
              render: (_, r) => formatShortDateTime(r.receivedAt, i18n.language),
            },
            {
              key: 'due',
              title: t('inbox.columns.due'),
              width: 170,
              render: (_, r) => <DueTag item={r} short />,
            },
            {
              key: 'status',
              title: t('inbox.columns.status'),
              width: 90,
              render: (_, r) => <StatusTag status={r.status} />,
            },
          ]}
        />
        {list.hasNextPage ? (
          <Button
            style={{ marginTop: 12 }}
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
            data-testid="demands-load-more"
          >
            {t('inbox.loadMore')}
          </Button>
        ) : null}
      </Card>
    </Flex>
  );
}
