import { Button, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DemandListItem } from '../../../../../../src/modules/demands/demands.schemas';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { formatDateTime } from '../../../../i18n/format';
import { pickLocalized } from '../../../../i18n/language';
import { StatusTag } from '../../console/components/StatusTag';
import type { FigureTarget } from '../api';
import { useFigureDemands } from '../hooks';

export type FigureDrawerProps = {
  /** What to list; null closes the drawer. */
  target: FigureTarget | null;
  /** Whose figure it is (the place, a child place, a company …). */
  placeName: string;
  onClose: () => void;
};

/** The demands behind one figure, newest received first, each opening its demand page. */
export function FigureDrawer({ target, placeName, onClose }: FigureDrawerProps) {
  const { t, i18n } = useTranslation('demandsRates');
  const { t: td } = useTranslation('demands');
  const list = useFigureDemands(target);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={960}
      destroyOnHidden
      title={target ? t('drawer.title', { place: placeName, figure: t(`figures.${target.figure}`) }) : ''}
      extra={
        total === undefined ? null : (
          <Tag data-testid="figure-total">{t('drawer.total', { count: total })}</Tag>
        )
      }
      data-testid="figure-drawer"
    >
      {list.isError ? (
        <Typography.Text type="danger">{apiErrorMessage(list.error, i18n)}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          <Table<DemandListItem>
            size="small"
            rowKey="id"
            loading={list.isPending}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: t('drawer.empty') }}
            data-testid="figure-demands"
            onRow={(r) => ({ 'data-testid': `figure-demand-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'number',
                title: t('drawer.number'),
                render: (_, r) => (
                  <Link to={`/demands/${r.id}`} data-testid={`figure-demand-link-${r.id}`}>
                    {r.number}
                  </Link>
                ),
              },
              {
                key: 'category',
                title: t('drawer.category'),
                render: (_, r) => pickLocalized(r.categoryName, i18n.language),
              },
              {
                key: 'summary',
                title: t('drawer.summary'),
                ellipsis: true,
                dataIndex: 'summary',
              },
              {
                key: 'place',
                title: t('drawer.place'),
                render: (_, r) => r.placeName ?? r.address ?? '—',
              },
              {
                key: 'received',
                title: t('drawer.received'),
                width: 170,
                render: (_, r) => (
                  <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.receivedAt, i18n.language)}</span>
                ),
              },
              {
                key: 'status',
                title: t('drawer.status'),
                render: (_, r) => <StatusTag status={r.status} />,
              },
              {
                key: 'rating',
                title: t('drawer.rating'),
                render: (_, r) => (r.rating ? td(`rating.${r.rating}`) : '—'),
              },
            ]}
          />
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('drawer.loadMore')}
            </Button>
          ) : null}
        </Flex>
      )}
    </Drawer>
  );
}
