import { ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../iam/hooks/useSession';
import { DemandsMobileShell } from './DemandsMobileShell';

export type MobileGateProps = {
  /** Needed somewhere in the user's scope (the server checks the place itself). */
  permission: string;
  children: ReactNode;
};

/** A page for holders of `permission`; anyone else reads why not, in the mobile frame. */
export function MobileGate({ permission, children }: MobileGateProps) {
  const { t } = useTranslation('demandsMobile');
  const allowed = useHasPermission(permission);
  if (allowed) return <>{children}</>;
  return (
    <DemandsMobileShell title={t('shell.forbiddenTitle')} testId="demands-mobile-forbidden">
      <ErrorBlock status="default" title={t('shell.forbiddenTitle')} description={t('shell.forbiddenText')} />
    </DemandsMobileShell>
  );
}
