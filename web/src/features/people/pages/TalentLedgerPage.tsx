import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useHasPermission } from '../../iam/hooks/useSession';
import { TalentFilterBar } from '../components/TalentFilterBar';
import { TalentStatsPanel } from '../components/TalentStatsPanel';
import { type Talent, talentExportUrl } from '../ledgerApi';
import { useTalents } from '../ledgerHooks';
import { parseTalentFilters, type TalentFilters, talentFilterParams } from '../ledgerQuery';

export type TalentLedgerPageProps = Record<string, never>;

/**
 * 人才台账 (/people/talents): talents within the caller's scope, filtered by place, category, skill
 * and willingness, beside their counts per child place. The filters live in the URL.
 */
export function TalentLedgerPage(_props: TalentLedgerPageProps) {
  const { t, i18n } = useTranslation('peopleLedger');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseTalentFilters(params), [params]);
  const setFilters = (next: TalentFilters) => setParams(talentFilterParams(next));
  const canWrite = useHasPermission('people.write');
  const talents = useTalents(filters);
  const rows = useMemo(() => talents.data?.pages.flatMap((p) => p.items) ?? [], [talents.data]);

  return (
    <Flex vertical gap={16} data-testid="talent-ledger-page">
      <Card>
        <Flex justify="space-between" align="start" wrap gap={12} style={{ marginBottom: 16 }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('talents.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('talents.subtitle')}</Typography.Text>
          </div>
          <Flex gap={8}>
            <Button icon={<DownloadOutlined />} href={talentExportUrl(filters)} data-testid="talent-export">
              {t('talents.export')}
            </Button>
            {canWrite ? (
              <Link to="/people/import?kind=talents">
                <Button icon={<UploadOutlined />} data-testid="talent-import-link">
                  {t('talents.import')}
                </Button>
              </Link>
            ) : null}
          </Flex>
        </Flex>
        <TalentFilterBar value={filters} onChange={setFilters} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <TalentStatsPanel
            area={filters.areaCode}
            onOpen={(code) => setFilters({ ...filters, areaCode: code })}
          />
        </Col>
        <Col xs={24} xl={16}>
          <Card styles={{ body: { padding: 0 } }}>
            {talents.isError ? (
              <Alert
                type="error"
                showIcon
                title={t('talents.loadFailed')}
                description={apiErrorMessage(talents.error, i18n)}
              />
            ) : null}
            <Table<Talent>
              size="middle"
              rowKey="id"
              loading={talents.isFetching && !talents.isFetchingNextPage}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: t('talents.empty') }}
              onRow={(row) =>
                ({ 'data-testid': `talent-row-${row.id}` }) as React.HTMLAttributes<HTMLElement>
              }
              data-testid="talent-table"
              scroll={{ x: 900 }}
              columns={[
                {
                  key: 'name',
                  title: t('talents.fields.name'),
                  dataIndex: 'name',
                  fixed: 'left',
                  width: 100,
                },
                {
                  key: 'gender',
                  title: t('talents.fields.gender'),
                  width: 110,
                  render: (_, r) => `${t(`gender.${r.gender}`)}${r.age === null ? '' : ` · ${r.age}`}`,
                },
                {
                  key: 'categories',
                  title: t('talents.fields.categories'),
                  render: (_, r) =>
                    r.categories.map((c) => (
                      <Tag key={c} color="blue">
                        {t(`category.${c}`)}
                      </Tag>
                    )),
                },
                {
                  key: 'skills',
                  title: t('talents.fields.skills'),
                  render: (_, r) => r.skills.map((s) => <Tag key={s}>{t(`skill.${s}`)}</Tag>),
                },
                {
                  key: 'willingness',
                  title: t('talents.fields.willingness'),
                  width: 100,
                  render: (_, r) => t(`willingness.${r.willingness}`),
                },
                {
                  key: 'availability',
                  title: t('talents.fields.availability'),
                  width: 120,
                  render: (_, r) => t(`availability.${r.availability}`),
                },
                {
                  key: 'phone',
                  title: t('talents.fields.phone'),
                  width: 130,
                  render: (_, r) => r.phoneMasked ?? '—',
                },
                {
                  key: 'address',
                  title: t('talents.fields.address'),
                  render: (_, r) => <Typography.Text type="secondary">{r.address}</Typography.Text>,
                },
              ]}
            />
            <Flex justify="space-between" align="center" style={{ padding: 12 }}>
              <Typography.Text type="secondary" data-testid="talent-shown">
                {t('talents.shown', { count: rows.length })}
              </Typography.Text>
              {talents.hasNextPage ? (
                <Button onClick={() => talents.fetchNextPage()} loading={talents.isFetchingNextPage}>
                  {t('talents.loadMore')}
                </Button>
              ) : null}
            </Flex>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
