import { Alert, App as AntApp, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { apiErrorMessage, formFieldErrors } from '../../../i18n/apiErrorMessage';
import { useLanguage } from '../../../i18n/useLanguage';
import type { Resident } from '../api';
import { useCreateResident, useUpdateResident } from '../hooks/usePeople';
import { GENDER_OPTIONS, RELATION_OPTIONS, RESIDENCE_OPTIONS } from '../labels';
import { AreaPicker } from './AreaPicker';

export type ResidentFormProps = {
  open: boolean;
  onClose: () => void;
  /** Editing this resident; without it a new one is registered. */
  resident?: Resident | undefined;
  /** The household a new member joins (household page); else picked in the form. */
  householdCode?: string | undefined;
  householdName?: string | undefined;
  onSaved?: (resident: Resident) => void;
};

type Values = {
  householdCode?: string;
  name: string;
  idNumber?: string;
  phone?: string;
  gender?: string;
  birthDate?: string;
  ethnicity?: string;
  relationToHead?: string;
  residenceType?: string;
  note?: string;
};

const FIELDS = [
  'householdCode',
  'name',
  'idNumber',
  'phone',
  'gender',
  'birthDate',
  'ethnicity',
  'relationToHead',
  'residenceType',
  'note',
] as const;

const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/**
 * Registers or corrects a resident. The server checks everything (GB 11643 ID numbers, mobile
 * prefixes, contradictions) and names each problem by field; those land on the fields here. When
 * editing, the numbers are never shown: an empty box keeps the number on file.
 */
export function ResidentForm({
  open,
  onClose,
  resident,
  householdCode,
  householdName,
  onSaved,
}: ResidentFormProps) {
  const { t, i18n } = useTranslation('people');
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateResident();
  const update = useUpdateResident(resident?.id ?? '');
  const save = resident ? update : create;
  // A household given by the page has no visible field: its errors go above the form instead.
  const fields = resident || householdCode ? FIELDS.filter((f) => f !== 'householdCode') : FIELDS;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    create.reset();
    update.reset();
    if (resident)
      form.setFieldsValue({
        name: resident.name,
        gender: resident.gender,
        birthDate: resident.birthDate ?? undefined,
        ethnicity: resident.ethnicity ?? undefined,
        relationToHead: resident.relationToHead,
        residenceType: resident.residenceType,
        note: resident.note ?? undefined,
      });
    else form.setFieldsValue({ householdCode, residenceType: 'registered' });
  }, [open, resident, householdCode, form, create.reset, update.reset]);

  const onFinish = async (values: Values) => {
    try {
      const saved = resident
        ? await update.mutateAsync({
            name: values.name,
            // Gender and birth date follow from an ID number; sending them only when one is absent.
            ...(resident.idNumberMasked && !values.idNumber ? {} : { gender: blankToNull(values.gender) }),
            ...(resident.idNumberMasked && !values.idNumber
              ? {}
              : { birthDate: blankToNull(values.birthDate) }),
            ...(values.idNumber?.trim() ? { idNumber: values.idNumber } : {}),
            ...(values.phone?.trim() ? { phone: values.phone } : {}),
            ethnicity: blankToNull(values.ethnicity),
            relationToHead: values.relationToHead ?? '',
            residenceType: values.residenceType ?? '',
            note: blankToNull(values.note),
          })
        : await create.mutateAsync({
            householdCode: values.householdCode ?? '',
            name: values.name,
            idNumber: blankToNull(values.idNumber),
            phone: blankToNull(values.phone),
            gender: blankToNull(values.gender),
            birthDate: blankToNull(values.birthDate),
            ethnicity: blankToNull(values.ethnicity),
            relationToHead: values.relationToHead ?? '',
            residenceType: values.residenceType ?? '',
            note: blankToNull(values.note),
          });
      void message.success(resident ? t('form.updated') : t('form.created', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      form.setFields(formFieldErrors(error, language, fields).fields);
    }
  };

  const error = save.error;
  const other = formFieldErrors(error, language, fields).other;
  const onFields = isApiError(error) && error.errors.length > 0 && other.length === 0;

  return (
    <Modal
      open={open}
      title={resident ? t('form.editTitle') : t('form.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('form.submit')}
      cancelText={t('form.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'resident-form-submit' }}
      destroyOnHidden
      width={640}
    >
      {error && !onFields ? (
        <Alert
          type="error"
          showIcon
          title={apiErrorMessage(error, i18n)}
          description={other.length > 0 ? other.map((line) => <div key={line}>{line}</div>) : undefined}
          style={{ marginBottom: 16 }}
          data-testid="resident-form-error"
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="resident-form">
        {resident ? null : householdCode ? (
          <>
            <Form.Item name="householdCode" hidden>
              <Input />
            </Form.Item>
            <Form.Item label={t('form.household')}>
              <Typography.Text data-testid="resident-form-household-fixed">
                {householdName ?? householdCode}
              </Typography.Text>
            </Form.Item>
          </>
        ) : (
          <Form.Item
            label={t('form.household')}
            name="householdCode"
            rules={[{ required: true, message: t('form.householdRequired') }]}
          >
            <AreaPicker
              householdOnly
              placeholder={t('form.householdPlaceholder')}
              testId="resident-form-household"
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('fields.name')}
          name="name"
          rules={[{ required: true, message: t('form.nameRequired') }]}
        >
          <Input maxLength={64} data-testid="resident-form-name" />
        </Form.Item>
        <Form.Item label={t('fields.idNumber')} name="idNumber" extra={t('form.idNumberHint')}>
          <Input
            maxLength={32}
            autoComplete="off"
            placeholder={
              resident?.idNumberMasked ? t('form.keepNumber', { masked: resident.idNumberMasked }) : undefined
            }
            data-testid="resident-form-id-number"
          />
        </Form.Item>
        <Form.Item label={t('fields.phone')} name="phone">
          <Input
            maxLength={32}
            autoComplete="off"
            placeholder={
              resident?.phoneMasked ? t('form.keepNumber', { masked: resident.phoneMasked }) : undefined
            }
            data-testid="resident-form-phone"
          />
        </Form.Item>
        <Form.Item label={t('fields.gender')} name="gender">
          <Select
            allowClear
            placeholder={t('form.genderPlaceholder')}
            options={GENDER_OPTIONS.map((v) => ({ value: v, label: t(`gender.${v}`) }))}
            data-testid="resident-form-gender"
          />
        </Form.Item>
        <Form.Item label={t('fields.birthDate')} name="birthDate">
          <Input
            placeholder={t('form.birthDatePlaceholder')}
            maxLength={10}
            data-testid="resident-form-birth-date"
          />
        </Form.Item>
        <Form.Item label={t('fields.ethnicity')} name="ethnicity">
          <Input maxLength={32} data-testid="resident-form-ethnicity" />
        </Form.Item>
        <Form.Item
          label={t('fields.relationToHead')}
          name="relationToHead"
          rules={[{ required: true, message: t('form.relationRequired') }]}
        >
          <Select
            options={RELATION_OPTIONS.map((v) => ({ value: v, label: t(`relation.${v}`) }))}
            data-testid="resident-form-relation"
          />
        </Form.Item>
        <Form.Item
          label={t('fields.residenceType')}
          name="residenceType"
          rules={[{ required: true, message: t('form.residenceRequired') }]}
        >
          <Select
            options={RESIDENCE_OPTIONS.map((v) => ({ value: v, label: t(`residenceType.${v}`) }))}
            data-testid="resident-form-residence"
          />
        </Form.Item>
        <Form.Item label={t('fields.note')} name="note">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
