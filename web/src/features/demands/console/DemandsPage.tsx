import { lazy } from 'react';
import { PageSuspense } from '../../../app/PageSuspense';

const InboxPage = lazy(() => import('./pages/InboxPage').then((m) => ({ default: m.InboxPage })));

export type DemandsPageProps = Record<string, never>;

/** /demands (its navigation entry): the inbox, loaded when first opened. */
export function DemandsPage(_props: DemandsPageProps) {
  return (
    <PageSuspense>
      <InboxPage />
    </PageSuspense>
  );
}
