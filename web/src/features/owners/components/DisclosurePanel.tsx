import { App as AntApp, Button, Card, Flex, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import type { DisclosureInput, DisclosureList } from '../api';
import { useDisclosures, usePublishDisclosure } from '../hooks/useOwners';

const KINDS = [
  'decision',
  'meeting_result',
  'financial_report',
  'fund_use',
  'work_report',
  'notice',
] as const;

export type RecurringReportsProps = { reports: DisclosureList['reports'] };

/** The recurring reports with their dates and a flag when one is overdue. */
export function RecurringReports({ reports }: RecurringReportsProps) {
  const { t } = useTranslation('owners');
  return (
    <Flex gap={12} wrap data-testid="recurring-reports">
      {reports.map((r) => (
        <Card
          key={r.kind}
          size="small"
          style={{ minWidth: 220 }}
          data-testid={`report-${r.kind}`}
          data-overdue={r.overdue}
        >
          <Typography.Text strong>{t(`disclosureKinds.${r.kind}`)}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {t('disclosures.every', { months: r.cadenceMonths })}
          </Typography.Text>
          <div>
            {r.latest ? t('disclosures.latest', { date: r.latest.publishedOn }) : t('disclosures.never')}
          </div>
          {r.dueBy ? (
            <Tag color={r.overdue ? 'red' : 'blue'}>
              {r.overdue ? t('disclosures.overdue') : t('disclosures.dueBy', { date: r.dueBy })}
            </Tag>
          ) : null}
        </Card>
      ))}
    </Flex>
  );
}

export type DisclosurePanelProps = { code: string; canWrite: boolean };

/** What the committee has published, and a form to publish more. */
export function DisclosurePanel({ code, canWrite }: DisclosurePanelProps) {
  const { t, i18n } = useTranslation('owners');
  const { message } = AntApp.useApp();
  const disclosures = useDisclosures(code);
  const publish = usePublishDisclosure();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DisclosureInput>();
  const submit = (values: DisclosureInput) =>
    publish.mutate(
      { code, body: { ...values, period: values.period?.trim() || undefined } },
      {
        onSuccess: () => {
          void message.success(t('disclosures.published'));
          setOpen(false);
          form.resetFields();
        },
        onError: (error) => void message.error(apiErrorMessage(error, i18n)),
      },
    );
  return (
    <Card
      title={t('disclosures.title')}
      loading={disclosures.isPending}
      data-testid="disclosures"
      extra={
        canWrite ? (
          <Button onClick={() => setOpen(true)} data-testid="disclosure-new">
            {t('disclosures.publish')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={16}>
        {disclosures.data ? <RecurringReports reports={disclosures.data.reports} /> : null}
        <List
          size="small"
          dataSource={disclosures.data?.items ?? []}
          locale={{ emptyText: t('disclosures.empty') }}
          renderItem={(d) => (
            <List.Item key={d.id} extra={d.publishedOn}>
              <List.Item.Meta
                title={
                  <>
                    <Tag>{t(`disclosureKinds.${d.kind}`)}</Tag>
                    {d.title}{' '}
                    {d.period ? <Typography.Text type="secondary">（{d.period}）</Typography.Text> : null}
                  </>
                }
                description={<Typography.Paragraph ellipsis={{ rows: 2 }}>{d.body}</Typography.Paragraph>}
              />
            </List.Item>
          )}
        />
      </Flex>
      <Modal
        open={open}
        title={t('disclosures.publish')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: publish.isPending }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'decision' }}>
          <Form.Item name="kind" label={t('disclosures.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`disclosureKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('disclosures.titleField')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="period" label={t('disclosures.period')}>
            <Input maxLength={20} placeholder="2026-Q1" />
          </Form.Item>
          <Form.Item name="body" label={t('disclosures.body')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={5} maxLength={10000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
