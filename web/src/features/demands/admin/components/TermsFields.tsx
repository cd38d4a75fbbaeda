import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { RESPONSIBLE_KINDS } from '../../../../../../src/modules/demands/demands.table';
import type { CategoryAttribute, LimitUnit, ResponsibleKind } from '../api';
import { textToValues, valuesToText } from '../categoryTree';

const UNITS: LimitUnit[] = ['working_days', 'working_hours', 'calendar_days'];
const DATATYPES: CategoryAttribute['datatype'][] = [
  'string',
  'text',
  'number',
  'datetime',
  'singlevaluelist',
  'multivaluelist',
];

/** The form values of a version's terms; attribute values as text lines. */
export type TermsValues = {
  handleLimit: number;
  handleUnit: LimitUnit;
  firstContactHours: number;
  defaultParty: ResponsibleKind;
  departmentName?: string | null;
  note?: string | null;
  attributes: (Omit<CategoryAttribute, 'values'> & { valuesText?: string })[];
};

export const TERMS_FIELDS = [
  'handleLimit',
  'handleUnit',
  'firstContactHours',
  'defaultParty',
  'departmentName',
  'note',
] as const;

/** The form values of a category's current terms. */
export function termsValuesOf(c: {
  handleLimit: number;
  handleUnit: LimitUnit;
  firstContactHours: number;
  defaultParty: ResponsibleKind;
  departmentName: string | null;
  attributes: CategoryAttribute[];
}): TermsValues {
  return {
    handleLimit: c.handleLimit,
    handleUnit: c.handleUnit,
    firstContactHours: c.firstContactHours,
    defaultParty: c.defaultParty,
    departmentName: c.departmentName,
    note: null,
    attributes: c.attributes.map(({ values, ...a }) => ({ ...a, valuesText: valuesToText(values) })),
  };
}

/** The API body of the form values. */
export function termsBodyOf(v: TermsValues) {
  return {
    handleLimit: v.handleLimit,
    handleUnit: v.handleUnit,
    firstContactHours: v.firstContactHours,
    defaultParty: v.defaultParty,
    departmentName: v.defaultParty === 'department' ? (v.departmentName ?? null) : null,
    note: v.note?.trim() || null,
    attributes: (v.attributes ?? []).map(({ valuesText, ...a }, i) => ({
      ...a,
      required: Boolean(a.required),
      order: i + 1,
      values: textToValues(valuesText ?? ''),
    })),
  };
}

export type TermsFieldsProps = { withNote?: boolean };

/** Limits, routing and attributes of a version, inside a Form of TermsValues. */
export function TermsFields({ withNote = false }: TermsFieldsProps) {
  const { t } = useTranslation('demandsAdmin');
  const party = Form.useWatch<ResponsibleKind | undefined>('defaultParty');
  return (
    <>
      <Flex gap={12}>
        <Form.Item
          name="handleLimit"
          label={t('form.handleLimit')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="terms-limit" />
        </Form.Item>
        <Form.Item
          name="handleUnit"
          label={t('form.handleUnit')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <Select
            data-testid="terms-unit"
            options={UNITS.map((u) => ({ value: u, label: t(`unitNames.${u}`) }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="firstContactHours" label={t('form.firstContactHours')} rules={[{ required: true }]}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="terms-first-contact" />
      </Form.Item>
      <Form.Item name="defaultParty" label={t('form.defaultParty')} rules={[{ required: true }]}>
        <Select
          data-testid="terms-party"
          options={RESPONSIBLE_KINDS.map((k) => ({ value: k, label: t(`parties.${k}`) }))}
        />
      </Form.Item>
      {party === 'department' ? (
        <Form.Item
          name="departmentName"
          label={t('form.departmentName')}
          extra={t('form.departmentHelp')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} data-testid="terms-department" />
        </Form.Item>
      ) : null}
      <Form.List name="attributes">
        {(fields, { add, remove }) => (
          <Form.Item label={t('form.attributes')}>
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  extra={
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                      {t('form.remove')}
                    </Button>
                  }
                >
                  <Flex gap={8} wrap>
                    <Form.Item
                      name={[field.name, 'code']}
                      label={t('form.attrCode')}
                      rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,63}$/ }]}
                    >
                      <Input style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'datatype']}
                      label={t('form.attrType')}
                      rules={[{ required: true }]}
                    >
                      <Select
                        style={{ width: 140 }}
                        options={DATATYPES.map((d) => ({ value: d, label: t(`form.datatypes.${d}`) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'required']}
                      label={t('form.attrRequired')}
                      valuePropName="checked"
                    >
                      <Switch />
                    </Form.Item>
                  </Flex>
                  <Flex gap={8}>
                    <Form.Item
                      name={[field.name, 'description', 'zh']}
                      label={t('form.attrZh')}
                      rules={[{ required: true }]}
                      style={{ flex: 1 }}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'description', 'en']}
                      label={t('form.attrEn')}
                      rules={[{ required: true }]}
                      style={{ flex: 1 }}
                    >
                      <Input />
                    </Form.Item>
                  </Flex>
                  <Form.Item name={[field.name, 'valuesText']} label={t('form.attrValues')}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
                  </Form.Item>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    code: '',
                    datatype: 'string',
                    required: false,
                    description: { zh: '', en: '' },
                    order: fields.length + 1,
                  })
                }
              >
                {t('form.addAttribute')}
              </Button>
            </Flex>
          </Form.Item>
        )}
      </Form.List>
      {withNote ? (
        <Form.Item name="note" label={t('form.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="terms-note" />
        </Form.Item>
      ) : null}
    </>
  );
}
