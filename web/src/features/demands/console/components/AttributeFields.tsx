import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../../i18n/language';
import type { CategoryView } from '../../api';

export type AttributeFieldsProps = { attributes: CategoryView['attributes'] };
type Attribute = CategoryView['attributes'][number];
type Option = { value: string; label: string };

function controlOf(attribute: Attribute, options: Option[]): ReactNode {
  switch (attribute.datatype) {
    case 'number':
      return <InputNumber style={{ width: 200 }} />;
    case 'datetime':
      return <DatePicker showTime />;
    case 'text':
      return <Input.TextArea rows={2} maxLength={500} />;
    case 'singlevaluelist':
      return <Select options={options} allowClear style={{ maxWidth: 320 }} />;
    case 'multivaluelist':
      return <Select mode="multiple" options={options} allowClear style={{ maxWidth: 420 }} />;
    default:
      return <Input maxLength={500} style={{ maxWidth: 420 }} />;
  }
}

/** A date-time answer is kept as ISO text; the picker works on dayjs values. */
const datetimeProps = {
  getValueProps: (v?: string) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (v?: dayjs.Dayjs | null) => v?.toISOString() ?? undefined,
};

/** The questions a category asks on intake (its Open311 attributes), in their order. */
export function AttributeFields({ attributes }: AttributeFieldsProps) {
  const { t, i18n } = useTranslation('demands');
  const sorted = [...attributes].sort((a, b) => a.order - b.order);
  return (
    <>
      {sorted.map((attribute) => (
        <Form.Item
          key={attribute.code}
          name={['attributes', attribute.code]}
          label={pickLocalized(attribute.description, i18n.language)}
          rules={attribute.required ? [{ required: true, message: t('dialog.required') }] : []}
          {...(attribute.datatype === 'datetime' ? datetimeProps : {})}
        >
          {controlOf(
            attribute,
            attribute.values.map((v) => ({ value: v.key, label: pickLocalized(v.name, i18n.language) })),
          )}
        </Form.Item>
      ))}
    </>
  );
}
