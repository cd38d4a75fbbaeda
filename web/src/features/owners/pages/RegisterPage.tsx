import { Alert, Button, Card, Col, Flex, Row, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useHasPermission } from '../../iam/hooks/useSession';
import type { Owner, Unit } from '../api';
import { RegisterImport } from '../components/RegisterImport';
import { useCompound, useOwnerList, useRegister, useUnits } from '../hooks/useOwners';

export type RegisterPageProps = Record<string, never>;

/**
 * 业主名册 (/owners/compounds/:code/register): units with their area (SPC interpretation art. 8), owners
 * with masked numbers, the figures of arts. 8–9 and Shandong art. 20, and the Excel import.
 */
export function RegisterPage(_props: RegisterPageProps) {
  const { t } = useTranslation('owners');
  const { code } = useParams<{ code: string }>();
  const [params, setParams] = useSearchParams();
  const canWrite = useHasPermission('owners.write');
  const compound = useCompound(code);
  const summary = useRegister(code);
  const units = useUnits(code);
  const owners = useOwnerList(code);
  const s = summary.data;
  const tab = params.get('tab') ?? 'units';
  const unitRows = units.data?.pages.flatMap((p) => p.items) ?? [];
  const ownerRows = owners.data?.pages.flatMap((p) => p.items) ?? [];
  const trigger = s?.firstMeeting;

  return (
    <Flex vertical gap={16} data-testid="register-page">
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {compound.data?.name ?? code} · {t('register.title')}
          </Typography.Title>
          <Link to={`/owners/compounds/${code}`}>{t('committee.title')}</Link>
        </Flex>
      </Card>
      <Card loading={summary.isPending} data-testid="register-summary">
        {s ? (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={5}>
              <Statistic title={t('register.units')} value={s.units} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={t('register.totalArea')}
                value={s.totalArea}
                data-testid="register-total-area"
              />
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={t('register.headcount')}
                value={s.headcount}
                data-testid="register-headcount"
              />
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={t('register.delivered')}
                value={t('register.deliveredValue', { units: s.deliveredUnits, area: s.deliveredArea })}
              />
            </Col>
            <Col xs={24} md={4} data-testid="register-trigger" data-triggered={trigger?.triggered ?? false}>
              <Typography.Text type="secondary">{t('register.trigger')}</Typography.Text>
              <div>
                {trigger?.triggered ? (
                  <Tag color="red">
                    {t('register.triggered')}{' '}
                    {trigger.triggeredSince ? t('register.since', { date: trigger.triggeredSince }) : ''}
                  </Tag>
                ) : (
                  <Tag>{t('register.notTriggered')}</Tag>
                )}
              </div>
              {trigger?.conditions.map((c) => (
                <Tag key={c} color="orange" style={{ marginTop: 4 }}>
                  {t(`conditions.${c}`)}
                </Tag>
              ))}
            </Col>
          </Row>
        ) : null}
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          items={[
            {
              key: 'units',
              label: t('register.units'),
              children: (
                <Table<Unit>
                  size="small"
                  rowKey="id"
                  loading={units.isPending}
                  dataSource={unitRows}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  data-testid="register-units"
                  columns={[
                    { key: 'label', title: t('register.label'), dataIndex: 'label' },
                    { key: 'area', title: t('register.area'), dataIndex: 'area' },
                    {
                      key: 'delivered',
                      title: t('register.deliveredOn'),
                      render: (_, u) => u.deliveredOn ?? '—',
                    },
                    {
                      key: 'developer',
                      title: t('register.developer'),
                      render: (_, u) => (u.developerUnsold ? <Tag>{t('register.developer')}</Tag> : null),
                    },
                    {
                      key: 'owners',
                      title: t('register.ownerNames'),
                      render: (_, u) =>
                        u.owners.map((o) => o.name + (o.share ? `（${o.share}）` : '')).join('、'),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'owners',
              label: t('register.owners'),
              children: (
                <Flex vertical gap={8}>
                  <Alert type="info" showIcon title={t('register.masked')} />
                  <Table<Owner>
                    size="small"
                    rowKey="id"
                    loading={owners.isPending}
                    dataSource={ownerRows}
                    pagination={{ pageSize: 50, hideOnSinglePage: true }}
                    data-testid="register-owners"
                    columns={[
                      { key: 'name', title: t('register.name'), dataIndex: 'name' },
                      {
                        key: 'kind',
                        title: t('register.kind'),
                        render: (_, o) => t(`register.ownerKinds.${o.kind}`),
                      },
                      { key: 'id', title: t('register.idNumber'), render: (_, o) => o.idNumberMasked ?? '—' },
                      { key: 'phone', title: t('register.phone'), render: (_, o) => o.phoneMasked ?? '—' },
                      { key: 'units', title: t('register.unitCount'), dataIndex: 'units' },
                      {
                        key: 'linked',
                        title: t('register.linked'),
                        render: (_, o) => (o.residentLinked ? <Tag color="green">✓</Tag> : null),
                      },
                    ]}
                  />
                </Flex>
              ),
            },
            ...(canWrite && code
              ? [{ key: 'import', label: t('register.import'), children: <RegisterImport code={code} /> }]
              : []),
          ]}
        />
        {(tab === 'units' ? units : owners).hasNextPage ? (
          <Button onClick={() => void (tab === 'units' ? units : owners).fetchNextPage()}>
            {t('list.loadMore')}
          </Button>
        ) : null}
      </Card>
    </Flex>
  );
}
