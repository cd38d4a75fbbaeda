import { useTranslation } from 'react-i18next';
import { AreaBar } from '../../areas/components/AreaBar';

export type PartyAreaBarProps = { code: string | undefined; onChange: (code: string) => void };

/** The place a party page is about, and a search box to change it (within the caller's scope). */
export function PartyAreaBar({ code, onChange }: PartyAreaBarProps) {
  const { t } = useTranslation('party');
  return (
    <AreaBar
      code={code}
      onChange={onChange}
      labels={{ current: t('area.current'), choose: t('area.choose') }}
      testId="party-area"
    />
  );
}
