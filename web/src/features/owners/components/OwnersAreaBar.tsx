import { useTranslation } from 'react-i18next';
import { AreaBar } from '../../areas/components/AreaBar';

export type OwnersAreaBarProps = { code: string | undefined; onChange: (code: string) => void };

/** The place an owners page is about, and a search box to change it (within the caller's scope). */
export function OwnersAreaBar({ code, onChange }: OwnersAreaBarProps) {
  const { t } = useTranslation('owners');
  return (
    <AreaBar
      code={code}
      onChange={onChange}
      labels={{ current: t('area.current'), choose: t('area.choose') }}
      testId="owners-area"
    />
  );
}
