import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../i18n/language';
import type { LedgerProblem } from '../ledgerApi';

export type ImportProblemTableProps = { problems: LedgerProblem[] };

/** Every problem of a checked ledger: the Excel row, the column as its header reads, and why. */
export function ImportProblemTable({ problems }: ImportProblemTableProps) {
  const { t, i18n } = useTranslation('peopleLedger');
  return (
    <Table<LedgerProblem & { key: number }>
      size="small"
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      pagination={problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      onRow={(p) => ({ 'data-testid': `import-problem-${p.key}` }) as React.HTMLAttributes<HTMLElement>}
      data-testid="import-problems"
      columns={[
        { key: 'row', title: t('import.columns.row'), dataIndex: 'row', width: 80 },
        { key: 'field', title: t('import.columns.field'), dataIndex: 'field', width: 140 },
        {
          key: 'reason',
          title: t('import.columns.reason'),
          render: (_, p) => pickLocalized(p.message, i18n.language),
        },
      ]}
    />
  );
}
