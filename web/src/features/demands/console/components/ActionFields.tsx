import { useQuery } from '@tanstack/react-query';
import { Form, InputNumber, Radio, Select, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../i18n/format';
import { useDebouncedValue } from '../../../areas/hooks/useDebouncedValue';
import { type DemandDetail, demandsKeys, fetchDemands, type LimitUnit, type Rating } from '../../api';
import { type ActionField, responsibleChoices } from '../actions';
import { useHandlingUnits, useResponsibleOptions } from '../hooks';
import { PhotoUploader } from './PhotoUploader';

const LIMIT_UNITS: LimitUnit[] = ['working_hours', 'working_days', 'calendar_days'];
const RATINGS: Rating[] = ['satisfied', 'basic', 'unsatisfied'];
const required = (message: string) => [{ required: true, message }];

export type ActionFieldsProps = { field: ActionField; demand: DemandDetail; open: boolean };

/** The fields of a handling dialog beyond the note (see ACTION_FORMS). */
export function ActionFields({ field, demand, open }: ActionFieldsProps) {
  switch (field) {
    case 'responsible':
      return <ResponsibleField demand={demand} open={open} />;
    case 'handler':
      return <HandlerField demand={demand} open={open} />;
    case 'merge':
      return <MergeField demand={demand} />;
    case 'extension':
      return <ExtensionFields demand={demand} />;
    case 'unit':
      return <UnitField open={open} />;
    case 'whistle':
      return <WhistleField demand={demand} />;
    case 'rating':
      return <RatingFields />;
    case 'photos':
      return <PhotosField />;
  }
}

type DemandProps = { demand: DemandDetail; open: boolean };

/** Who it goes to: the category's default party at the place first (推荐), preset. */
function ResponsibleField({ demand, open }: DemandProps) {
  const { t } = useTranslation('demands');
  const form = Form.useFormInstance();
  const options = useResponsibleOptions(demand.id, open);
  const choices = useMemo(() => responsibleChoices(options.data), [options.data]);
  useEffect(() => {
    const first = choices[0];
    if (first?.suggested && !form.getFieldValue('responsible'))
      form.setFieldValue('responsible', first.value);
  }, [choices, form]);
  return (
    <Form.Item name="responsible" label={t('dialog.responsible')} rules={required(t('dialog.required'))}>
      <Select
        loading={options.isPending}
        showSearch={{ optionFilterProp: 'search' }}
        data-testid="action-responsible"
        options={choices.map((c) => ({
          value: c.value,
          search: c.name,
          label: (
            <Space size={4} data-testid={`responsible-option-${c.value}`}>
              {c.suggested ? <Tag color="green">{t('dialog.suggested')}</Tag> : null}
              <Tag>{t(`responsibleKind.${c.kind}`)}</Tag>
              <span>{c.name}</span>
            </Space>
          ),
        }))}
      />
    </Form.Item>
  );
}

function HandlerField({ demand, open }: DemandProps) {
  const { t } = useTranslation('demands');
  const options = useResponsibleOptions(demand.id, open);
  return (
    <Form.Item name="handlerUserId" label={t('dialog.handler')}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('dialog.handlerPlaceholder')}
        loading={options.isPending}
        data-testid="action-handler"
        options={(options.data?.handlers ?? []).map((h) => ({ value: h.id, label: h.displayName }))}
      />
    </Form.Item>
  );
}

/** An open demand found by its number (or words), not this one. */
function MergeField({ demand }: { demand: DemandDetail }) {
  const { t } = useTranslation('demands');
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const found = useQuery({
    queryKey: demandsKeys.list({ q, open: 'true', limit: 20 }),
    queryFn: ({ signal }) => fetchDemands({ q, open: 'true', limit: 20 }, null, signal),
    enabled: q.length > 0,
  });
  return (
    <Form.Item name="intoId" label={t('dialog.mergeInto')} rules={required(t('dialog.required'))}>
      <Select
        showSearch={{ onSearch: setText, filterOption: false }}
        placeholder={t('dialog.mergePlaceholder')}
        loading={found.isFetching}
        data-testid="action-merge"
        options={(found.data?.items ?? [])
          .filter((d) => d.id !== demand.id)
          .map((d) => ({ value: d.id, label: `${d.number} · ${d.summary.slice(0, 30)}` }))}
      />
    </Form.Item>
  );
}

