import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RateFigure, RateRow } from '../api';
import { formatRate, formatScore, rateTone, TONE_COLOR } from '../format';
import { FigureLink } from './FigureLink';

export type RatesTableProps = {
  rows: RateRow[];
  loading: boolean;
  onOpen: (figure: RateFigure, row: RateRow) => void;
};

/** One line per child place (company, handler …) with its rates; every count opens its demands. */
export function RatesTable({ rows, loading, onOpen }: RatesTableProps) {
  const { t } = useTranslation('demandsRates');
  const count = (row: RateRow, figure: RateFigure, n: number) => (
    <FigureLink onOpen={() => onOpen(figure, row)} testId={`row-${row.key}-${figure}`} disabled={n === 0}>
      {n}
    </FigureLink>
  );
  const rate = (row: RateRow, value: number | null, figure: RateFigure, n: number) => (
    <Flex gap={6} align="baseline">
      <Typography.Text strong style={{ color: TONE_COLOR[rateTone(value)] }}>
        {formatRate(value)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        ({count(row, figure, n)})
      </Typography.Text>
    </Flex>
  );
  return (
    <Table<RateRow>
      size="small"
      rowKey="key"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('table.empty') }}
      data-testid="rates-table"
      onRow={(r) => ({ 'data-testid': `rates-row-${r.key}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'name',
          title: t('table.name'),
          render: (_, r) => (r.direct ? `${r.name}${t('table.direct')}` : r.name),
        },
        {
          key: 'demands',
          title: t('table.demands'),
          align: 'right',
          render: (_, r) => count(r, 'demands', r.figures.demands),
          sorter: (a, b) => a.figures.demands - b.figures.demands,
        },
        {
          key: 'denominator',
          title: t('table.denominator'),
          align: 'right',
          render: (_, r) => count(r, 'denominator', r.figures.denominator),
        },
        {
          key: 'response',
          title: t('table.response'),
          render: (_, r) => rate(r, r.figures.responseRate, 'responded', r.figures.responded),
          sorter: (a, b) => (a.figures.responseRate ?? -1) - (b.figures.responseRate ?? -1),
        },
        {
          key: 'resolution',
          title: t('table.resolution'),
          render: (_, r) => rate(r, r.figures.resolutionRate, 'resolved', r.figures.resolved),
          sorter: (a, b) => (a.figures.resolutionRate ?? -1) - (b.figures.resolutionRate ?? -1),
        },
        {
          key: 'satisfaction',
          title: t('table.satisfaction'),
          render: (_, r) => rate(r, r.figures.satisfactionRate, 'satisfied', r.figures.satisfied),
          sorter: (a, b) => (a.figures.satisfactionRate ?? -1) - (b.figures.satisfactionRate ?? -1),
        },
        {
          key: 'composite',
          title: t('table.composite'),
          align: 'right',
          render: (_, r) => <Typography.Text strong>{formatScore(r.figures.composite)}</Typography.Text>,
          sorter: (a, b) => (a.figures.composite ?? -1) - (b.figures.composite ?? -1),
        },
      ]}
    />
  );
}
