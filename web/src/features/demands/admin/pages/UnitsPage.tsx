import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { HANDLING_UNIT_KINDS } from '../../../../../../src/modules/demands/demands.table';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import type { HandlingUnitKind, UnitView } from '../api';
import { AdminFrame } from '../components/AdminFrame';
import { UnitDrawer } from '../components/UnitDrawer';
import { useUnits } from '../hooks';

const isKind = (v: string | null): v is HandlingUnitKind =>
  (HANDLING_UNIT_KINDS as readonly string[]).includes(v ?? '');

export type UnitsPageProps = Record<string, never>;

/** 承办单位 (/demands/admin/units): property companies, departments, co-building units of the caller's area. */
export function UnitsPage(_props: UnitsPageProps) {
  const { t, i18n } = useTranslation('demandsAdmin');
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const units = useUnits(kind);
  const [editing, setEditing] = useState<UnitView | null | undefined>(undefined);

  return (
    <AdminFrame
      testId="demands-units-page"
      title={t('unitsPage.title')}
      hint={t('unitsPage.hint')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing(null)}
          data-testid="create-unit"
        >
          {t('unitsPage.create')}
        </Button>
      }
    >
      <Card>
        <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('unitsPage.kindFilter')}</Typography.Text>
          <Select
            style={{ width: 180 }}
            value={kind ?? ''}
            data-testid="unit-kind-filter"
            onChange={(v: string) => setParams(v ? { kind: v } : {})}
            options={[
              { value: '', label: t('common.all') },
              ...HANDLING_UNIT_KINDS.map((k) => ({ value: k, label: t(`unitsPage.kinds.${k}`) })),
            ]}
          />
        </Flex>
        {units.isError ? <Alert type="error" showIcon title={apiErrorMessage(units.error, i18n)} /> : null}
        <Table<UnitView>
          size="small"
          rowKey="id"
          loading={units.isPending}
          dataSource={units.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="unit-table"
          onRow={(u) =>
            ({
              'data-testid': `unit-row-${u.id}`,
              onClick: () => setEditing(u),
              style: { cursor: 'pointer' },
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { key: 'name', title: t('unitsPage.columns.name'), dataIndex: 'name' },
            {
              key: 'kind',
              title: t('unitsPage.columns.kind'),
              render: (_, u) => <Tag>{t(`unitsPage.kinds.${u.kind}`)}</Tag>,
            },
            { key: 'area', title: t('unitsPage.columns.area'), render: (_, u) => u.areaName ?? u.areaCode },
            { key: 'phone', title: t('unitsPage.columns.phone'), render: (_, u) => u.contactPhone ?? '—' },
            {
              key: 'places',
              title: t('unitsPage.columns.places'),
              render: (_, u) =>
                u.places.length === 0 ? (
                  '—'
                ) : (
                  <Tooltip title={u.places.map((p) => p.name).join('、')}>
                    {t('unitsPage.placesCount', { count: u.places.length })}
                  </Tooltip>
                ),
            },
            {
              key: 'status',
              title: t('unitsPage.columns.status'),
              render: (_, u) =>
                u.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
            },
          ]}
        />
      </Card>
      <UnitDrawer unit={editing} onClose={() => setEditing(undefined)} />
    </AdminFrame>
  );
}
