import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, MinusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { AreaTreePicker } from '../../console/components/AreaTreePicker';
import { type RankingRow, rankingExportUrl } from '../api';
import { RatesNav } from '../components/RatesNav';
import { formatRate, formatScore, rankMove, rateTone, TONE_COLOR } from '../format';
import { useRanking } from '../hooks';
import { chinaMonth, LEVELS, levelOf } from '../params';

export type RankingPageProps = Record<string, never>;

function RankChange({ change }: { change: number | null }) {
  const { t } = useTranslation('demandsRates');
  const move = rankMove(change);
  if (!move) return <Typography.Text type="secondary">—</Typography.Text>;
  if (move.dir === 'up')
    return (
      <Typography.Text style={{ color: '#389e0d' }} data-testid="rank-up">
        <ArrowUpOutlined /> {move.n}
      </Typography.Text>
    );
  if (move.dir === 'down')
    return (
      <Typography.Text style={{ color: '#cf1322' }} data-testid="rank-down">
        <ArrowDownOutlined /> {move.n}
      </Typography.Text>
    );
  return (
    <Typography.Text type="secondary" data-testid="rank-same">
      <MinusOutlined /> {t('ranking.same')}
    </Typography.Text>
  );
}

/**
 * 月度排名 (/demands/rates/ranking, Beijing arts. 32–33): communities, streets, grids or property
 * companies of the place by the composite of the three rates, with the move since last month, each
 * rate green at or above 95% and red below, and the same list as Excel.
 */
export function RankingPage(_props: RankingPageProps) {
  const { t, i18n } = useTranslation('demandsRates');
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? undefined;
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '')
    ? (params.get('month') as string)
    : chinaMonth(new Date());
  const level = levelOf(params);
  const query = { month, level, areaCode: area };
  const ranking = useRanking(query);
  const update = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    setParams(next);
  };
  const rate = (value: number | null) => (
    <Typography.Text style={{ color: TONE_COLOR[rateTone(value, ranking.data?.target)] }}>
      {formatRate(value)}
    </Typography.Text>
  );

  return (
    <Flex vertical gap={16} data-testid="ranking-page">
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <RatesNav />
          <Flex gap={12} wrap align="center">
            <AreaTreePicker
              value={area}
              onChange={(code) => update('area', code)}
              placeholder={t('place.placeholder')}
              testId="ranking-place"
            />
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(d) => d && update('month', d.format('YYYY-MM'))}
              data-testid="ranking-month"
            />
            <Select
              value={level}
              style={{ minWidth: 140 }}
              onChange={(value) => update('level', value)}
              options={LEVELS.map((l) => ({ value: l, label: t(`ranking.levels.${l}`) }))}
              data-testid="ranking-level"
            />
            <Button icon={<DownloadOutlined />} href={rankingExportUrl(query)} data-testid="ranking-export">
              {t('ranking.export')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      {ranking.isError ? <Alert type="error" showIcon title={apiErrorMessage(ranking.error, i18n)} /> : null}
      <Card
        size="small"
        title={
          <Flex gap={8} align="center" wrap>
            {t('ranking.title')}
            {ranking.data ? (
              <Tag>
                {ranking.data.place?.name ?? t('place.scope')} · {ranking.data.period.from} ~{' '}
                {ranking.data.period.to}
              </Tag>
            ) : null}
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('ranking.legend')}
        </Typography.Paragraph>
        <Table<RankingRow>
          size="small"
          rowKey="key"
          loading={ranking.isFetching}
          dataSource={ranking.data?.rows ?? []}
          pagination={{ pageSize: 100, hideOnSinglePage: true }}
          locale={{ emptyText: t('ranking.empty') }}
          data-testid="ranking-table"
          onRow={(r) =>
            ({
              'data-testid': `ranking-row-${r.key}`,
              'data-rank': r.rank ?? '',
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'rank',
              title: t('ranking.rank'),
              width: 80,
              render: (_, r) =>
                r.rank === null ? (
                  <Tag>{t('ranking.unranked')}</Tag>
                ) : (
                  <Typography.Text strong>{r.rank}</Typography.Text>
                ),
            },
            {
              key: 'change',
              title: t('ranking.change'),
              width: 110,
              render: (_, r) =>
                r.previousRank === null && r.rank !== null ? (
                  <Tooltip title={t('ranking.noPrevious')}>
                    <Typography.Text type="secondary">—</Typography.Text>
                  </Tooltip>
                ) : (
                  <RankChange change={r.change} />
                ),
            },
            { key: 'name', title: t('ranking.name'), dataIndex: 'name' },
            { key: 'parent', title: t('ranking.parent'), render: (_, r) => r.parentName ?? '' },
            {
              key: 'demands',
              title: t('table.demands'),
              align: 'right',
              render: (_, r) => r.figures.demands,
            },
            {
              key: 'denominator',
              title: t('table.denominator'),
              align: 'right',
              render: (_, r) => r.figures.denominator,
            },
            { key: 'response', title: t('table.response'), render: (_, r) => rate(r.figures.responseRate) },
            {
              key: 'resolution',
              title: t('table.resolution'),
              render: (_, r) => rate(r.figures.resolutionRate),
            },
            {
              key: 'satisfaction',
              title: t('table.satisfaction'),
              render: (_, r) => rate(r.figures.satisfactionRate),
            },
            {
              key: 'composite',
              title: t('table.composite'),
              align: 'right',
              render: (_, r) => <Typography.Text strong>{formatScore(r.figures.composite)}</Typography.Text>,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
