import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useHasPermission } from '../../iam/hooks/useSession';
import type { ResidenceType, ResidentFilters, ResidentListItem, ResidentStatus } from '../api';
import { AreaPicker } from '../components/AreaPicker';
import { ResidentDetail } from '../components/ResidentDetail';
import { ResidentForm } from '../components/ResidentForm';
import { ResidentStatusTag } from '../components/ResidentStatusTag';
import { useResidents } from '../hooks/usePeople';
import { householdPath, RESIDENCE_OPTIONS, STATUS_OPTIONS } from '../labels';
import { classifyNumberQuery } from '../numberQuery';

export type ResidentListPageProps = Record<string, never>;

type FilterValues = {
  areaCode?: string;
  name?: string;
  number?: string;
  residenceType?: ResidenceType;
  status?: ResidentStatus | 'any';
};

const INITIAL: FilterValues = { status: 'active' };

function toFilters(values: FilterValues): ResidentFilters | 'invalid-number' {
  const number = classifyNumberQuery(values.number);
  if (number.kind === 'invalid') return 'invalid-number';
  return {
    areaCode: values.areaCode || undefined,
    name: values.name?.trim() || undefined,
    residenceType: values.residenceType,
    status: values.status === 'any' ? undefined : values.status,
    ...(number.kind === 'idNumber' ? { idNumber: number.value } : {}),
    ...(number.kind === 'phone' ? { phone: number.value } : {}),
  };
}

/**
 * 居民台账: residents within the caller's scope, filtered by place, name, exact ID number or phone
 * and residence type. Numbers are masked in the table; a row opens the resident's details.
 */
export function ResidentListPage(_props: ResidentListPageProps) {
  const { t, i18n } = useTranslation('people');
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<ResidentFilters>(toFilters(INITIAL) as ResidentFilters);
  const [searchSeq, setSearchSeq] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const canWrite = useHasPermission('people.write');
  const residents = useResidents(filters, searchSeq);
  const rows = useMemo(() => residents.data?.pages.flatMap((p) => p.items) ?? [], [residents.data]);

  const submit = (values: FilterValues) => {
    const next = toFilters(values);
    if (next === 'invalid-number') {
      form.setFields([{ name: 'number', errors: [t('filters.numberInvalid')] }]);
      return;
    }
    setSearchSeq((n) => n + 1);
    setFilters(next);
  };

  return (
    <Flex vertical gap={16} data-testid="resident-list-page">
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('list.title')}
          </Typography.Title>
          {canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="people-create"
            >
              {t('list.create')}
            </Button>
          ) : null}
        </Flex>
        <Form<FilterValues> form={form} layout="inline" initialValues={INITIAL} onFinish={submit}>
          <Form.Item name="areaCode" label={t('filters.area')}>
            <AreaPicker placeholder={t('filters.areaPlaceholder')} testId="people-filter-area" />
          </Form.Item>
          <Form.Item name="name" label={t('filters.name')}>
            <Input allowClear placeholder={t('filters.namePlaceholder')} data-testid="people-filter-name" />
          </Form.Item>
          <Form.Item name="number" label={t('filters.number')}>
            <Input
              allowClear
              autoComplete="off"
              placeholder={t('filters.numberPlaceholder')}
              style={{ width: 220 }}
              data-testid="people-filter-number"
            />
          </Form.Item>
          <Form.Item name="residenceType" label={t('filters.residenceType')}>
            <Select
              allowClear
              placeholder={t('filters.any')}
              style={{ width: 150 }}
              options={RESIDENCE_OPTIONS.map((v) => ({ value: v, label: t(`residenceType.${v}`) }))}
              data-testid="people-filter-residence"
            />
          </Form.Item>
          <Form.Item name="status" label={t('filters.status')}>
            <Select
              style={{ width: 110 }}
              options={[
                { value: 'any', label: t('filters.any') },
                ...STATUS_OPTIONS.map((v) => ({ value: v, label: t(`status.${v}`) })),
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Flex gap={8}>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SearchOutlined />}
                data-testid="people-filter-submit"
              >
                {t('filters.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  submit(INITIAL);
                }}
              >
                {t('filters.reset')}
              </Button>
            </Flex>
          </Form.Item>
        </Form>
      </Card>

      <Card styles={{ body: { padding: 0 } }}>
        {residents.isError ? (
          <Alert
            type="error"
            showIcon
            title={t('list.loadFailed')}
            description={apiErrorMessage(residents.error, i18n)}
          />
        ) : null}
        <Table<ResidentListItem>
          size="middle"
          rowKey="id"
          loading={residents.isFetching && !residents.isFetchingNextPage}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('list.empty') }}
          onRow={(row) => ({
            onClick: () => setOpenId(row.id),
            style: { cursor: 'pointer' },
            'data-testid': `people-row-${row.id}`,
          })}
          data-testid="people-table"
          columns={[
            { key: 'name', title: t('fields.name'), dataIndex: 'name' },
            { key: 'gender', title: t('fields.gender'), render: (_, r) => t(`gender.${r.gender}`) },
            { key: 'age', title: t('fields.age'), render: (_, r) => (r.age === null ? '—' : r.age) },
            {
              key: 'idNumber',
              title: t('fields.idNumber'),
              render: (_, r) => <span data-testid="people-row-id-number">{r.idNumberMasked ?? '—'}</span>,
            },
            { key: 'phone', title: t('fields.phone'), render: (_, r) => r.phoneMasked ?? '—' },
            {
              key: 'residenceType',
              title: t('fields.residenceType'),
              render: (_, r) => t(`residenceType.${r.residenceType}`),
            },
            {
              key: 'household',
              title: t('fields.household'),
              render: (_, r) =>
                r.householdCode ? (
                  <Link to={householdPath(r.householdCode)} onClick={(event) => event.stopPropagation()}>
                    {r.householdName ?? r.householdCode}
                  </Link>
                ) : (
                  '—'
                ),
            },
            {
              key: 'status',
              title: t('fields.status'),
              render: (_, r) => <ResidentStatusTag status={r.status} />,
            },
          ]}
        />
        <Flex justify="space-between" align="center" style={{ padding: 12 }}>
          <Typography.Text type="secondary">{t('list.shown', { count: rows.length })}</Typography.Text>
          {residents.hasNextPage ? (
            <Button loading={residents.isFetchingNextPage} onClick={() => void residents.fetchNextPage()}>
              {t('list.loadMore')}
            </Button>
          ) : null}
        </Flex>
      </Card>

      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        title={t('detail.title')}
        size="large"
        destroyOnHidden
      >
        {openId ? <ResidentDetail residentId={openId} /> : null}
      </Drawer>
      <ResidentForm open={creating} onClose={() => setCreating(false)} onSaved={(r) => setOpenId(r.id)} />
    </Flex>
  );
}
