import { useTranslation } from 'react-i18next';
import { DemandsMobileShell } from './DemandsMobileShell';
import { IntakeForm } from './IntakeForm';
import { MobileGate } from './MobileGate';
import { mobilePaths } from './paths';

export type NewDemandPageProps = Record<string, never>;

/** /m/demands/new — a resident reports a problem (受理 through the mobile channel). */
export function NewDemandPage(_props: NewDemandPageProps) {
  const { t } = useTranslation('demandsMobile');
  return (
    <MobileGate permission="demands.create">
      <DemandsMobileShell title={t('intake.title')} testId="demands-mobile-new">
        <p style={{ margin: '12px 16px 0', color: '#666', fontSize: 13, lineHeight: 1.6 }}>
          {t('intake.intro')}
        </p>
        <IntakeForm channel="mobile" pathOf={mobilePaths.demand} />
      </DemandsMobileShell>
    </MobileGate>
  );
}
