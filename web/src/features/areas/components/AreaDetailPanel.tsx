import { AimOutlined, IdcardOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mapChildLevel } from '../areaLevels';
import { useAreaNode } from '../hooks/useAreas';
import { gridProfilePath, mapPath, treePath } from '../paths';
import { AreaAttrs } from './AreaAttrs';
import { AreaBreadcrumbs } from './AreaBreadcrumbs';
import { AreaHistoryTimeline } from './AreaHistoryTimeline';
import { AreaLevelTag } from './AreaLevelTag';
import { AreaLoadError } from './AreaLoadError';
import { LevelCounts } from './LevelCounts';

export type AreaDetailPanelProps = { code: string };

/** Everything known about one place: where it sits, what it is, what lies below it and how it changed. */
export function AreaDetailPanel({ code }: AreaDetailPanelProps) {
  const { t } = useTranslation('areas');
  const node = useAreaNode(code);

  if (node.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (node.isError) {
    return (
      <Card>
        <AreaLoadError error={node.error} onRetry={() => void node.refetch()} backTo="/areas" />
      </Card>
    );
  }

  const area = node.data;
  const retired = area.status === 'retired';
  const trail = [...area.ancestors, { code: area.code, name: area.name, level: area.level }];
  const hasMap = !retired && mapChildLevel(area.level) !== null;
  const attrs = Object.keys(area.attrs).length > 0;

  return (
    <Flex vertical gap={16} data-testid="area-detail">
      <Card>
        <AreaBreadcrumbs trail={trail} hrefFor={treePath} />
        <Flex align="center" gap={8} wrap style={{ marginTop: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {area.name}
          </Typography.Title>
          <AreaLevelTag level={area.level} />
          {area.kind ? <Tag>{area.kind}</Tag> : null}
          {retired ? <Tag color="default">{t('status.retired')}</Tag> : null}
        </Flex>
        {retired ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            data-testid="area-retired"
            title={t('retired.title', { date: area.validTo ?? '—' })}
            description={
              area.successor ? (
                <>
                  {t('retired.successor')}{' '}
                  <Link to={treePath(area.successor.code)} data-testid="area-successor">
                    {area.successor.name}（{area.successor.code}）
                  </Link>
                </>
              ) : (
                t('retired.noSuccessor')
              )
            }
          />
        ) : null}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, xl: 3 }}
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'code',
              label: t('fields.code'),
              children: <Typography.Text copyable>{area.code}</Typography.Text>,
            },
            { key: 'level', label: t('fields.level'), children: t(`levels.${area.level}`) },
            { key: 'kind', label: t('fields.kind'), children: area.kind ?? '—' },
            { key: 'validFrom', label: t('fields.validFrom'), children: area.validFrom },
            { key: 'validTo', label: t('fields.validTo'), children: area.validTo ?? t('fields.stillValid') },
            {
              key: 'location',
              label: t('fields.location'),
              children:
                area.lng !== null && area.lat !== null
                  ? `${area.lng.toFixed(5)}, ${area.lat.toFixed(5)}`
                  : '—',
            },
          ]}
        />
        <Space wrap style={{ marginTop: 8 }}>
          {hasMap ? (
            <Link to={mapPath(area.code)} data-testid="area-open-map">
              <Button icon={<AimOutlined />}>{t('actions.openMap')}</Button>
            </Link>
          ) : null}
          {area.level === 'grid' && !retired ? (
            <Link to={gridProfilePath(area.code)} data-testid="area-open-grid-profile">
              <Button icon={<IdcardOutlined />}>{t('actions.openGridProfile')}</Button>
            </Link>
          ) : null}
        </Space>
      </Card>

      {/* Counts are of active places below; a retired code has none worth showing. */}
      {retired ? null : (
        <Card title={t('sections.counts')} size="small">
          <LevelCounts level={area.level} counts={area.counts} />
        </Card>
      )}

      {attrs ? (
        <Card title={t('sections.attrs')} size="small">
          <AreaAttrs attrs={area.attrs} />
        </Card>
      ) : null}

      <Card title={t('sections.history')} size="small">
        <AreaHistoryTimeline
          code={area.code}
          knownNames={new Map(trail.map((entry) => [entry.code, entry.name]))}
        />
      </Card>
    </Flex>
  );
}
