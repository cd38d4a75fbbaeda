import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Tag,
} from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import type { Formation, StepBody } from '../api';
import { useOwnerList, useRecordStep } from '../hooks/useOwners';
import {
  type CommonValues,
  commonPayload,
  type GroupValues,
  groupPayload,
  type PickedDate,
  type ReviewValues,
  reviewPayload,
} from '../stepPayload';
import { CommonStepFields } from './CommonStepFields';

const AFFILIATIONS = ['developer', 'property_service', 'street', 'community', 'other'] as const;

type Values = CommonValues &
  Partial<GroupValues> &
  Partial<ReviewValues> & {
    candidates?: string[];
    voteId?: string;
    elected?: string[];
    authority?: string;
    chairId?: string;
    viceChairIds?: string[];
    termStart?: PickedDate;
    termEnd?: PickedDate;
  };

export type StepFormProps = { formation: Formation | null; onClose: () => void };

/** The form of the step a formation awaits, in a drawer; every step records its date, approver and papers. */
export function StepForm({ formation, onClose }: StepFormProps) {
  const { t, i18n } = useTranslation('owners');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordStep();
  const owners = useOwnerList(formation?.compoundCode);
  const { hasNextPage, fetchNextPage, isFetchingNextPage } = owners;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const list = useMemo(() => owners.data?.pages.flatMap((p) => p.items) ?? [], [owners.data]);
  const ownerNames = useMemo(() => new Map(list.map((o) => [o.id, o.name])), [list]);
  const personOptions = list.filter((o) => o.kind === 'person').map((o) => ({ value: o.id, label: o.name }));
  const step = formation?.currentStep;
  const candidates = formation?.people.filter((p) => p.role === 'candidate') ?? [];
  const approved = candidates.filter((c) => c.reviewStatus === 'approved');
  const elected = candidates.filter((c) => c.elected);
  const required = [{ required: true, message: t('step.required') }];

  const submit = (values: Values) => {
    if (!formation || !step) return;
    const common = commonPayload(values);
    const day = (d: PickedDate) => (d ? d.format('YYYY-MM-DD') : undefined);
    let body: StepBody;
    if (step === 'preparatory_group') body = groupPayload(values as GroupValues, ownerNames);
    else if (step === 'joint_review') body = reviewPayload(values as ReviewValues);
    else if (step === 'nomination')
      body = { step, ...common, candidates: (values.candidates ?? []).map((ownerId) => ({ ownerId })) };
    else if (step === 'vote')
      body = { step, ...common, voteId: values.voteId!.trim(), elected: values.elected };
    else {
      const termStart = day(values.termStart);
      body = {
        step: 'filing',
        ...common,
        authority: values.authority!.trim(),
        chairId: values.chairId!,
        viceChairIds: values.viceChairIds ?? [],
        termEnd: day(values.termEnd)!,
        ...(termStart ? { termStart } : {}),
      };
    }
    record.mutate(
      { id: formation.id, body },
      {
        onSuccess: () => {
          void message.success(t('step.saved'));
          form.resetFields();
          onClose();
        },
        onError: (error) => void message.error(apiErrorMessage(error, i18n)),
      },
    );
  };

  return (
    <Drawer
      open={Boolean(formation)}
      onClose={onClose}
      size="large"
      title={step ? t('step.title', { step: t(`steps.${step}`) }) : ''}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={record.isPending}
          onClick={() => form.submit()}
          data-testid="step-submit"
        >
          {t('step.submit')}
        </Button>
      }
    >
      {formation ? (
        <Form form={form} layout="vertical" onFinish={submit} data-testid="step-form" data-step={step}>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={formation.compoundName} />
          {step === 'preparatory_group' ? (
            <>
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('step.groupRule')} />
              <Form.Item name="ownerIds" label={t('step.ownersInGroup')}>
                <Select
                  mode="multiple"
                  options={personOptions}
                  optionFilterProp="label"
                  data-testid="group-owners"
                />
              </Form.Item>
              <Form.Item label={t('step.others')}>
                <Form.List name="others" initialValue={[{ affiliation: 'street' }]}>
                  {(fields, { add, remove }) => (
                    <Flex vertical gap={8}>
                      {fields.map((field, i) => (
                        <Flex key={field.key} gap={8}>
                          <Form.Item name={[field.name, 'name']} style={{ flex: 1, margin: 0 }}>
                            <Input placeholder={t('step.memberName')} data-testid={`group-other-name-${i}`} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'affiliation']} style={{ width: 160, margin: 0 }}>
                            <Select
                              options={AFFILIATIONS.map((a) => ({
                                value: a,
                                label: t(`step.affiliations.${a}`),
                              }))}
                            />
                          </Form.Item>
                          <MinusCircleOutlined onClick={() => remove(field.name)} />
                        </Flex>
                      ))}
                      <Button
                        type="dashed"
                        icon={<PlusOutlined />}
                        onClick={() => add({ affiliation: 'street' })}
                        data-testid="group-add-other"
                      >
                        {t('step.addMember')}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Form.Item>
            </>
          ) : null}
          {step === 'nomination' ? (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('step.candidatesRule')} />
              <Form.Item name="candidates" label={t('step.candidates')} rules={required}>
                <Select
                  mode="multiple"
                  options={personOptions}
                  optionFilterProp="label"
                  data-testid="candidates-select"
                />
              </Form.Item>
            </>
          ) : null}
          {step === 'joint_review' ? (
            <>
              <Form.Item
                name="reviewers"
                label={t('step.reviewers')}
                extra={t('step.reviewersHint')}
                rules={required}
              >
                <Select mode="tags" open={false} data-testid="review-reviewers" />
              </Form.Item>
              {candidates.map((c) => (
                <Flex
                  key={c.id}
                  gap={8}
                  align="center"
                  style={{ marginBottom: 8 }}
                  data-testid={`review-${c.id}`}
                >
                  <span style={{ width: 96 }}>
                    {c.name} {c.partyMember ? <Tag color="red">{t('committee.partyMember')}</Tag> : null}
                  </span>
                  <Form.Item
                    name={['decisions', c.id, 'decision']}
                    initialValue="approved"
                    style={{ margin: 0 }}
                  >
                    <Radio.Group
                      options={[
                        { value: 'approved', label: t('step.approve') },
                        { value: 'rejected', label: t('step.reject') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={['decisions', c.id, 'note']} style={{ flex: 1, margin: 0 }}>
                    <Input placeholder={t('step.reviewNote')} />
                  </Form.Item>
                </Flex>
              ))}
            </>
          ) : null}
          {step === 'vote' ? (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('step.voteRule')} />
              <Form.Item name="voteId" label={t('step.voteId')} rules={required}>
                <Input data-testid="vote-id" />
              </Form.Item>
              <Form.Item
                name="elected"
                label={t('step.elected')}
                initialValue={approved.map((c) => c.id)}
                rules={required}
              >
                <Checkbox.Group
                  options={approved.map((c) => ({ value: c.id, label: c.name }))}
                  data-testid="vote-elected"
                />
              </Form.Item>
            </>
          ) : null}
          {step === 'filing' ? (
            <>
              <Form.Item name="authority" label={t('step.authority')} rules={required}>
                <Input data-testid="filing-authority" />
              </Form.Item>
              <Form.Item name="chairId" label={t('step.chair')} rules={required}>
                <Select
                  options={elected.map((c) => ({ value: c.id, label: c.name }))}
                  data-testid="filing-chair"
                />
              </Form.Item>
              <Form.Item name="viceChairIds" label={t('step.viceChairs')} rules={required}>
                <Select
                  mode="multiple"
                  optionFilterProp="label"
                  options={elected.map((c) => ({ value: c.id, label: c.name }))}
                  data-testid="filing-vice"
                />
              </Form.Item>
              <Flex gap={16}>
                <Form.Item name="termStart" label={t('step.termStart')}>
                  <DatePicker data-testid="filing-term-start" />
                </Form.Item>
                <Form.Item
                  name="termEnd"
                  label={t('step.termEnd')}
                  rules={required}
                  extra={t('step.termRule')}
                >
                  <DatePicker data-testid="filing-term-end" />
                </Form.Item>
              </Flex>
            </>
          ) : null}
          <CommonStepFields />
        </Form>
      ) : null}
    </Drawer>
  );
}
