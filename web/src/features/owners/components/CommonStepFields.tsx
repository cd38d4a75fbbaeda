import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export type CommonStepFieldsProps = Record<string, never>;

/** What every step records: its date, who approved it and the documents it rests on. */
export function CommonStepFields(_props: CommonStepFieldsProps) {
  const { t } = useTranslation('owners');
  const required = [{ required: true, whitespace: true, message: t('step.required') }];
  return (
    <>
      <Form.Item name="on" label={t('step.on')} extra={t('step.onHint')}>
        <DatePicker data-testid="step-on" />
      </Form.Item>
      <Form.Item name="approver" label={t('step.approver')} rules={required}>
        <Input placeholder={t('step.approverHint')} data-testid="step-approver" maxLength={100} />
      </Form.Item>
      <Form.Item label={t('step.documents')} required>
        <Form.List name="documents" initialValue={[{ title: '' }]}>
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'title']} rules={required} style={{ flex: 2, margin: 0 }}>
                    <Input placeholder={t('step.documentTitle')} data-testid={`step-doc-title-${i}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'reference']} style={{ flex: 1, margin: 0 }}>
                    <Input placeholder={t('step.documentRef')} data-testid={`step-doc-ref-${i}`} />
                  </Form.Item>
                  {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(field.name)} /> : null}
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })}>
                {t('step.addDocument')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="note" label={t('step.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}
