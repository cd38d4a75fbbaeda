import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AreaLevel, areaKeys, fetchAreaTree } from '../../../areas/api';
import { useBoundaries } from '../hooks';
import { buildDemandMapOption, type Point, pickMapQuery } from '../map';
import { DemandMapChart } from './DemandMapChart';

export type PointPickerProps = {
  value?: Point | null;
  onChange?: (point: Point | null) => void;
  /** The place chosen in the area picker; the caller's scope root when none. */
  place: { code: string; level: AreaLevel; parentCode: string | null } | undefined;
};

/** The boundaries around the chosen place; a click marks the demand's point. */
export function PointPicker({ value = null, onChange, place }: PointPickerProps) {
  const { t } = useTranslation('demands');
  const roots = useQuery({
    queryKey: areaKeys.tree(undefined, 1),
    queryFn: ({ signal }) => fetchAreaTree({ depth: 1, signal }),
    staleTime: 5 * 60_000,
  });
  const around = place ?? roots.data?.roots[0];
  const query = around ? pickMapQuery(around) : null;
  const boundaries = useBoundaries(query);
  const features = boundaries.data?.features ?? [];
  const mapName = `demand-pick:${query?.parent ?? ''}:${query?.level ?? ''}`;
  const geoJson = useMemo(() => ({ type: 'FeatureCollection' as const, features }), [features]);
  const highlight = place && (place.level === 'grid' || place.level === 'compound') ? place.code : null;
  const option = useMemo(
    () => buildDemandMapOption({ mapName, features, point: value, highlight, roam: true }),
    [mapName, features, value, highlight],
  );
  return (
    <Flex vertical gap={6}>
      {features.length ? (
        <DemandMapChart
          mapName={mapName}
          geoJson={geoJson}
          option={option}
          height={300}
          onPick={(point) => onChange?.(point)}
          testId="intake-point-map"
          ariaLabel={t('intake.pointHint')}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.pointHint')} />
      )}
      <Flex gap={8} align="center">
        <Typography.Text type="secondary" data-testid="intake-point-text">
          {value
            ? t('intake.pointPicked', { longitude: value.lng, latitude: value.lat })
            : t('intake.pointHint')}
        </Typography.Text>
        {value ? (
          <Button size="small" type="link" onClick={() => onChange?.(null)}>
            {t('intake.clearPoint')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
}
