import { App as AntApp, Button, Drawer, Form, Input, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDLING_UNIT_KINDS } from '../../../../../../src/modules/demands/demands.table';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { useLanguage } from '../../../../i18n/useLanguage';
import type { HandlingUnitKind, UnitView } from '../api';
import { serverFieldErrors } from '../formErrors';
import { useCreateUnit, usePatchUnit, useSetUnitPlaces } from '../hooks';
import { type AreaOption, AreaSelect } from './AreaSelect';

type Values = {
  kind: HandlingUnitKind;
  name: string;
  area: AreaOption | null;
  contactPhone?: string | null;
  active: boolean;
  places: AreaOption[];
};

export type UnitDrawerProps = {
  /** `undefined`: closed; `null`: a new unit. */
  unit: UnitView | null | undefined;
  onClose: () => void;
};

/** Adds or edits a handling unit and the compounds it serves (all saved together). */
export function UnitDrawer({ unit, onClose }: UnitDrawerProps) {
  const { t, i18n } = useTranslation('demandsAdmin');
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const patch = usePatchUnit();
  const places = useSetUnitPlaces();
  // A unit created in this drawer whose compounds failed: the next save edits it, never adds a second.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const id = unit?.id ?? createdId;
  const busy = create.isPending || patch.isPending || places.isPending;

  const fail = (error: unknown) => {
    const found = serverFieldErrors(
      error,
      language,
      ['kind', 'name', 'contactPhone', 'active', 'areaCode', 'areaCodes'],
      {
        areaCode: ['area'],
      },
    );
    const fields = found.fields.map((f) => (f.name[0] === 'areaCodes' ? { ...f, name: ['places'] } : f));
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    void message.error(found.other[0] ?? fields[0]?.errors[0] ?? apiErrorMessage(error, i18n));
  };

  const submit = async (v: Values) => {
    try {
      const saved = id
        ? await patch.mutateAsync({
            id,
            body: { name: v.name, contactPhone: v.contactPhone || null, active: v.active },
          })
        : await create.mutateAsync({
            kind: v.kind,
            name: v.name,
            areaCode: v.area!.code,
            contactPhone: v.contactPhone || null,
            active: v.active,
          });
      if (!id) setCreatedId(saved.id);
      await places.mutateAsync({ id: saved.id, areaCodes: (v.places ?? []).map((p) => p.code) });
      void message.success(t('common.saved'));
      setCreatedId(null);
      onClose();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Drawer
      open={unit !== undefined}
      onClose={() => {
        setCreatedId(null);
        onClose();
      }}
      size={560}
      destroyOnHidden
      title={unit ? t('unitsPage.editTitle') : t('unitsPage.createTitle')}
      data-testid="unit-drawer"
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="unit-save">
          {t('common.save')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        data-testid="unit-form"
        initialValues={{
          kind: unit?.kind ?? 'property_company',
          name: unit?.name ?? '',
          area: unit ? { code: unit.areaCode, name: unit.areaName ?? unit.areaCode } : null,
          contactPhone: unit?.contactPhone ?? '',
          active: unit?.active ?? true,
          places: unit?.places.map((p) => ({ code: p.code, name: p.name })) ?? [],
        }}
      >
        <Form.Item name="kind" label={t('unitsPage.kind')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(id)}
            options={HANDLING_UNIT_KINDS.map((k) => ({ value: k, label: t(`unitsPage.kinds.${k}`) }))}
            data-testid="unit-kind"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('unitsPage.name')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input data-testid="unit-name" />
        </Form.Item>
        <Form.Item
          name="area"
          label={t('unitsPage.area')}
          extra={t('unitsPage.areaHelp')}
          rules={[{ required: true }]}
        >
          <AreaSelect
            levels={['city', 'district', 'street', 'community']}
            placeholder={t('unitsPage.searchArea')}
            disabled={Boolean(id)}
            testId="unit-area"
          />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('unitsPage.phone')}>
          <Input maxLength={32} data-testid="unit-phone" />
        </Form.Item>
        <Form.Item name="active" label={t('common.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="places" label={t('unitsPage.places')} extra={t('unitsPage.placesHelp')}>
          <AreaSelect
            multiple
            levels={['compound']}
            placeholder={t('unitsPage.searchCompound')}
            testId="unit-places"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
