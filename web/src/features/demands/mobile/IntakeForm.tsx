import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Form,
  type ImageUploadItem,
  Input,
  Selector,
  Switch,
  TextArea,
  Toast,
} from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useSession } from '../../iam/hooks/useSession';
import {
  createDemand,
  type DuplicateCandidate,
  demandsKeys,
  fetchDuplicates,
  newIdempotencyKey,
} from '../api';
import { useCategories } from '../console/hooks';
import { AttributeFields } from './AttributeFields';
import { missingAttributes } from './attributes';
import { CategoryField } from './CategoryField';
import { DuplicatesPopup } from './DuplicatesPopup';
import {
  DESCRIPTION_MAX,
  type DraftProblem,
  draftProblems,
  duplicateQuery,
  emptyDraft,
  hasReporter,
  type IntakeDraft,
  intakeBody,
} from './intakeForm';
import { LocationField } from './LocationField';
import { followDemand } from './mobileApi';
import { PhotoField, photoIds } from './PhotoField';

export type IntakeFormProps = {
  channel: IntakeDraft['channel'];
  /** Where to go with the new (or joined) demand's id. */
  pathOf: (id: string) => string;
};

const card = { margin: '12px 12px 0', borderRadius: 12 } as const;

/** A problem sent back on a 4xx answer means nothing was created: the next tap may use a new key. */
function nothingCreated(error: unknown): boolean {
  return (
    isApiError(error) &&
    error.status >= 400 &&
    error.status < 500 &&
    error.code !== 'demands.idempotency_key_reused'
  );
}

/**
 * The intake form on a phone, for a resident (channel mobile) or a grid worker on patrol. One
 * Idempotency-Key per form: a second tap, or a retry after a lost answer, never files twice.
 */
