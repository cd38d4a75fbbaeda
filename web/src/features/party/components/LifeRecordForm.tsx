import { App as AntApp, Button, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useCreateLifeRecord } from '../hooks/useParty';

const LIFE_KINDS = [
  'branch_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'theme_party_day',
  'org_life_meeting',
  'democratic_review',
] as const;

/** What antd's DatePicker hands back (a dayjs value); only its formatting is used here. */
type PickedDate = { format: (template: string) => string };

type LifeRecordValues = {
  kind: (typeof LIFE_KINDS)[number];
  heldOn: PickedDate;
  topic: string;
  attendees: number;
  note?: string;
};

export type LifeRecordFormProps = { orgId: string };

/** A button that opens the form to record a meeting held (三会一课, 主题党日 …). */
export function LifeRecordForm({ orgId }: LifeRecordFormProps) {
  const { t, i18n } = useTranslation('party');
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<LifeRecordValues>();
  const save = useCreateLifeRecord();
  const required = [{ required: true, message: t('life.required') }];

  const submit = (values: LifeRecordValues) =>
    save.mutate(
      {
        orgId,
        record: {
          kind: values.kind,
          heldOn: values.heldOn.format('YYYY-MM-DD'),
          topic: values.topic,
          attendees: values.attendees,
          note: values.note || null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('life.saved'));
          form.resetFields();
          setOpen(false);
        },
        onError: (error) => void message.error(apiErrorMessage(error, i18n)),
      },
    );

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="party-life-add">
        {t('life.add')}
      </Button>
      <Modal
        open={open}
        title={t('life.add')}
        okText={t('life.save')}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'theme_party_day' }}>
          <Form.Item name="kind" label={t('life.kind')} rules={required}>
            <Select options={LIFE_KINDS.map((k) => ({ value: k, label: t(`lifeKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('life.heldOn')} rules={required}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="topic" label={t('life.topic')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="attendees" label={t('life.attendees')} rules={required}>
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('life.note')}>
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
