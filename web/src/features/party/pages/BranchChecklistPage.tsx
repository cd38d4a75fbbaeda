import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Flex,
  List,
  Row,
  Segmented,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickLocalized } from '../../../i18n/language';
import type { BranchState } from '../api';
import { checklistReasonText } from '../checklistReason';
import { PartyAreaBar } from '../components/PartyAreaBar';
import { PartyLoadError } from '../components/PartyLoadError';
import { PartyNav } from '../components/PartyNav';
import { useBranchStates, useChecklist, useEntityOperation } from '../hooks/useParty';
import { usePartyArea } from '../hooks/usePartyArea';
import { partyPath } from '../paths';

type MetFilter = '' | 'true' | 'false';

export type BranchChecklistPageProps = Record<string, never>;

/**
 * 网格党支部实体化运行 (CAPABILITIES §1.4): the city's checklist, the rate for the chosen place as
 * the server computes it, and each branch item by item. `/party/checklist?area=…`
 */
export function BranchChecklistPage(_props: BranchChecklistPageProps) {
  const { t, i18n } = useTranslation('party');
  const { area, setArea } = usePartyArea();
  const [met, setMet] = useState<MetFilter>('');
  const checklist = useChecklist();
  const rate = useEntityOperation(area);
  const branches = useBranchStates(area, met);
  const rows = branches.data?.pages.flatMap((p) => p.items) ?? [];
  const activeItems = (checklist.data?.items ?? []).filter((i) => i.active);

  const itemCell = (state: BranchState, itemId: string) => {
    const result = state.evaluation.results.find((r) => r.itemId === itemId);
    if (!result) return null;
    const icon = result.met ? (
      <CheckCircleFilled style={{ color: '#52c41a' }} />
    ) : (
      <CloseCircleFilled style={{ color: '#ff4d4f' }} />
    );
    return result.reason ? (
      <Tooltip title={checklistReasonText(result.reason, i18n.t)}>{icon}</Tooltip>
    ) : (
      icon
    );
  };

  return (
    <Flex vertical gap={16} data-testid="branch-checklist-page">
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <PartyNav />
          <PartyAreaBar code={area} onChange={setArea} />
        </Flex>
      </Card>
      {rate.isError ? <PartyLoadError error={rate.error} onRetry={() => void rate.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('checklist.rate')} loading={rate.isPending} data-testid="entity-operation-rate">
            {rate.data ? (
              <Flex vertical gap={8}>
                <div data-testid="entity-operation-percent">
                  <Statistic
                    value={rate.data.rate.percent ?? '—'}
                    styles={{ content: { color: '#cf1322', fontSize: 36 } }}
                  />
                </div>
                <Typography.Text>
                  {t('checklist.fraction', {
                    met: rate.data.rate.numerator,
                    all: rate.data.rate.denominator,
                  })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('checklist.rateHint')} · {t('checklist.asOf', { date: rate.data.asOf })}
                </Typography.Text>
              </Flex>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            title={t('checklist.items')}
            extra={<Typography.Text type="secondary">{t('checklist.itemsHint')}</Typography.Text>}
          >
            <List
              size="small"
              loading={checklist.isPending}
              dataSource={checklist.data?.items ?? []}
              renderItem={(item) => {
                const count = rate.data?.items.find((i) => i.itemId === item.id)?.met;
                return (
                  <List.Item data-testid={`checklist-item-${item.rule}`}>
                    <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
                      <Typography.Text type={item.active ? undefined : 'secondary'}>
                        {pickLocalized({ zh: item.labelZh, en: item.labelEn }, i18n.language)}
                      </Typography.Text>
                      <Flex gap={8}>
                        {item.active && count !== undefined ? (
                          <Typography.Text type="secondary">
                            {t('checklist.itemMet', { count })}
                          </Typography.Text>
                        ) : null}
                        <Tag color={item.active ? 'processing' : 'default'}>
                          {item.active ? t('checklist.active') : t('checklist.inactive')}
                        </Tag>
                      </Flex>
                    </Flex>
                  </List.Item>
                );
              }}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('checklist.branches')}
        extra={
          <Segmented<MetFilter>
            value={met}
            onChange={setMet}
            data-testid="branch-filter"
            options={[
              { value: '', label: t('checklist.filter.all') },
              { value: 'true', label: t('checklist.filter.met') },
              { value: 'false', label: t('checklist.filter.unmet') },
            ]}
          />
        }
      >
        <Table<BranchState>
          size="small"
          rowKey={(s) => s.branch.id}
          loading={branches.isPending && Boolean(area)}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('checklist.empty') }}
          onRow={(s) => ({ 'data-testid': `branch-state-${s.branch.id}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'branch',
              title: t('checklist.branch'),
              render: (_, s) => (
                <Flex vertical>
                  <Link to={partyPath('tree', area, { org: s.branch.id })}>{s.branch.name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.branch.areaName}
                  </Typography.Text>
                </Flex>
              ),
            },
            ...activeItems.map((item) => ({
              key: item.id,
              title: pickLocalized({ zh: item.labelZh, en: item.labelEn }, i18n.language),
              align: 'center' as const,
              render: (_: unknown, s: BranchState) => itemCell(s, item.id),
            })),
            {
              key: 'result',
              title: t('checklist.result'),
              render: (_, s) => (
                <Tag color={s.evaluation.met ? 'success' : 'error'}>
                  {s.evaluation.met ? t('detail.met') : t('detail.unmet')}
                </Tag>
              ),
            },
          ]}
        />
        {branches.hasNextPage ? (
          <Button
            style={{ marginTop: 12 }}
            loading={branches.isFetchingNextPage}
            onClick={() => void branches.fetchNextPage()}
          >
            {t('checklist.loadMore')}
          </Button>
        ) : null}
      </Card>
    </Flex>
  );
}
