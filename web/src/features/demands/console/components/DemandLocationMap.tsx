import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemandDetail } from '../../api';
import { useBoundaries } from '../hooks';
import { buildDemandMapOption, parentInPath } from '../map';
import { DemandMapChart } from './DemandMapChart';

export type DemandLocationMapProps = { demand: DemandDetail };

/** The demand's grid drawn from its GeoJSON boundary, with a pin at the demand's point. */
export function DemandLocationMap({ demand }: DemandLocationMapProps) {
  const { t } = useTranslation('demands');
  const community = demand.gridCode ? parentInPath(demand.path, demand.gridCode) : null;
  const boundaries = useBoundaries(community ? { parent: community, level: 'grid' } : null);
  const features = useMemo(
    () => (boundaries.data?.features ?? []).filter((f) => f.properties.code === demand.gridCode),
    [boundaries.data, demand.gridCode],
  );
  const point = useMemo(
    () => (demand.lng !== null && demand.lat !== null ? { lng: demand.lng, lat: demand.lat } : null),
    [demand.lng, demand.lat],
  );
  const mapName = `demand-grid:${demand.gridCode ?? ''}`;
  const geoJson = useMemo(() => ({ type: 'FeatureCollection' as const, features }), [features]);
  const option = useMemo(
    () => buildDemandMapOption({ mapName, features, point, highlight: demand.gridCode }),
    [mapName, features, point, demand.gridCode],
  );
  return (
    <Card size="small" title={t('detail.map')} data-testid="demand-map-card">
      {features.length ? (
        <DemandMapChart
          mapName={mapName}
          geoJson={geoJson}
          option={option}
          height={240}
          testId="demand-map"
          ariaLabel={demand.placeName ?? t('detail.map')}
        />
      ) : null}
      <Typography.Text type="secondary">
        {demand.placeName ?? ''}
        {point ? ` · ${point.lng}, ${point.lat}` : ` · ${t('detail.noPoint')}`}
      </Typography.Text>
    </Card>
  );
}
