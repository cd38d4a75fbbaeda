import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchPlaceStreets, mobileKeys } from './mobileApi';

export type MapPlaceChooserProps = {
  /** The community whose grids are drawn, if chosen. */
  community: string | null;
  street: string | null;
  onChange: (choice: { street: string | null; community: string | null }) => void;
};

const selectStyle = {
  flex: 1,
  minWidth: 0,
  height: 36,
  padding: '0 8px',
  fontSize: 14,
  border: '1px solid #e5e5e5',
  borderRadius: 6,
  background: '#fff',
} as const;

/**
 * For one who cannot read the area boundaries and whose position is not known: a street, then
 * one of its communities, whose public grid map (grid regulation art. 6) is then drawn. Native
 * selects: the phone's own picker, however many streets the city has.
 */
export function MapPlaceChooser({ community, street, onChange }: MapPlaceChooserProps) {
  const { t } = useTranslation('demandsMobile');
  const streets = useQuery({
    queryKey: mobileKeys.placeStreets,
    queryFn: ({ signal }) => fetchPlaceStreets(signal),
    staleTime: 30 * 60_000,
    retry: false,
  });
  const items = streets.data?.items ?? [];
  const communities = items.find((item) => item.code === street)?.communities ?? [];
  if (streets.isError || (streets.isSuccess && items.length === 0)) return null;

  return (
    <div>
      <div style={{ color: '#666', fontSize: 13, marginBottom: 4 }}>{t('location.chooseHint')}</div>
      <div style={{ display: 'flex', gap: 8 }}>
        <select
          aria-label={t('location.street')}
          value={street ?? ''}
          disabled={!streets.isSuccess}
          onChange={(event) => onChange({ street: event.target.value || null, community: null })}
          style={selectStyle}
          data-testid="place-street"
        >
          <option value="">{t('location.street')}</option>
          {items.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t('location.community')}
          value={community ?? ''}
          disabled={communities.length === 0}
          onChange={(event) => onChange({ street, community: event.target.value || null })}
          style={selectStyle}
          data-testid="place-community"
        >
          <option value="">{t('location.community')}</option>
          {communities.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
