import { ApartmentOutlined, IdcardOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AreaNode } from '../api';
import { mapChildLevel } from '../areaLevels';
import { buildAreaMapOption } from '../buildAreaMapOption';
import { AreaBreadcrumbs } from '../components/AreaBreadcrumbs';
import { AreaChildrenTable } from '../components/AreaChildrenTable';
import { AreaLevelTag } from '../components/AreaLevelTag';
import { AreaLoadError } from '../components/AreaLoadError';
import { AreaMapChart } from '../components/AreaMapChart';
import { LevelCounts } from '../components/LevelCounts';
import { useAreaGeoJson, useAreaNode, useScopeRoots } from '../hooks/useAreas';
import { gridProfilePath, mapPath, mapRegionPath, treePath } from '../paths';

export type GridMapPageProps = Record<string, never>;

const MAP_HEIGHT = 'max(480px, calc(100vh - 230px))';

function centreLatitude(node: AreaNode): number | undefined {
  if (node.bbox) return (node.bbox[1] + node.bbox[3]) / 2;
  return node.lat ?? undefined;
}

/**
 * 网格地图: the children of a place drawn from our own GeoJSON (city → districts → streets →
 * communities → grids), coloured by households. Clicking a region drills into it; a grid opens its profile.
 */
export function GridMapPage(_props: GridMapPageProps) {
  const { t, i18n } = useTranslation('areas');
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const roots = useScopeRoots();
  const code = searchParams.get('code') ?? roots.data?.roots[0]?.code;
  const node = useAreaNode(code);
  const area = node.data;
  const childLevel = area && area.status === 'active' ? mapChildLevel(area.level) : null;
  const geo = useAreaGeoJson(area && childLevel ? area.code : undefined, childLevel);

  const regions = useMemo(() => (geo.data?.features ?? []).map((feature) => feature.properties), [geo.data]);
  const childCountTitle = childLevel ? t(`map.childCount.${childLevel}`) : null;
  const mapName = area && childLevel ? `area:${area.code}:${childLevel}` : '';
  const option = useMemo(
    () =>
      buildAreaMapOption({
        mapName,
        regions,
        language: i18n.language,
        latitude: area ? centreLatitude(area) : undefined,
        texts: {
          households: t('map.households'),
          childCount: childCountTitle,
          high: t('map.high'),
          low: t('map.low'),
        },
      }),
    [mapName, regions, i18n.language, area, t, childCountTitle],
  );

  if (!code) {
    if (roots.isError) return <AreaLoadError error={roots.error} onRetry={() => void roots.refetch()} />;
    if (roots.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
    return (
      <Card>
        <Empty description={t('tree.empty')} />
      </Card>
    );
  }
  if (node.isError) {
    return (
      <Card data-testid="area-map-page">
        <AreaLoadError error={node.error} onRetry={() => void node.refetch()} backTo="/areas/map" />
      </Card>
    );
  }
  if (!area) return <Skeleton active paragraph={{ rows: 10 }} />;

  const trail = [...area.ancestors, { code: area.code, name: area.name }];
  const openRegion = (regionCode: string) => {
    if (childLevel) navigate(mapRegionPath(childLevel, regionCode));
  };

  const mapBody = (() => {
    if (area.status === 'retired') {
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="area-retired"
          title={t('retired.title', { date: area.validTo ?? '—' })}
          description={
            area.successor ? (
              <>
                {t('retired.successor')} <Link to={mapPath(area.successor.code)}>{area.successor.name}</Link>
              </>
            ) : (
              t('retired.noSuccessor')
            )
          }
        />
      );
    }
    if (!childLevel) {
      return <Empty description={t('map.belowGrids')} data-testid="area-map-empty" />;
    }
    if (geo.isError) return <AreaLoadError error={geo.error} onRetry={() => void geo.refetch()} />;
    if (geo.isPending) return <Skeleton.Node active style={{ width: '100%', height: MAP_HEIGHT }} />;
    if (regions.length === 0) {
      const counted = area.counts[childLevel];
      return (
        <Flex align="center" justify="center" style={{ minHeight: 360 }}>
          <Empty
            data-testid="area-map-empty"
            description={
              <Flex vertical gap={4} style={{ maxWidth: 420 }}>
                <Typography.Text strong>{t(`map.empty.${childLevel}`, { name: area.name })}</Typography.Text>
                <Typography.Text type="secondary">
                  {counted > 0
                    ? t('map.empty.notDrawn', { count: counted })
                    : childLevel === 'community'
                      ? t('map.empty.ruralStreet')
                      : t('map.empty.none')}
                </Typography.Text>
              </Flex>
            }
          />
        </Flex>
      );
    }
    return (
      <AreaMapChart
        mapName={mapName}
        geoJson={geo.data}
        option={option}
        height={MAP_HEIGHT}
        onRegionClick={openRegion}
        testId="area-map"
        ariaLabel={t('map.ariaLabel', { name: area.name })}
      />
    );
  })();

  return (
    <Row gutter={[16, 16]} data-testid="area-map-page" data-code={area.code}>
      <Col xs={24} xl={16}>
        <Card
          title={<AreaBreadcrumbs trail={trail} hrefFor={mapPath} testId="area-map-breadcrumbs" />}
          extra={
            <Space>
              {area.level === 'grid' ? (
                <Link to={gridProfilePath(area.code)}>
                  <Button size="small" icon={<IdcardOutlined />}>
                    {t('actions.openGridProfile')}
                  </Button>
                </Link>
              ) : null}
              <Link to={treePath(area.code)}>
                <Button size="small" icon={<ApartmentOutlined />}>
                  {t('actions.openTree')}
                </Button>
              </Link>
            </Space>
          }
          styles={{ body: { padding: 8 } }}
        >
          {mapBody}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Flex vertical gap={16}>
          <Card
            size="small"
            title={
              <Flex align="center" gap={8}>
                <span data-testid="area-map-current">{area.name}</span>
                <AreaLevelTag level={area.level} />
              </Flex>
            }
          >
            <LevelCounts level={area.level} counts={area.counts} columns={3} />
          </Card>
          {childLevel && regions.length > 0 ? (
            <Card size="small" title={t(`map.childrenTitle.${childLevel}`)} styles={{ body: { padding: 0 } }}>
              <AreaChildrenTable
                regions={regions}
                childCountTitle={childCountTitle}
                hrefFor={(regionCode) => mapRegionPath(childLevel, regionCode)}
              />
            </Card>
          ) : null}
        </Flex>
      </Col>
    </Row>
  );
}
