import { Form, Input, Selector, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../i18n/language';
import { type AttributeAnswers, type CategoryAttribute, orderedAttributes } from './attributes';

export type AttributeFieldsProps = {
  defs: readonly CategoryAttribute[];
  answers: AttributeAnswers;
  onChange: (code: string, value: string | string[]) => void;
  /** Codes to mark as still needed. */
  missing: readonly string[];
};

/** The category's own questions, each by its data type. */
export function AttributeFields({ defs, answers, onChange, missing }: AttributeFieldsProps) {
  const { t, i18n } = useTranslation('demandsMobile');
  return (
    <>
      {orderedAttributes(defs).map((def) => {
        const value = answers[def.code];
        const text = typeof value === 'string' ? value : '';
        const list = Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : [];
        const options = def.values.map((v) => ({
          value: v.key,
          label: pickLocalized(v.name, i18n.language),
        }));
        let input: React.ReactNode;
        switch (def.datatype) {
          case 'singlevaluelist':
            input = (
              <Selector
                options={options}
                value={list}
                onChange={(values) => onChange(def.code, values[0] ?? '')}
                data-testid={`intake-attribute-${def.code}`}
              />
            );
            break;
          case 'multivaluelist':
            input = (
              <Selector
                multiple
                options={options}
                value={list}
                onChange={(values) => onChange(def.code, values)}
                data-testid={`intake-attribute-${def.code}`}
              />
            );
            break;
          case 'text':
            input = (
              <TextArea
                value={text}
                onChange={(v) => onChange(def.code, v)}
                maxLength={500}
                autoSize={{ minRows: 2, maxRows: 5 }}
                data-testid={`intake-attribute-${def.code}`}
              />
            );
            break;
          default:
            input = (
              <Input
                type={
                  def.datatype === 'number'
                    ? 'number'
                    : def.datatype === 'datetime'
                      ? 'datetime-local'
                      : 'text'
                }
                value={text}
                onChange={(v) => onChange(def.code, v)}
                maxLength={500}
                clearable
                data-testid={`intake-attribute-${def.code}`}
              />
            );
        }
        return (
          <Form.Item
            key={def.code}
            label={pickLocalized(def.description, i18n.language)}
            required={def.required}
          >
            {input}
            {missing.includes(def.code) ? (
              <div role="alert" style={{ color: '#ff3141', fontSize: 13 }}>
                {t('intake.problems.attribute')}
              </div>
            ) : null}
          </Form.Item>
        );
      })}
    </>
  );
}
