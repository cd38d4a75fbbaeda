import { AimOutlined, ExportOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AreaBreadcrumbs } from '../components/AreaBreadcrumbs';
import { AreaLevelTag } from '../components/AreaLevelTag';
import { AreaLoadError } from '../components/AreaLoadError';
import { GridBoundarySketch } from '../components/GridBoundarySketch';
import { GridStaffTable } from '../components/GridStaffTable';
import { formatArea } from '../formatArea';
import { useAreaGeoJson, useGridProfile } from '../hooks/useAreas';
import { mapPath, publicGridPath, treePath } from '../paths';

export type GridProfilePageProps = Record<string, never>;

/** 网格档案: a grid's boundary and compounds, its workers and supervision phone, and what it holds. */
export function GridProfilePage(_props: GridProfilePageProps) {
  const { t, i18n } = useTranslation('areas');
  const { code } = useParams<{ code: string }>();
  const profile = useGridProfile(code);
  const compounds = useAreaGeoJson(profile.data ? code : undefined, 'compound');
  const numbers = new Intl.NumberFormat(i18n.language);

  if (profile.isError) {
    return (
      <Card data-testid="grid-profile-error">
        <AreaLoadError error={profile.error} onRetry={() => void profile.refetch()} backTo="/areas/map" />
      </Card>
    );
  }
  if (!profile.data) return <Skeleton active paragraph={{ rows: 12 }} />;

  const { grid } = profile.data;
  const trail = [...grid.ancestors, { code: grid.code, name: grid.name }];
  const area = formatArea(profile.data.areaSquareMeters, i18n.language);
  const count = (value: number | null) => (value === null ? '—' : numbers.format(value));

  return (
    <Flex vertical gap={16} data-testid="grid-profile">
      <Card>
        <AreaBreadcrumbs trail={trail} hrefFor={mapPath} />
        <Flex align="center" justify="space-between" gap={12} wrap style={{ marginTop: 12 }}>
          <Flex align="center" gap={8}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="grid-profile-name">
              {grid.name}
            </Typography.Title>
            <AreaLevelTag level={grid.level} />
            <Typography.Text type="secondary" copyable>
              {grid.code}
            </Typography.Text>
          </Flex>
          <Space wrap>
            <Link to={mapPath(grid.parentCode ?? grid.code)}>
              <Button icon={<AimOutlined />}>{t('profile.openCommunityMap')}</Button>
            </Link>
            <Link to={treePath(grid.code)}>
              <Button>{t('actions.openTree')}</Button>
            </Link>
            <a
              href={publicGridPath(grid.code)}
              target="_blank"
              rel="noreferrer"
              data-testid="grid-public-link"
            >
              <Button type="primary" icon={<ExportOutlined />}>
                {t('profile.publicPage')}
              </Button>
            </a>
          </Space>
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('profile.boundary')} size="small" styles={{ body: { padding: 8 } }}>
            {grid.status === 'active' && profile.data.boundary ? (
              <GridBoundarySketch
                grid={{ code: grid.code, name: grid.name, boundary: profile.data.boundary, lat: grid.lat }}
                compounds={compounds.data?.features}
                height={380}
                testId="grid-sketch"
              />
            ) : (
              <Empty description={t('profile.noBoundary')} style={{ padding: 48 }} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16}>
            <Card title={t('profile.facts')} size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  {
                    key: 'supervisionPhone',
                    label: t('profile.supervisionPhone'),
                    children: profile.data.supervisionPhone ? (
                      <a
                        href={`tel:${profile.data.supervisionPhone.replace(/[^\d+]/g, '')}`}
                        data-testid="grid-supervision-phone"
                      >
                        <PhoneOutlined /> {profile.data.supervisionPhone}
                      </a>
                    ) : (
                      t('profile.noSupervisionPhone')
                    ),
                  },
                  {
                    key: 'area',
                    label: t('profile.area'),
                    children: area ? t(`profile.areaUnit.${area.unit}`, { value: area.value }) : '—',
                  },
                  {
                    key: 'compounds',
                    label: t('counts.compound'),
                    children: count(profile.data.compounds.length),
                  },
                  { key: 'buildings', label: t('counts.building'), children: count(profile.data.buildings) },
                  {
                    key: 'households',
                    label: t('counts.household'),
                    children: count(profile.data.households),
                  },
                  {
                    key: 'residents',
                    label: t('profile.residents'),
                    children: count(profile.data.residents),
                  },
                  { key: 'validFrom', label: t('fields.validFrom'), children: grid.validFrom },
                ]}
              />
            </Card>
            <Card title={t('profile.staff')} size="small" styles={{ body: { padding: 0 } }}>
              <GridStaffTable staff={profile.data.staff} />
            </Card>
          </Flex>
        </Col>
      </Row>

      <Card title={t('profile.compounds')} size="small" styles={{ body: { padding: 0 } }}>
        <Table
          size="small"
          rowKey="code"
          dataSource={profile.data.compounds}
          pagination={profile.data.compounds.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('profile.noCompounds') }}
          data-testid="grid-compounds"
          columns={[
            {
              key: 'name',
              title: t('fields.name'),
              render: (_, compound) => <Link to={treePath(compound.code)}>{compound.name}</Link>,
            },
            { key: 'kind', title: t('fields.kind'), render: (_, compound) => compound.kind ?? '—' },
            { key: 'code', title: t('fields.code'), dataIndex: 'code' },
            {
              key: 'households',
              title: t('map.households'),
              align: 'right',
              sorter: (a, b) => a.households - b.households,
              render: (_, compound) => numbers.format(compound.households),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