export function IntakeForm({ channel, pathOf }: IntakeFormProps) {
  const { t, i18n } = useTranslation('demandsMobile');
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft(channel));
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(false);
  const [shown, setShown] = useState<DraftProblem[]>([]);
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [duplicatesOpen, setDuplicatesOpen] = useState(false);
  const [checking, setChecking] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  const categories = useCategories();
  const defs = categories.data?.find((category) => category.code === draft.categoryCode)?.attributes ?? [];
  const set = <K extends keyof IntakeDraft>(key: K, value: IntakeDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const done = (id: string) => {
    void queryClient.invalidateQueries({ queryKey: demandsKeys.all });
    navigate(pathOf(id), { replace: true });
  };
  const file = useMutation({
    mutationFn: () =>
      createDemand(
        { ...intakeBody(draft), photos: photoIds(photos) },
        idempotencyKey.current,
        session.csrfToken,
      ),
    onSuccess: (filed) => {
      Toast.show({ icon: 'success', content: t('intake.filed', { number: filed.number }) });
      done(filed.id);
    },
    onError: (error) => {
      if (nothingCreated(error)) idempotencyKey.current = newIdempotencyKey();
    },
  });
  const follow = useMutation({
    mutationFn: (candidate: DuplicateCandidate) => followDemand(candidate.id).then(() => candidate),
    onSuccess: (candidate) => {
      Toast.show({ icon: 'success', content: t('duplicates.followed', { number: candidate.number }) });
      done(candidate.id);
    },
  });

  const submit = async () => {
    const problems = draftProblems(draft, defs);
    setShown(problems);
    if (problems.length > 0 || file.isPending) return;
    const query = duplicateQuery(draft);
    if (query && candidates.length === 0) {
      setChecking(true);
      const nearby = await fetchDuplicates(query).catch(() => [] as DuplicateCandidate[]);
      setChecking(false);
      if (nearby.length > 0) {
        setCandidates(nearby);
        setDuplicatesOpen(true);
        return;
      }
    }
    file.mutate();
  };

  const problem = (field: DraftProblem) =>
    shown.includes(field) && draftProblems(draft, defs).includes(field) ? (
      <div role="alert" style={{ color: '#ff3141', fontSize: 13 }} data-testid={`intake-error-${field}`}>
        {t(`intake.problems.${field}`)}
      </div>
    ) : null;
  const error = file.error ?? follow.error;
  const reporter = hasReporter(draft);

  return (
    <>
      <Card style={card}>
        <Form layout="vertical" style={{ '--border-top': '0', '--border-bottom': '0' }}>
          {channel === 'patrol' ? (
            <Form.Item label={t('patrol.origin')}>
              <Selector
                columns={2}
                value={[draft.origin]}
                onChange={(values) => values[0] && set('origin', values[0])}
                options={(['found', 'resident'] as const).map((origin) => ({
                  value: origin,
                  label: t(`patrol.origins.${origin}`),
                }))}
                data-testid="patrol-origin"
              />
            </Form.Item>
          ) : null}
          <Form.Item label={t('intake.category')} required>
            <CategoryField
              value={draft.categoryCode}
              onChange={(code) => {
                setDraft((current) => ({ ...current, categoryCode: code, attributes: {} }));
                setCandidates([]);
              }}
            />
            {problem('category')}
          </Form.Item>
          <AttributeFields
            defs={defs}
            answers={draft.attributes}
            onChange={(code, value) => set('attributes', { ...draft.attributes, [code]: value })}
            missing={shown.includes('attributes') ? missingAttributes(defs, draft.attributes) : []}
          />
          <Form.Item label={t('intake.description')} required>
            <TextArea
              value={draft.description}
              onChange={(value) => set('description', value)}
              placeholder={t(
                channel === 'patrol' ? 'patrol.descriptionPlaceholder' : 'intake.descriptionPlaceholder',
              )}
              maxLength={DESCRIPTION_MAX}
              showCount
              autoSize={{ minRows: 3, maxRows: 8 }}
              data-testid="intake-description"
            />
            {problem('description')}
          </Form.Item>
          <Form.Item label={t('intake.photos')}>
            <PhotoField value={photos} onChange={setPhotos} onBusyChange={setUploading} />
          </Form.Item>
          <Form.Item label={t('intake.place')} required>
            <LocationField
              point={draft.location}
              address={draft.address}
              onPointChange={(point) => {
                set('location', point);
                setCandidates([]);
              }}
              onAddressChange={(address) => set('address', address)}
            />
            {problem('place')}
          </Form.Item>
        </Form>
      </Card>
      {reporter ? (
        <Card style={card} title={t('intake.contact')}>
          <Form layout="horizontal" style={{ '--border-top': '0', '--border-bottom': '0' }}>
            {channel === 'patrol' ? (
              <Form.Item label={t('patrol.reporterName')}>
                <Input
                  value={draft.reporterName}
                  onChange={(value) => set('reporterName', value)}
                  maxLength={50}
                  clearable
                  placeholder={t('patrol.reporterNamePlaceholder')}
                  data-testid="patrol-reporter-name"
                />
                {problem('reporterName')}
              </Form.Item>
            ) : null}
            <Form.Item label={t('intake.phone')}>
              <Input
                type="tel"
                value={draft.reporterPhone}
                onChange={(value) => set('reporterPhone', value)}
                maxLength={32}
                clearable
                placeholder={t('intake.phonePlaceholder')}
                data-testid="intake-phone"
              />
              {problem('phone')}
            </Form.Item>
            <Form.Item
              label={t('intake.anonymous')}
              description={t('intake.anonymousHint')}
              extra={
                <Switch
                  checked={draft.anonymous}
                  onChange={(value) => set('anonymous', value)}
                  data-testid="intake-anonymous"
                />
              }
            />
            <Form.Item
              label={t('intake.callback')}
              description={
                draft.callbackConsent && !draft.reporterPhone.trim()
                  ? t('intake.callbackNeedsPhone')
                  : t('intake.callbackHint')
              }
              extra={
                <Switch
                  checked={draft.callbackConsent}
                  onChange={(value) => set('callbackConsent', value)}
                  data-testid="intake-callback"
                />
              }
            />
          </Form>
        </Card>
      ) : null}
      <div style={{ margin: '16px 12px 0' }}>
        {error ? (
          <div role="alert" style={{ color: '#ff3141', marginBottom: 8 }} data-testid="intake-error">
            {apiErrorMessage(error, i18n)}
          </div>
        ) : null}
        <Button
          block
          color="primary"
          size="large"
          loading={file.isPending || checking}
          disabled={uploading || follow.isPending}
          onClick={() => void submit()}
          data-testid="intake-submit"
        >
          {uploading ? t('intake.waitPhotos') : t(channel === 'patrol' ? 'patrol.submit' : 'intake.submit')}
        </Button>
      </div>
      <DuplicatesPopup
        candidates={candidates}
        visible={duplicatesOpen}
        busy={follow.isPending}
        onSame={(candidate) => follow.mutate(candidate)}
        onDifferent={() => {
          // Reviewed: a later tap files at once.
          setDuplicatesOpen(false);
          file.mutate();
        }}
        onClose={() => {
          setDuplicatesOpen(false);
          setCandidates([]);
        }}
      />
    </>
  );
}
