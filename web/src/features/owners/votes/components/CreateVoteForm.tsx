import { App as AntApp, Button, type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { MATTER_ITEMS, votePaths } from '../api';
import { useCreateVote } from '../hooks/useVotes';
import { CompoundPicker } from './CompoundPicker';

type Values = { compoundCode: string; item: number; title: string; description?: string; closesAt?: string };

export type CreateVoteFormProps = { compoundCode?: string };

/** 新建表决: a compound, the matter in the words of art. 278(1), a title and an optional closing time. */
export function CreateVoteForm({ compoundCode }: CreateVoteFormProps) {
  const { t, i18n } = useTranslation('ownersVotes');
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const create = useCreateVote();

  const submit = (values: Values) =>
    create.mutate(
      {
        compoundCode: values.compoundCode,
        item: values.item,
        title: values.title,
        description: values.description || null,
        closesAt: values.closesAt ? new Date(values.closesAt).toISOString() : null,
      },
      {
        onSuccess: (vote) => {
          void message.success(t('setup.created'));
          setOpen(false);
          form.resetFields();
          void navigate(votePaths.live(vote.id));
        },
        onError: (error) => void message.error(apiErrorMessage(error, i18n)),
      },
    );

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="vote-create">
        {t('setup.create')}
      </Button>
      <Modal
        open={open}
        title={t('setup.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('setup.submit')}
        okButtonProps={{ loading: create.isPending, 'data-testid': 'vote-create-submit' } as ButtonProps}
        width={640}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ compoundCode }}>
          <Form.Item name="compoundCode" label={t('setup.compound')} rules={[{ required: true }]}>
            <CompoundPicker placeholder={t('setup.compoundPlaceholder')} testId="vote-compound" />
          </Form.Item>
          <Form.Item
            name="item"
            label={t('setup.item')}
            rules={[{ required: true, message: t('setup.itemRequired') }]}
          >
            <Select
              data-testid="vote-item"
              options={MATTER_ITEMS.map((item) => ({ value: item, label: t(`items.${item}`) }))}
              optionRender={(option) => <span style={{ whiteSpace: 'normal' }}>{option.label}</span>}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.item !== b.item}>
            {({ getFieldValue }) => {
              const item = getFieldValue('item') as number | undefined;
              if (!item) return null;
              const threshold = item >= 6 && item <= 8 ? 'at_least_three_quarters' : 'more_than_half';
              return (
                <p style={{ marginTop: -12, color: '#888' }} data-testid="vote-threshold-hint">
                  {t(`thresholds.${threshold}`)}
                </p>
              );
            }}
          </Form.Item>
          <Form.Item
            name="title"
            label={t('setup.voteTitle')}
            rules={[{ required: true, message: t('setup.titleRequired') }]}
          >
            <Input maxLength={200} data-testid="vote-title" />
          </Form.Item>
          <Form.Item name="description" label={t('setup.description')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="closesAt" label={t('setup.closesAt')}>
            <Input type="datetime-local" data-testid="vote-closes-at" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
