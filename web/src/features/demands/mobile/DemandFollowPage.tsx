import { useQuery } from '@tanstack/react-query';
import { Button, Card, ErrorBlock, NoticeBar, Skeleton } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { formatDateTime } from '../../../i18n/format';
import { type DemandDetail, demandsKeys, fetchDemand } from '../api';
import { DemandSummary } from './DemandSummary';
import { DemandsMobileShell } from './DemandsMobileShell';
import { DemandTimeline } from './DemandTimeline';
import { PhotoStrip } from './PhotoStrip';
import { mobilePaths } from './paths';
import { RateCard } from './RateCard';
import { mayRate } from './rating';
import { WorkflowSteps } from './WorkflowSteps';
import { stepTimes, stoppedAfter } from './workflowSteps';

export type DemandFollowPageProps = Record<string, never>;

const card = { margin: '12px 12px 0', borderRadius: 12 } as const;

/** The handler's latest reply (反馈), the one the check passed or failed. */
function latestReply(demand: DemandDetail) {
  return [...demand.events].sort((a, b) => b.seq - a.seq).find((event) => event.action === 'reply');
}

/**
 * /m/demands/:id — a resident follows their demand: where it stands on the path, every step, the
 * handler's reply; once closed, they rate it. A merged demand points to the one it joined.
 */
export function DemandFollowPage(_props: DemandFollowPageProps) {
  const { id = '' } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation(['demandsMobile', 'demands']);
  const navigate = useNavigate();
  const demand = useQuery({
    queryKey: demandsKeys.detail(id),
    queryFn: ({ signal }) => fetchDemand(id, signal),
    // A resident waiting for news: look again every minute while the page is open.
    refetchInterval: 60_000,
  });

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
    const reply = latestReply(d);
    return (
      <>
        {d.mergedInto ? (
          <Card style={card} data-testid="demand-merged">
            <div style={{ marginBottom: 8 }}>{t('detail.mergedInto', { number: d.mergedInto.number })}</div>
            <Button
              color="primary"
              size="small"
              onClick={() => navigate(mobilePaths.demand(d.mergedInto?.id ?? ''))}
              data-testid="demand-merged-open"
            >
              {t('detail.followMerged')}
            </Button>
          </Card>
        ) : null}
        {d.status === 'declined' ? (
          <NoticeBar color="alert" wrap content={t('detail.declined')} style={{ margin: '12px 12px 0' }} />
        ) : null}
        <DemandSummary demand={d} />
        <Card style={card} title={t('detail.progress')}>
          <WorkflowSteps
            status={d.status}
            stoppedAfter={stoppedAfter(d.events)}
            times={stepTimes(d.events)}
            direction="vertical"
          />
        </Card>
        {reply ? (
          <Card style={card} title={t('detail.reply')} data-testid="demand-reply">
            <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }}>{reply.note}</div>
            <div style={{ color: '#999', fontSize: 12, margin: '4px 0' }}>
              {reply.actorLabel} · {formatDateTime(reply.at, i18n.language)}
            </div>
            <PhotoStrip photos={reply.attachments} />
          </Card>
        ) : null}
        {mayRate(d) ? <RateCard demandId={d.id} /> : null}
        {d.rating ? (
          <Card style={card} title={t('detail.yourRating')} data-testid="demand-rated">
            <div>
              {t(`demands:rating.${d.rating}`)}
              {d.resolved === null
                ? ''
                : ` · ${d.resolved ? t('detail.resolvedYes') : t('detail.resolvedNo')}`}
            </div>
            {d.ratingComment ? <div style={{ color: '#666', marginTop: 4 }}>{d.ratingComment}</div> : null}
          </Card>
        ) : null}
        <Card style={card} title={t('detail.timeline')}>
          <DemandTimeline events={d.events} />
        </Card>
      </>
    );
  })();

  return (
    <DemandsMobileShell
      title={demand.data ? t('detail.titleWithNumber', { number: demand.data.number }) : t('detail.title')}
      testId="demands-mobile-follow"
      back={mobilePaths.myDemands}
    >
      {body}
    </DemandsMobileShell>
  );
}
