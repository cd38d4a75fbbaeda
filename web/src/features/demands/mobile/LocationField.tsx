import { useQuery } from '@tanstack/react-query';
import { Button, Input, Space } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../iam/hooks/useSession';
import { ADDRESS_MAX } from './intakeForm';
import { MapPlaceChooser } from './MapPlaceChooser';
import { mapSourceFor, usesPublicGrids } from './mapSource';
import { fetchPickFeatures, mobileKeys } from './mobileApi';
import { PickPointMap } from './PickPointMap';
import { featureAt, type Position, roundPosition } from './pickPointMap';

export type LocationFieldProps = {
  point: Position | null;
  address: string;
  onPointChange: (point: Position | null) => void;
  onAddressChange: (address: string) => void;
};

type Locating = 'idle' | 'busy' | 'denied' | 'unavailable';

/**
 * Where the problem is: the phone's position, a tap on the map of the grids around, or an address
 * typed in. The server finds the grid and compound of the point (areas lookup); an address alone
 * is placed by the handling office.
 */
export function LocationField({ point, address, onPointChange, onAddressChange }: LocationFieldProps) {
  const { t } = useTranslation('demandsMobile');
  const session = useSession();
  const [locating, setLocating] = useState<Locating>('idle');
  // Where the public grid map is drawn (no areas.read): around the located position, else the
  // chosen community; the last of the two the user gave wins.
  const [located, setLocated] = useState<Position | null>(null);
  const [choice, setChoice] = useState<{ street: string | null; community: string | null }>({
    street: null,
    community: null,
  });
  const publicGrids = usesPublicGrids(session);
  const source = useMemo(
    () => mapSourceFor(session, { position: located, areaCode: choice.community }),
    [session, located, choice.community],
  );
  const features = useQuery({
    queryKey: mobileKeys.pickMap(source),
    queryFn: ({ signal }) => fetchPickFeatures(source, signal),
    enabled: source.kind === 'areas' || source.kind === 'near' || source.kind === 'under',
    staleTime: 10 * 60_000,
    retry: false,
  });
  const collection = features.data;
  const gridName = point && collection ? featureAt(collection.features, point)?.properties.name : undefined;

  const locateMe = () => {
    if (!('geolocation' in navigator)) {
      setLocating('unavailable');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const here = roundPosition([position.coords.longitude, position.coords.latitude]);
        onPointChange(here);
        setLocated(here);
        setChoice({ street: null, community: null });
        setLocating('idle');
      },
      (failure) => setLocating(failure.code === failure.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <Space direction="vertical" block style={{ '--gap': '8px' }}>
      <Button
        block
        size="small"
        color="primary"
        fill="outline"
        loading={locating === 'busy'}
        onClick={locateMe}
        data-testid="intake-locate"
      >
        {t('location.useMine')}
      </Button>
      {locating === 'denied' || locating === 'unavailable' ? (
        <div style={{ color: '#ff8f1f', fontSize: 13 }} role="alert">
          {t(`location.${locating}`)}
        </div>
      ) : null}
      {publicGrids ? (
        <MapPlaceChooser
          street={choice.street}
          community={choice.community}
          onChange={(next) => {
            setChoice(next);
            if (next.community) setLocated(null);
          }}
        />
      ) : null}
      {source.kind === 'near' && collection && collection.features.length === 0 ? (
        <div style={{ color: '#999', fontSize: 13 }} data-testid="intake-no-grids">
          {t('location.noGridsNear')}
        </div>
      ) : null}
      {collection && collection.features.length > 0 ? (
        <div>
          <div style={{ color: '#666', fontSize: 13, marginBottom: 4 }}>{t('location.mapHint')}</div>
          <div
            style={{
              border: '1px solid #e5e5e5',
              borderRadius: 8,
              overflow: 'hidden',
              background: '#fafcff',
            }}
          >
            <PickPointMap
              mapName={`demands-pick:${collection.features.map((feature) => feature.id).join(',')}`}
              geoJson={collection}
              point={point}
              onPick={onPointChange}
              ariaLabel={t('location.mapLabel')}
            />
          </div>
        </div>
      ) : null}
      {point ? (
        <div style={{ fontSize: 14 }} data-testid="intake-point">
          {gridName ? t('location.pickedInGrid', { grid: gridName }) : t('location.picked')}
          <span style={{ color: '#999', marginLeft: 6, fontSize: 12 }}>
            {point[0].toFixed(5)}, {point[1].toFixed(5)}
          </span>
          <Button size="mini" fill="none" onClick={() => onPointChange(null)} style={{ marginLeft: 4 }}>
            {t('location.clear')}
          </Button>
        </div>
      ) : null}
      <Input
        value={address}
        onChange={onAddressChange}
        maxLength={ADDRESS_MAX}
        clearable
        placeholder={t('location.addressPlaceholder')}
        data-testid="intake-address"
      />
    </Space>
  );
}
