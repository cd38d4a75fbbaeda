import { Alert, Button, Card, Col, Flex, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Household } from '../api';
import { PartyAreaBar } from '../components/PartyAreaBar';
import { PartyLoadError } from '../components/PartyLoadError';
import { PartyNav } from '../components/PartyNav';
import { useReach, useUnreached } from '../hooks/useParty';
import { usePartyArea } from '../hooks/usePartyArea';

export type ReachPageProps = Record<string, never>;

/**
 * 组织覆盖 (CAPABILITIES §1.1 "every household reachable through it"): how many households of the
 * place the chain reaches, counted by the server from the records, and the ones it does not.
 */
export function ReachPage(_props: ReachPageProps) {
  const { t, i18n } = useTranslation('party');
  const { area, setArea } = usePartyArea();
  const reach = useReach(area);
  const unreached = useUnreached(area);
  const numbers = new Intl.NumberFormat(i18n.language);
  const rows = unreached.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Flex vertical gap={16} data-testid="reach-page">
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <PartyNav />
          <PartyAreaBar code={area} onChange={setArea} />
        </Flex>
      </Card>
      {reach.isError ? <PartyLoadError error={reach.error} onRetry={() => void reach.refetch()} /> : null}
      <Card title={t('reach.title')} loading={reach.isPending && Boolean(area)} data-testid="reach-summary">
        {reach.data ? (
          <Flex vertical gap={12}>
            <Row gutter={[16, 16]}>
              <Col xs={24} sm={8}>
                <Statistic title={t('reach.households')} value={numbers.format(reach.data.households)} />
              </Col>
              <Col xs={24} sm={8}>
                <Statistic title={t('reach.reached')} value={numbers.format(reach.data.reached)} />
              </Col>
              <Col xs={24} sm={8} data-testid="reach-rate">
                <Statistic
                  title={t('reach.rate')}
                  value={reach.data.rate.percent ?? '—'}
                  styles={{ content: { color: '#cf1322' } }}
                />
              </Col>
            </Row>
            <Alert type="info" showIcon title={t('reach.rule')} />
          </Flex>
        ) : null}
      </Card>
      <Card title={t('reach.unreached')}>
        <Table<Household>
          size="small"
          rowKey="code"
          loading={unreached.isPending && Boolean(area)}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('reach.empty') }}
          data-testid="reach-unreached"
          columns={[
            { key: 'place', title: t('reach.place'), dataIndex: 'place' },
            { key: 'name', title: t('reach.name'), dataIndex: 'name' },
            { key: 'code', title: t('reach.code'), dataIndex: 'code' },
          ]}
        />
        {unreached.hasNextPage ? (
          <Button
            style={{ marginTop: 12 }}
            loading={unreached.isFetchingNextPage}
            onClick={() => void unreached.fetchNextPage()}
          >
            {t('reach.loadMore')}
          </Button>
        ) : null}
      </Card>
    </Flex>
  );
}
