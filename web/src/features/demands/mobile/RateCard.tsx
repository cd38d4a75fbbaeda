import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { demandsKeys, type Rating, takeDemandAction } from '../api';
import { canSendRating, RATING_CHOICES, type RatingDraft, ratingBody } from './rating';

export type RateCardProps = { demandId: string };

/** The resident's rating of a closed demand (回访评价). */
export function RateCard({ demandId }: RateCardProps) {
  const { t, i18n } = useTranslation(['demandsMobile', 'demands']);
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<RatingDraft>({ rating: null, resolved: null, comment: '' });
  const rate = useMutation({
    mutationFn: () => takeDemandAction(demandId, ratingBody(draft)),
    onSuccess: async () => {
      Toast.show({ icon: 'success', content: t('rate.thanks') });
      await queryClient.invalidateQueries({ queryKey: demandsKeys.all });
    },
  });
  return (
    <Card
      style={{ margin: '12px 12px 0', borderRadius: 12 }}
      title={t('rate.title')}
      data-testid="demand-rate"
    >
      <Form layout="vertical" style={{ '--border-top': '0', '--border-bottom': '0' }}>
        <Form.Item label={t('rate.rating')} required>
          <Selector
            columns={3}
            value={draft.rating ? [draft.rating] : []}
            onChange={(values) =>
              setDraft((d) => ({ ...d, rating: (values[0] as Rating | undefined) ?? null }))
            }
            options={RATING_CHOICES.map((rating) => ({
              value: rating,
              label: t(`demands:rating.${rating}`),
            }))}
            data-testid="rate-rating"
          />
        </Form.Item>
        <Form.Item label={t('rate.resolved')} required>
          <Selector
            columns={2}
            value={draft.resolved === null ? [] : [draft.resolved ? 'yes' : 'no']}
            onChange={(values) =>
              setDraft((d) => ({ ...d, resolved: values[0] === undefined ? null : values[0] === 'yes' }))
            }
            options={[
              { value: 'yes', label: t('rate.yes') },
              { value: 'no', label: t('rate.no') },
            ]}
            data-testid="rate-resolved"
          />
        </Form.Item>
        <Form.Item label={t('rate.comment')}>
          <TextArea
            value={draft.comment}
            onChange={(comment) => setDraft((d) => ({ ...d, comment }))}
            maxLength={2000}
            showCount
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('rate.commentPlaceholder')}
            data-testid="rate-comment"
          />
        </Form.Item>
      </Form>
      {rate.error ? (
        <div role="alert" style={{ color: '#ff3141', marginBottom: 8 }}>
          {apiErrorMessage(rate.error, i18n)}
        </div>
      ) : null}
      <Button
        block
        color="primary"
        disabled={!canSendRating(draft)}
        loading={rate.isPending}
        onClick={() => rate.mutate()}
        data-testid="rate-submit"
      >
        {t('rate.submit')}
      </Button>
    </Card>
  );
}
