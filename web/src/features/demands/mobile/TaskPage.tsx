import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Dialog, ErrorBlock, Skeleton, Space, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { demandsKeys, fetchDemand, takeDemandAction } from '../api';
import { DemandSummary } from './DemandSummary';
import { DemandsMobileShell } from './DemandsMobileShell';
import { DemandTimeline } from './DemandTimeline';
import { MobileGate } from './MobileGate';
import { mobilePaths } from './paths';
import { TaskActionPopup } from './TaskActionPopup';
import { openTaskActions, TASK_ACTION_FORMS, type TaskAction, taskActionBody } from './taskActions';
import { WorkflowSteps } from './WorkflowSteps';
import { stepTimes, stoppedAfter } from './workflowSteps';

export type TaskPageProps = Record<string, never>;

const card = { margin: '12px 12px 0', borderRadius: 12 } as const;

/**
 * /m/tasks/:id — a task on a phone: what and where, who to call, by when; the steps the handler
 * may take now (the server's `allowedActions`), each with its note or photos.
 */
export function TaskPage(_props: TaskPageProps) {
  const { id = '' } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation(['demandsMobile', 'demands']);
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<TaskAction | null>(null);
  const demand = useQuery({
    queryKey: demandsKeys.detail(id),
    queryFn: ({ signal }) => fetchDemand(id, signal),
  });
  const waitingWhistle = demand.data?.whistles.find((whistle) => whistle.reportedAt === null);
  const act = useMutation({
    mutationFn: (input: { action: TaskAction; note: string; photos: string[] }) =>
      takeDemandAction(id, taskActionBody(input.action, { ...input, whistleId: waitingWhistle?.id })),
    onSuccess: async (_answer, input) => {
      setOpen(null);
      Toast.show({
        icon: 'success',
        content: t('task.done', { action: t(`demands:actions.${input.action}`) }),
      });
      await queryClient.invalidateQueries({ queryKey: demandsKeys.all });
    },
  });

  const start = async (action: TaskAction) => {
    act.reset();
    if (!TASK_ACTION_FORMS[action].confirmOnly) {
      setOpen(action);
      return;
    }
    const sure = await Dialog.confirm({
      content: t(`taskHints.${action}`),
      confirmText: t(`demands:actions.${action}`),
      cancelText: t('task.cancel'),
    });
    if (sure) act.mutate({ action, note: '', photos: [] });
  };

  const body = (() => {
    if (demand.isPending) return <Skeleton.Paragraph lineCount={8} animated style={{ padding: 16 }} />;
    if (demand.isError) {
      const missing = isApiError(demand.error) && demand.error.status === 404;
      return (
        <ErrorBlock
          status={missing ? 'empty' : 'default'}
          title={missing ? t('detail.notFound') : apiErrorMessage(demand.error, i18n)}
          description=""
        />
      );
    }
    const d = demand.data;
    const actions = openTaskActions(d.allowedActions, Boolean(waitingWhistle));
    return (
      <>
        <DemandSummary demand={d} forHandler />
        <Card style={card} title={t('task.actions')} data-testid="task-actions">
          {actions.length === 0 ? (
            <div style={{ color: '#999' }}>{t('task.noActions')}</div>
          ) : (
            <Space wrap>
              {actions.map((action) => (
                <Button
                  key={action}
                  color={action === 'return' ? 'danger' : 'primary'}
                  fill={action === 'return' || action === 'note' ? 'outline' : 'solid'}
                  loading={act.isPending && act.variables?.action === action && open === null}
                  onClick={() => void start(action)}
                  data-testid={`task-action-${action}`}
                >
                  {t(`demands:actions.${action}`)}
                </Button>
              ))}
            </Space>
          )}
          {act.error && open === null ? (
            <div role="alert" style={{ color: '#ff3141', marginTop: 8 }}>
              {apiErrorMessage(act.error, i18n)}
            </div>
          ) : null}
        </Card>
        <Card style={card} title={t('detail.progress')}>
          <WorkflowSteps
            status={d.status}
            stoppedAfter={stoppedAfter(d.events)}
            times={stepTimes(d.events)}
          />
        </Card>
        <Card style={card} title={t('detail.timeline')}>
          <DemandTimeline events={d.events} />
        </Card>
      </>
    );
  })();

  return (
    <MobileGate permission="demands.handle">
      <DemandsMobileShell
        title={demand.data ? t('detail.titleWithNumber', { number: demand.data.number }) : t('task.title')}
        testId="demands-mobile-task"
        back={mobilePaths.tasks}
      >
        {body}
        <TaskActionPopup
          action={open}
          busy={act.isPending}
          error={act.error ? apiErrorMessage(act.error, i18n) : null}
          onSend={(input) => open && act.mutate({ action: open, ...input })}
          onClose={() => setOpen(null)}
        />
      </DemandsMobileShell>
    </MobileGate>
  );
}
