import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../../iam/hooks/useSession';
import type { DemandDetail, RevealedReporter } from '../../api';
import { demandErrorLine } from '../errors';
import { useRevealReporter } from '../hooks';

export type ReporterCardProps = { demand: DemandDetail };

/** The reporter, masked; the full number only for a stated reason, which the server audits. */
export function ReporterCard({ demand }: ReporterCardProps) {
  const { t, i18n } = useTranslation('demands');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<RevealedReporter | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealReporter(demand.id);
  const reporter = demand.reporter;
  const handles = useHasPermission('demands.handle');
  // An anonymous reporter's phone is never revealed; the server decides the rest (and audits it).
  const mayAsk = handles && reporter?.masked === true && !reporter.anonymous && reporter.phone !== null;

  return (
    <Card size="small" title={t('detail.reporter')} data-testid="demand-reporter">
      {!reporter ? (
        <Typography.Text type="secondary">{t('detail.noReporter')}</Typography.Text>
      ) : (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('detail.reporterName')}>
              <span data-testid="reporter-name">{shown?.name ?? reporter.name ?? '—'}</span>
              {reporter.anonymous ? (
                <Tag style={{ marginInlineStart: 8 }}>{t('detail.anonymous')}</Tag>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.reporterPhone')}>
              <span data-testid="reporter-phone">{shown?.phone ?? reporter.phone ?? '—'}</span>
            </Descriptions.Item>
          </Descriptions>
          <Tag color={demand.callbackValid ? 'green' : 'default'}>
            {demand.callbackValid ? t('detail.callbackValid') : t('detail.callbackInvalid')}
          </Tag>
          {shown ? (
            <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('detail.revealed')} />
          ) : mayAsk ? (
            <Button
              size="small"
              style={{ marginTop: 8 }}
              onClick={() => setOpen(true)}
              data-testid="reporter-reveal"
            >
              {t('detail.reveal')}
            </Button>
          ) : null}
        </>
      )}
      <Modal
        open={open}
        title={t('detail.revealTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('actions.submit')}
        cancelText={t('actions.cancel')}
        confirmLoading={reveal.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={({ reason }) =>
            reveal.mutate(reason.trim(), {
              onSuccess: (answer) => {
                setShown(answer);
                setOpen(false);
              },
              onError: (error) => message.error(demandErrorLine(error, i18n)),
            })
          }
        >
          <Form.Item
            name="reason"
            label={t('detail.revealReason')}
            extra={t('detail.revealReasonHint')}
            rules={[{ required: true, whitespace: true, message: t('dialog.required') }]}
          >
            <Input.TextArea rows={2} maxLength={200} data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
