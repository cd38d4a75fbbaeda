import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AreaMapRegion } from '../buildAreaMapOption';

export type AreaChildrenTableProps = {
  regions: readonly AreaMapRegion[];
  /** Title of the "children" column ("社区数"); null hides the column. */
  childCountTitle: string | null;
  /** Where a row leads: the map of that place, or a grid's profile. */
  hrefFor: (code: string) => string;
};

/** The places drawn on the map, as a list that also drills down (and that tests can click). */
export function AreaChildrenTable({ regions, childCountTitle, hrefFor }: AreaChildrenTableProps) {
  const { t, i18n } = useTranslation('areas');
  const numbers = new Intl.NumberFormat(i18n.language);
  return (
    <Table
      size="small"
      rowKey="code"
      dataSource={[...regions]}
      pagination={regions.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      data-testid="area-children"
      columns={[
        {
          key: 'name',
          title: t('fields.name'),
          render: (_, region) => (
            <Link to={hrefFor(region.code)} data-testid={`area-child-${region.code}`}>
              {region.name}
            </Link>
          ),
        },
        {
          key: 'households',
          title: t('map.households'),
          align: 'right',
          sorter: (a, b) => a.households - b.households,
          render: (_, region) => <Typography.Text>{numbers.format(region.households)}</Typography.Text>,
        },
        ...(childCountTitle === null
          ? []
          : [
              {
                key: 'childCount',
                title: childCountTitle,
                align: 'right' as const,
                sorter: (a: AreaMapRegion, b: AreaMapRegion) => a.childCount - b.childCount,
                render: (_: unknown, region: AreaMapRegion) => numbers.format(region.childCount),
              },
            ]),
      ]}
    />
  );
}
