import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, ErrorBlock, Skeleton } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { type DemandListFilters, demandsKeys, fetchDemands } from '../api';
import { DemandCard } from './DemandCard';
import { DemandsMobileShell } from './DemandsMobileShell';
import { MobileGate } from './MobileGate';
import { mobilePaths } from './paths';

export type MyDemandsPageProps = Record<string, never>;

const MINE: DemandListFilters = { mine: 'true', limit: 20 };

/** /m/demands — the demands the resident filed or follows, each with where it stands. */
export function MyDemandsPage(_props: MyDemandsPageProps) {
  const { t, i18n } = useTranslation('demandsMobile');
  const navigate = useNavigate();
  const list = useInfiniteQuery({
    queryKey: demandsKeys.list(MINE),
    queryFn: ({ pageParam, signal }) => fetchDemands(MINE, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  const body = (() => {
    if (list.isPending) return <Skeleton.Paragraph lineCount={6} animated style={{ padding: 16 }} />;
    if (list.isError)
      return <ErrorBlock status="default" title={apiErrorMessage(list.error, i18n)} description="" />;
    if (items.length === 0)
      return (
        <ErrorBlock status="empty" title={t('mine.empty')} description={t('mine.emptyHint')}>
          <Button color="primary" onClick={() => navigate(mobilePaths.newDemand)}>
            {t('mine.fileOne')}
          </Button>
        </ErrorBlock>
      );
    return (
      <>
        {items.map((item) => (
          <DemandCard
            key={item.id}
            item={item}
            variant="mine"
            onOpen={() => navigate(mobilePaths.demand(item.id))}
          />
        ))}
        {list.hasNextPage ? (
          <div style={{ margin: '12px' }}>
            <Button block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('list.more')}
            </Button>
          </div>
        ) : null}
      </>
    );
  })();

  return (
    <MobileGate permission="demands.create">
      <DemandsMobileShell title={t('mine.title')} testId="demands-mobile-mine">
        {body}
      </DemandsMobileShell>
    </MobileGate>
  );
}