function ExtensionFields({ demand }: { demand: DemandDetail }) {
  const { t } = useTranslation('demands');
  return (
    <Space align="start">
      <Form.Item name="limit" label={t('dialog.limit')} rules={required(t('dialog.required'))}>
        <InputNumber min={1} max={365} precision={0} data-testid="action-extend-limit" />
      </Form.Item>
      <Form.Item
        name="unit"
        label={t('dialog.unit')}
        initialValue={demand.limits.handleUnit}
        rules={required(t('dialog.required'))}
      >
        <Select
          style={{ width: 140 }}
          options={LIMIT_UNITS.map((u) => ({ value: u, label: t(`limitUnit.${u}`).trim() }))}
          data-testid="action-extend-unit"
        />
      </Form.Item>
    </Space>
  );
}

/** A department or unit summoned (吹哨), by kind then name. */
function UnitField({ open }: { open: boolean }) {
  const { t } = useTranslation('demands');
  const units = useHandlingUnits(open);
  return (
    <Form.Item name="unitId" label={t('dialog.unitSelect')} rules={required(t('dialog.required'))}>
      <Select
        showSearch={{ optionFilterProp: 'search' }}
        loading={units.isPending}
        data-testid="action-unit"
        options={(units.data ?? [])
          .filter((u) => u.active)
          .map((u) => ({
            value: u.id,
            search: u.name,
            label: `${t(`unitKind.${u.kind}`)} · ${u.name}`,
          }))}
      />
    </Form.Item>
  );
}

/** The whistle being answered (报到): those of this demand still waiting. */
function WhistleField({ demand }: { demand: DemandDetail }) {
  const { t, i18n } = useTranslation('demands');
  const form = Form.useFormInstance();
  const waiting = demand.whistles.filter((w) => !w.reportedAt);
  useEffect(() => {
    if (waiting.length === 1 && !form.getFieldValue('whistleId'))
      form.setFieldValue('whistleId', waiting[0]?.id);
  }, [waiting, form]);
  return (
    <Form.Item name="whistleId" label={t('dialog.whistleSelect')} rules={required(t('dialog.required'))}>
      <Select
        data-testid="action-whistle"
        options={waiting.map((w) => ({
          value: w.id,
          label: `${w.unitName} · ${t('detail.whistleDue', { time: formatDateTime(w.reportDueAt, i18n.language) })}`,
        }))}
      />
    </Form.Item>
  );
}

/** 回访评价: 满意 / 基本满意 / 不满意, and whether the problem was solved. */
function RatingFields() {
  const { t } = useTranslation('demands');
  return (
    <>
      <Form.Item name="rating" label={t('dialog.rating')} rules={required(t('dialog.required'))}>
        <Radio.Group
          data-testid="action-rating"
          options={RATINGS.map((r) => ({
            value: r,
            label: <span data-testid={`rating-${r}`}>{t(`rating.${r}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name="resolved" label={t('dialog.resolved')} rules={required(t('dialog.required'))}>
        <Radio.Group
          data-testid="action-resolved"
          options={[
            { value: true, label: <span data-testid="resolved-yes">{t('dialog.yes')}</span> },
            { value: false, label: <span data-testid="resolved-no">{t('dialog.no')}</span> },
          ]}
        />
      </Form.Item>
    </>
  );
}

function PhotosField() {
  const { t } = useTranslation('demands');
  return (
    <Form.Item name="photos" label={t('dialog.photos')} initialValue={[]}>
      <PhotoUploader testId="action-photos" />
    </Form.Item>
  );
}
