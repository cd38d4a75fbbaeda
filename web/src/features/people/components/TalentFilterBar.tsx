import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TALENT_AVAILABILITY,
  TALENT_CATEGORIES,
  TALENT_SKILLS,
  TALENT_WILLINGNESS,
} from '../../../../../src/modules/people/people.table';
import type { TalentFilters } from '../ledgerQuery';
import { AreaPicker } from './AreaPicker';

export type TalentFilterBarProps = {
  value: TalentFilters;
  onChange: (filters: TalentFilters) => void;
};

/** The talent ledger's filters: place, category, skill, willingness, availability and name. */
export function TalentFilterBar({ value, onChange }: TalentFilterBarProps) {
  const { t } = useTranslation('peopleLedger');
  const [form] = Form.useForm<TalentFilters>();
  // The URL is the source of truth: going back or opening a child place updates the form too.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(value);
  }, [form, value]);
  const select = (name: keyof TalentFilters, codes: readonly string[], labels: string, width = 140) => (
    <Form.Item name={name} label={t(`talents.filters.${name}`)}>
      <Select
        allowClear
        placeholder={t('talents.filters.any')}
        style={{ width }}
        options={codes.map((c) => ({ value: c, label: t(`${labels}.${c}`) }))}
        data-testid={`talent-filter-${name}`}
      />
    </Form.Item>
  );
  return (
    <Form<TalentFilters> form={form} layout="inline" onFinish={(v) => onChange(v)} initialValues={value}>
      <Form.Item name="areaCode" label={t('talents.filters.area')}>
        <AreaPicker placeholder={t('talents.filters.areaPlaceholder')} testId="talent-filter-area" />
      </Form.Item>
      {select('category', TALENT_CATEGORIES, 'category', 150)}
      {select('skill', TALENT_SKILLS, 'skill')}
      {select('willingness', TALENT_WILLINGNESS, 'willingness', 120)}
      {select('availability', TALENT_AVAILABILITY, 'availability', 150)}
      <Form.Item name="name" label={t('talents.filters.name')}>
        <Input
          allowClear
          placeholder={t('talents.filters.namePlaceholder')}
          data-testid="talent-filter-name"
        />
      </Form.Item>
      <Form.Item>
        <Flex gap={8}>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SearchOutlined />}
            data-testid="talent-filter-submit"
          >
            {t('talents.filters.search')}
          </Button>
          <Button onClick={() => onChange({})}>{t('talents.filters.reset')}</Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
