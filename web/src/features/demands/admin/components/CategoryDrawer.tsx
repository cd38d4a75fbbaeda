import {
  App as AntApp,
  Button,
  Drawer,
  Empty,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Skeleton,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { formatDateTime } from '../../../../i18n/format';
import { useLanguage } from '../../../../i18n/useLanguage';
import type { CategoryVersionView } from '../api';
import { serverFieldErrors } from '../formErrors';
import { useAddCategoryVersion, useCategory, usePatchCategory } from '../hooks';
import { limitText } from '../labels';
import { TERMS_FIELDS, TermsFields, type TermsValues, termsBodyOf, termsValuesOf } from './TermsFields';

type NamesValues = {
  nameZh: string;
  nameEn: string;
  eventClass?: string | null;
  sortOrder: number;
  active: boolean;
};

export type CategoryDrawerProps = { code: string | null; readOnly?: boolean; onClose: () => void };

/** A category: its terms (saved as a new version), its names and status, and its version history. */
export function CategoryDrawer({ code, readOnly = false, onClose }: CategoryDrawerProps) {
  const { t, i18n } = useTranslation('demandsAdmin');
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const detail = useCategory(code ?? undefined);
  const addVersion = useAddCategoryVersion();
  const patch = usePatchCategory();
  const [terms] = Form.useForm<TermsValues>();
  const [names] = Form.useForm<NamesValues>();
  const [tab, setTab] = useState('terms');
  const c = detail.data;

  useEffect(() => {
    if (code) setTab('terms');
  }, [code]);

  function fail<V>(form: FormInstance<V>, fields: readonly string[]) {
    return (error: unknown) => {
      const found = serverFieldErrors(error, language, fields);
      form.setFields(found.fields as Parameters<FormInstance<V>['setFields']>[0]);
      void message.error(found.other[0] ?? apiErrorMessage(error, i18n));
    };
  }

  const saveVersion = (values: TermsValues) =>
    addVersion.mutate(
      { code: code!, body: termsBodyOf(values) },
      {
        onSuccess: (next) => {
          void message.success(t('drawer.versionSaved', { version: next.version }));
          setTab('history');
        },
        onError: fail(terms, [...TERMS_FIELDS, 'attributes']),
      },
    );
  const saveNames = (values: NamesValues) =>
    patch.mutate(
      { code: code!, body: { ...values, eventClass: values.eventClass?.trim() || null } },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: fail(names, ['nameZh', 'nameEn', 'eventClass', 'sortOrder', 'active']),
      },
    );

  const history = (
    <Table<CategoryVersionView>
      size="small"
      rowKey="version"
      data-testid="category-history"
      dataSource={c?.versions ?? []}
      pagination={false}
      locale={{ emptyText: <Empty description={t('drawer.historyEmpty')} /> }}
      onRow={(v) => ({ 'data-testid': `category-version-${v.version}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'v',
          title: t('catalogue.columns.version'),
          render: (_, v) => <Tag>{t('catalogue.versionTag', { version: v.version })}</Tag>,
        },
        {
          key: 'limit',
          title: t('catalogue.columns.limit'),
          render: (_, v) => limitText(t, v.handleLimit, v.handleUnit),
        },
        {
          key: 'fc',
          title: t('catalogue.columns.firstContact'),
          render: (_, v) => t('catalogue.firstContactHours', { hours: v.firstContactHours }),
        },
        {
          key: 'party',
          title: t('catalogue.columns.party'),
          render: (_, v) =>
            `${t(`parties.${v.defaultParty}`)}${v.departmentName ? `（${v.departmentName}）` : ''}`,
        },
        {
          key: 'from',
          title: t('drawer.validFrom'),
          render: (_, v) => formatDateTime(v.validFrom, language),
        },
        { key: 'note', title: t('drawer.note'), render: (_, v) => v.note ?? '—' },
      ]}
    />
  );

  return (
    <Drawer
      open={code !== null}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={c ? t('drawer.title', { name: language === 'en' ? c.name.en : c.name.zh, code: c.code }) : code}
      data-testid="category-drawer"
    >
      {!c ? (
        <Skeleton active />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'terms',
              forceRender: true,
              label: t('drawer.termsTab'),
              children: (
                <Form
                  key={`${c.code}-${c.version}`}
                  form={terms}
                  disabled={readOnly}
                  layout="vertical"
                  initialValues={termsValuesOf(c)}
                  onFinish={saveVersion}
                  data-testid="category-terms-form"
                >
                  <Typography.Paragraph type="secondary">
                    {t('drawer.newVersionHint', { version: c.version + 1 })}
                  </Typography.Paragraph>
                  <TermsFields withNote />
                  <Button
                    type="primary"
                    htmlType="submit"
                    loading={addVersion.isPending}
                    data-testid="category-save-version"
                  >
                    {t('drawer.saveVersion')}
                  </Button>
                </Form>
              ),
            },
            {
              key: 'names',
              forceRender: true,
              label: t('drawer.namesTab'),
              children: (
                <Form
                  key={`${c.code}-${c.sortOrder}-${c.name.en}-${c.eventClass}-${c.name.zh}-${c.active}`}
                  form={names}
                  disabled={readOnly}
                  layout="vertical"
                  initialValues={{
                    nameZh: c.name.zh,
                    nameEn: c.name.en,
                    eventClass: c.eventClass,
                    sortOrder: c.sortOrder,
                    active: c.active,
                  }}
                  onFinish={saveNames}
                  data-testid="category-names-form"
                >
                  <Form.Item
                    name="nameZh"
                    label={t('form.nameZh')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    name="nameEn"
                    label={t('form.nameEn')}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name="eventClass" label={t('form.eventClass')}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name="sortOrder" label={t('form.sortOrder')} rules={[{ required: true }]}>
                    <InputNumber min={0} precision={0} />
                  </Form.Item>
                  <Form.Item name="active" label={t('form.active')} valuePropName="checked">
                    <Switch data-testid="category-active" />
                  </Form.Item>
                  <Button
                    type="primary"
                    htmlType="submit"
                    loading={patch.isPending}
                    data-testid="category-save-names"
                  >
                    {t('common.save')}
                  </Button>
                </Form>
              ),
            },
            { key: 'history', label: `${t('drawer.historyTab')} (${c.versions.length})`, children: history },
          ]}
        />
      )}
    </Drawer>
  );
}
