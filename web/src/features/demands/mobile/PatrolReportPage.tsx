import { useTranslation } from 'react-i18next';
import { DemandsMobileShell } from './DemandsMobileShell';
import { IntakeForm } from './IntakeForm';
import { MobileGate } from './MobileGate';
import { mobilePaths } from './paths';

export type PatrolReportPageProps = Record<string, never>;

/**
 * /m/tasks/new — a grid worker on patrol files a problem they found, or one a resident told them
 * (Binzhou grid regulation art. 10: 巡查走访，收集、上报).
 */
export function PatrolReportPage(_props: PatrolReportPageProps) {
  const { t } = useTranslation('demandsMobile');
  return (
    <MobileGate permission="demands.create">
      <DemandsMobileShell title={t('patrol.title')} testId="demands-mobile-patrol" back={mobilePaths.tasks}>
        <p style={{ margin: '12px 16px 0', color: '#666', fontSize: 13, lineHeight: 1.6 }}>
          {t('patrol.intro')}
        </p>
        <IntakeForm channel="patrol" pathOf={mobilePaths.task} />
      </DemandsMobileShell>
    </MobileGate>
  );
}
