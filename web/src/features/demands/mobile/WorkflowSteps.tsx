import { Steps } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format';
import type { DemandStatus } from '../api';
import { WORKFLOW_STEPS, type WorkflowStep, workflowProgress } from './workflowSteps';

export type WorkflowStepsProps = {
  status: DemandStatus;
  stoppedAfter?: DemandStatus | null;
  /** When each step was reached (the follow page); left out on a list card. */
  times?: Partial<Record<WorkflowStep, string>>;
  direction?: 'horizontal' | 'vertical';
};

/** 受理 立案 派遣 处置 反馈 核查 结案 回访, with where the demand is now. */
export function WorkflowSteps({ status, stoppedAfter, times, direction = 'horizontal' }: WorkflowStepsProps) {
  const { t, i18n } = useTranslation(['demandsMobile', 'demands']);
  const progress = workflowProgress(status, stoppedAfter);
  const compact = direction === 'horizontal';
  return (
    <Steps
      current={progress.current}
      direction={direction}
      style={
        compact
          ? {
              '--title-font-size': '11px',
              '--icon-size': '14px',
              '--indicator-margin-right': '0',
              padding: 0,
            }
          : { '--title-font-size': '15px', '--description-font-size': '12px' }
      }
      data-testid="demand-steps"
      data-status={status}
    >
      {WORKFLOW_STEPS.map((step, index) => {
        const state = progress.states[index] ?? 'wait';
        const title =
          state === 'error'
            ? t(`demands:status.${status}`)
            : t(compact ? `steps.short.${step}` : `steps.long.${step}`);
        const at = times?.[step];
        return (
          <Steps.Step
            key={step}
            status={state}
            title={title}
            description={!compact && at && state !== 'error' ? formatDateTime(at, i18n.language) : undefined}
          />
        );
      })}
    </Steps>
  );
}
