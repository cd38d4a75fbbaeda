import { PhoneOutlined } from '@ant-design/icons';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GridStaff } from '../api';

export type GridStaffTableProps = { staff: readonly GridStaff[] };

const DUTY_COLORS: Record<GridStaff['duty'], string> = {
  leader: 'gold',
  full_time: 'blue',
  part_time: 'default',
};

/** 网格长, 专职 and 兼职网格员 with their work phones (public contacts, grid regulation art. 6). */
export function GridStaffTable({ staff }: GridStaffTableProps) {
  const { t } = useTranslation('areas');
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...staff]}
      locale={{ emptyText: t('profile.noStaff') }}
      data-testid="grid-staff"
      columns={[
        { key: 'name', title: t('fields.name'), dataIndex: 'name' },
        {
          key: 'duty',
          title: t('profile.duty'),
          render: (_, member) => <Tag color={DUTY_COLORS[member.duty]}>{t(`duty.${member.duty}`)}</Tag>,
        },
        {
          key: 'workPhone',
          title: t('profile.workPhone'),
          render: (_, member) => (
            <a href={`tel:${member.workPhone.replace(/[^\d+]/g, '')}`}>
              <PhoneOutlined /> {member.workPhone}
            </a>
          ),
        },
      ]}
    />
  );
}
