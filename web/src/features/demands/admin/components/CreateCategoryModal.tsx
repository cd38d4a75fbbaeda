import { App as AntApp, type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { useLanguage } from '../../../../i18n/useLanguage';
import type { CategoryView } from '../api';
import { serverFieldErrors } from '../formErrors';
import { useCreateCategory } from '../hooks';
import { TERMS_FIELDS, TermsFields, type TermsValues, termsBodyOf } from './TermsFields';

type Values = TermsValues & {
  code: string;
  parentCode?: string | null;
  nameZh: string;
  nameEn: string;
  eventClass?: string;
};

export type CreateCategoryModalProps = {
  /** `undefined`: closed; `null`: a new top-level category; a category: a sub-category under it. */
  parent: CategoryView | null | undefined;
  suggestedCode: string;
  topLevel: readonly CategoryView[];
  onClose: () => void;
  onCreated: (code: string) => void;
};

/** A new category or sub-category with version 1 of its terms (defaults taken from the parent). */
export function CreateCategoryModal({
  parent,
  suggestedCode,
  topLevel,
  onClose,
  onCreated,
}: CreateCategoryModalProps) {
  const { t, i18n } = useTranslation('demandsAdmin');
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCategory();
  const submit = (v: Values) =>
    create.mutate(
      {
        code: v.code.trim(),
        parentCode: v.parentCode ?? null,
        nameZh: v.nameZh,
        nameEn: v.nameEn,
        eventClass: v.eventClass?.trim() || null,
        ...termsBodyOf(v),
      },
      {
        onSuccess: (c) => {
          void message.success(t('drawer.createdSub', { name: c.name.zh }));
          onCreated(c.code);
        },
        onError: (error) => {
          const found = serverFieldErrors(error, language, [
            ...TERMS_FIELDS,
            'attributes',
            'code',
            'parentCode',
            'nameZh',
            'nameEn',
          ]);
          form.setFields(found.fields as Parameters<typeof form.setFields>[0]);
          void message.error(found.other[0] ?? apiErrorMessage(error, i18n));
        },
      },
    );
  return (
    <Modal
      open={parent !== undefined}
      title={parent ? `${t('catalogue.addSub')} · ${parent.name.zh}` : t('catalogue.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'create-category-submit' } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="create-category-form"
        initialValues={{
          code: suggestedCode,
          parentCode: parent?.code ?? null,
          eventClass: parent?.eventClass ?? undefined,
          handleLimit: parent?.handleLimit ?? 5,
          handleUnit: parent?.handleUnit ?? 'working_days',
          firstContactHours: parent?.firstContactHours ?? 24,
          defaultParty: parent?.defaultParty ?? 'community',
          departmentName: parent?.departmentName ?? null,
          attributes: [],
        }}
      >
        <Form.Item name="parentCode" label={t('form.parent')}>
          <Select
            allowClear
            disabled={Boolean(parent)}
            options={topLevel.map((c) => ({ value: c.code, label: `${c.name.zh}（${c.code}）` }))}
          />
        </Form.Item>
        <Form.Item name="code" label={t('form.code')} extra={t('form.codeHelp')} rules={[{ required: true }]}>
          <Input maxLength={64} data-testid="create-category-code" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('form.nameZh')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} data-testid="create-category-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('form.nameEn')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} data-testid="create-category-name-en" />
        </Form.Item>
        <Form.Item name="eventClass" label={t('form.eventClass')}>
          <Input maxLength={50} />
        </Form.Item>
        <TermsFields />
      </Form>
    </Modal>
  );
}
