import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Elector } from '../api';

export type ElectorsTableProps = { electors: Elector[]; loading: boolean };

/** The frozen roll: who may vote with what area, and who has voted — never how. */
export function ElectorsTable({ electors, loading }: ElectorsTableProps) {
  const { t } = useTranslation('ownersVotes');
  return (
    <Card
      title={`${t('live.electors.title')}（${electors.length}）`}
      data-testid="vote-electors"
      data-loading={loading ? 'true' : 'false'}
    >
      <Table<Elector>
        rowKey="voterKey"
        size="small"
        loading={loading}
        dataSource={electors}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: 'label', title: t('live.electors.label'), dataIndex: 'label' },
          { key: 'area', title: t('live.electors.area'), dataIndex: 'area', align: 'right', width: 140 },
          {
            key: 'state',
            title: t('live.electors.state'),
            width: 160,
            render: (_, e) =>
              e.voted ? (
                <Tag color="success">
                  {t('live.electors.voted', { channel: t(`channels.${e.channel ?? 'online'}`) })}
                </Tag>
              ) : e.pendingPaperEntry ? (
                <Tag color="warning">{t('live.electors.pending')}</Tag>
              ) : (
                <Tag>{t('live.electors.notVoted')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
