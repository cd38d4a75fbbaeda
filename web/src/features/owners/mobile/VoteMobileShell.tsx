import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicHeader, PublicMobileFrame } from '../../common/PublicMobileFrame';

export type VoteMobileShellProps = {
  title: string;
  subtitle?: string | null;
  testId: string;
  children: ReactNode;
};

/** The frame of the owners' vote pages on a phone: a blue header, the body, the language switch. */
export function VoteMobileShell({ title, subtitle, testId, children }: VoteMobileShellProps) {
  const { t } = useTranslation('ownersVotes');
  return (
    <PublicMobileFrame testId={testId} documentTitle={title} basis={t('ballot.basis')}>
      <PublicHeader kicker={t('ballot.kicker')} title={title} subtitle={subtitle} />
      {children}
    </PublicMobileFrame>
  );
}
