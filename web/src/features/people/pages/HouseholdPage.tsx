import { HomeOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Flex, Result, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useHasPermission } from '../../iam/hooks/useSession';
import type { Resident } from '../api';
import { ResidentDetail } from '../components/ResidentDetail';
import { ResidentForm } from '../components/ResidentForm';
import { useHousehold } from '../hooks/usePeople';

export type HouseholdPageProps = Record<string, never>;

/** 家庭户: one household's address and members, head first; members are added here. */
export function HouseholdPage(_props: HouseholdPageProps) {
  const { t, i18n } = useTranslation('people');
  const { code } = useParams<{ code: string }>();
  const household = useHousehold(code);
  const canWrite = useHasPermission('people.write');
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  if (household.isError) {
    const notFound = isApiError(household.error) && household.error.status === 404;
    return (
      <Card>
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('household.notFound') : t('household.loadFailed')}
          subTitle={notFound ? t('household.notFoundHint') : apiErrorMessage(household.error, i18n)}
          data-testid="household-not-found"
          extra={
            <Link to="/people">
              <Button type="primary">{t('household.back')}</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  if (!household.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const h = household.data;

  return (
    <Flex vertical gap={16} data-testid="household-page" data-code={h.code}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{h.address}</Typography.Text>
            <Flex align="center" gap={8}>
              <HomeOutlined />
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="household-name">
                {h.name}
              </Typography.Title>
              <Typography.Text type="secondary" copyable>
                {h.code}
              </Typography.Text>
            </Flex>
          </Flex>
          {canWrite ? (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setAdding(true)}
              data-testid="household-add-member"
            >
              {t('household.addMember')}
            </Button>
          ) : null}
        </Flex>
      </Card>
      <Card title={t('household.members')} styles={{ body: { padding: 0 } }}>
        <Table<Resident>
          rowKey="id"
          dataSource={h.members}
          pagination={false}
          locale={{ emptyText: t('household.noMembers') }}
          onRow={(row) => ({
            onClick: () => setOpenId(row.id),
            style: { cursor: 'pointer' },
            'data-testid': `household-member-${row.id}`,
          })}
          data-testid="household-members"
          columns={[
            { key: 'name', title: t('fields.name'), dataIndex: 'name' },
            {
              key: 'relation',
              title: t('fields.relationToHead'),
              render: (_, m) => t(`relation.${m.relationToHead}`),
            },
            { key: 'gender', title: t('fields.gender'), render: (_, m) => t(`gender.${m.gender}`) },
            { key: 'age', title: t('fields.age'), render: (_, m) => (m.age === null ? '—' : m.age) },
            { key: 'idNumber', title: t('fields.idNumber'), render: (_, m) => m.idNumberMasked ?? '—' },
            { key: 'phone', title: t('fields.phone'), render: (_, m) => m.phoneMasked ?? '—' },
            {
              key: 'residenceType',
              title: t('fields.residenceType'),
              render: (_, m) => t(`residenceType.${m.residenceType}`),
            },
          ]}
        />
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
      <ResidentForm
        open={adding}
        onClose={() => setAdding(false)}
        householdCode={h.code}
        householdName={`${h.address} / ${h.name}`}
      />
    </Flex>
  );
}
