import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, ErrorBlock, Skeleton } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useHasPermission } from '../../iam/hooks/useSession';
import { type DemandListFilters, demandsKeys, fetchDemands } from '../api';
import { DemandCard } from './DemandCard';
import { DemandsMobileShell } from './DemandsMobileShell';
import { MobileGate } from './MobileGate';
import { mobilePaths } from './paths';

export type TasksPageProps = Record<string, never>;

const OPEN_TASKS: DemandListFilters = { mine: 'true', open: 'true', limit: 30 };

/**
 * /m/tasks — a grid worker's or property staff's open tasks: dispatched to them, their grid or
 * their unit, with the deadlines (overdue in red). Patrol reports are filed from here.
 */
export function TasksPage(_props: TasksPageProps) {
  const { t, i18n } = useTranslation('demandsMobile');
  const navigate = useNavigate();
  const mayFile = useHasPermission('demands.create');
  const list = useInfiniteQuery({
    queryKey: demandsKeys.list(OPEN_TASKS),
    queryFn: ({ pageParam, signal }) => fetchDemands(OPEN_TASKS, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: 120_000,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const overdue = items.filter((item) => item.flags.overdue || item.flags.contactOverdue).length;

  const body = (() => {
    if (list.isPending) return <Skeleton.Paragraph lineCount={6} animated style={{ padding: 16 }} />;
    if (list.isError)
      return <ErrorBlock status="default" title={apiErrorMessage(list.error, i18n)} description="" />;
    if (items.length === 0)
      return <ErrorBlock status="empty" title={t('tasks.empty')} description={t('tasks.emptyHint')} />;
    return (
      <>
        <div style={{ margin: '12px 16px 0', color: '#666', fontSize: 13 }} data-testid="tasks-count">
          {t('tasks.count', { total })}
          {overdue > 0 ? (
            <span style={{ color: '#ff3141' }}> · {t('tasks.overdueCount', { count: overdue })}</span>
          ) : null}
        </div>
        {items.map((item) => (
          <DemandCard
            key={item.id}
            item={item}
            variant="task"
            onOpen={() => navigate(mobilePaths.task(item.id))}
          />
        ))}
        {list.hasNextPage ? (
          <div style={{ margin: 12 }}>
            <Button block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('list.more')}
            </Button>
          </div>
        ) : null}
      </>
    );
  })();

  return (
    <MobileGate permission="demands.handle">
      <DemandsMobileShell title={t('tasks.title')} testId="demands-mobile-tasks">
        {mayFile ? (
          <div style={{ margin: '12px 12px 0' }}>
            <Button
              block
              color="primary"
              fill="outline"
              onClick={() => navigate(mobilePaths.patrol)}
              data-testid="tasks-patrol"
            >
              {t('tasks.patrol')}
            </Button>
          </div>
        ) : null}
        {body}
      </DemandsMobileShell>
    </MobileGate>
  );
}
