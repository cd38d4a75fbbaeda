import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ratio, Tally } from '../api';

type Row = { key: string; label: string; ratio: Ratio; parts: string; required: string; met: boolean };

export type RatioTableProps = { tally: Tally };

/**
 * The four ratios of Civil Code art. 278(2), each as an exact fraction and a percentage, with what
 * it had to reach (art. 1259: 以上 includes the boundary, 过半数 does not) and whether it did.
 */
export function RatioTable({ tally }: RatioTableProps) {
  const { t } = useTranslation('ownersVotes');
  const reasons = new Set(tally.reasons);
  const approval =
    tally.threshold === 'at_least_three_quarters' ? t('result.threeQuarters') : t('result.moreThanHalf');
  const approvalArea =
    tally.threshold === 'at_least_three_quarters'
      ? 'approval.area_below_three_quarters'
      : 'approval.area_not_more_than_half';
  const approvalHeads =
    tally.threshold === 'at_least_three_quarters'
      ? 'approval.headcount_below_three_quarters'
      : 'approval.headcount_not_more_than_half';
  const p = tally.participation;
  const a = tally.approval;
  const rows: Row[] = [
    {
      key: 'participation-area',
      label: t('result.participationArea'),
      ratio: p.areaRatio,
      parts: `${p.area} / ${tally.electorate.totalArea}`,
      required: t('result.twoThirds'),
      met: !reasons.has('quorum.area_below_two_thirds'),
    },
    {
      key: 'participation-headcount',
      label: t('result.participationHeadcount'),
      ratio: p.headcountRatio,
      parts: `${p.headcount} / ${tally.electorate.totalHeadcount}`,
      required: t('result.twoThirds'),
      met: !reasons.has('quorum.headcount_below_two_thirds'),
    },
    {
      key: 'approval-area',
      label: t('result.approvalArea'),
      ratio: a.areaRatio,
      parts: `${a.areaFor} / ${p.area}`,
      required: approval,
      met: !reasons.has(approvalArea),
    },
    {
      key: 'approval-headcount',
      label: t('result.approvalHeadcount'),
      ratio: a.headcountRatio,
      parts: `${a.headcountFor} / ${p.headcount}`,
      required: approval,
      met: !reasons.has(approvalHeads),
    },
  ];
  return (
    <Table<Row>
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="vote-ratios"
      columns={[
        { key: 'label', title: t('result.ratio'), dataIndex: 'label' },
        { key: 'parts', title: '', dataIndex: 'parts', align: 'right' },
        {
          key: 'percent',
          title: '%',
          align: 'right',
          render: (_, r) => <strong data-testid={`ratio-${r.key}`}>{r.ratio.percent}</strong>,
        },
        {
          key: 'exact',
          title: t('result.exact'),
          align: 'right',
          render: (_, r) => (r.ratio.den === '1' ? r.ratio.num : `${r.ratio.num}/${r.ratio.den}`),
        },
        { key: 'required', title: t('result.required'), dataIndex: 'required' },
        {
          key: 'met',
          title: t('result.met'),
          render: (_, r) => (
            <Tag color={r.met ? 'success' : 'error'}>{r.met ? t('result.yes') : t('result.no')}</Tag>
          ),
        },
      ]}
    />
  );
}
