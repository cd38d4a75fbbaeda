import { Alert, Button, Card, Col, Flex, Rate, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../../i18n/format';
import type { DemandAction, DemandDetail } from '../../api';
import { ACTION_FORMS, orderedActions } from '../actions';
import { ActionDialog } from '../components/ActionDialog';
import { DemandHeaderCard } from '../components/DemandHeaderCard';
import { DemandLocationMap } from '../components/DemandLocationMap';
import { DemandTimeline } from '../components/DemandTimeline';
import { PhotoStrip } from '../components/PhotoStrip';
import { ReporterCard } from '../components/ReporterCard';
import { StatusTag } from '../components/StatusTag';
import { WhistlesCard } from '../components/WhistlesCard';
import { demandErrorMessage } from '../errors';
import { useDemand } from '../hooks';

const RATING_STARS = { satisfied: 3, basic: 2, unsatisfied: 1 } as const;

export type DetailPageProps = Record<string, never>;

/** 诉求详情 (/demands/:id): the demand, its place, reporter and full record, and the steps open now. */
export function DetailPage(_props: DetailPageProps) {
  const { id } = useParams();
  const { t, i18n } = useTranslation('demands');
  const demand = useDemand(id);
  const [action, setAction] = useState<DemandAction | null>(null);

  if (demand.isPending) return <Skeleton active />;
  if (demand.isError || !demand.data)
    return (
      <Result
        status={demand.error && 'status' in demand.error && demand.error.status === 404 ? '404' : 'error'}
        title={t('detail.loadFailed')}
        subTitle={demandErrorMessage(demand.error, i18n)}
        extra={
          <Link to="/demands">
            <Button>{t('detail.back')}</Button>
          </Link>
        }
      />
    );
  const d = demand.data;
  const actions = orderedActions(d.allowedActions);

  return (
    <Flex vertical gap={16} data-testid="demand-detail" data-status={d.status}>
      <DemandHeaderCard demand={d}>
        <Flex gap={8} wrap style={{ marginTop: 12 }} data-testid="demand-actions">
          {actions.length === 0 ? (
            <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>
          ) : (
            actions.map((a, i) => (
              <Button
                key={a}
                type={i === 0 ? 'primary' : 'default'}
                danger={ACTION_FORMS[a].danger}
                onClick={() => setAction(a)}
                data-testid={`action-${a}`}
              >
                {t(`actions.${a}`)}
              </Button>
            ))
          )}
        </Flex>
      </DemandHeaderCard>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('detail.description')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="demand-description">
                {d.description}
              </Typography.Paragraph>
              <PhotoStrip photos={d.photos} empty={t('detail.noPhotos')} testId="demand-photos" />
            </Card>
            <MergedLinks demand={d} />
            <RatingCard demand={d} />
            <Card size="small" title={t('detail.timeline')}>
              <DemandTimeline events={d.events} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <DemandLocationMap demand={d} />
            <ReporterCard demand={d} />
            <WhistlesCard whistles={d.whistles} />
          </Flex>
        </Col>
      </Row>
      <ActionDialog demand={d} action={action} onClose={() => setAction(null)} />
    </Flex>
  );
}

function MergedLinks({ demand }: { demand: DemandDetail }) {
  const { t } = useTranslation('demands');
  if (!demand.mergedInto && !demand.mergedFrom.length) return null;
  return (
    <Card size="small" data-testid="demand-merged">
      {demand.mergedInto ? (
        <Alert
          type="info"
          showIcon
          title={
            <Space>
              {t('detail.mergedInto')}
              <Link to={`/demands/${demand.mergedInto.id}`}>{demand.mergedInto.number}</Link>
              <StatusTag status={demand.mergedInto.status} />
            </Space>
          }
        />
      ) : null}
      {demand.mergedFrom.length ? (
        <Space wrap style={{ marginTop: demand.mergedInto ? 8 : 0 }}>
          <Typography.Text type="secondary">{t('detail.mergedFrom')}</Typography.Text>
          {demand.mergedFrom.map((m) => (
            <Link key={m.id} to={`/demands/${m.id}`}>
              {m.number}
            </Link>
          ))}
        </Space>
      ) : null}
    </Card>
  );
}

function RatingCard({ demand }: { demand: DemandDetail }) {
  const { t, i18n } = useTranslation('demands');
  if (!demand.rating) return null;
  return (
    <Card size="small" title={t('detail.rating')} data-testid="demand-rating">
      <Space wrap>
        <Rate disabled count={3} value={RATING_STARS[demand.rating]} />
        <Tag color={demand.rating === 'unsatisfied' ? 'red' : 'green'}>{t(`rating.${demand.rating}`)}</Tag>
        {demand.resolved !== null ? (
          <Tag>{demand.resolved ? t('detail.resolvedYes') : t('detail.resolvedNo')}</Tag>
        ) : null}
        {demand.ratedAt ? (
          <Typography.Text type="secondary">{formatDateTime(demand.ratedAt, i18n.language)}</Typography.Text>
        ) : null}
      </Space>
      {demand.ratingComment ? (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {demand.ratingComment}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
