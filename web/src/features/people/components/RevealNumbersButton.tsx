import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import type { RevealedNumbers } from '../api';
import { useRevealNumbers } from '../hooks/usePeople';

export type RevealNumbersButtonProps = {
  residentId: string;
  onRevealed: (numbers: RevealedNumbers) => void;
};

/**
 * "显示完整号码": asks why, then reads the full numbers once. The server writes who, whom and why to
 * the audit log before answering (PIPL art. 51); the page holds the numbers until it is closed.
 * Rendered only for holders of people.unmask; the server refuses everyone else anyway.
 */
export function RevealNumbersButton({ residentId, onRevealed }: RevealNumbersButtonProps) {
  const { t, i18n } = useTranslation('people');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealNumbers(residentId);

  const close = () => {
    setOpen(false);
    form.resetFields();
    reveal.reset();
  };

  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="resident-reveal">
        {t('reveal.button')}
      </Button>
      <Modal
        open={open}
        title={t('reveal.title')}
        onCancel={close}
        onOk={() => form.submit()}
        okText={t('reveal.submit')}
        cancelText={t('reveal.cancel')}
        confirmLoading={reveal.isPending}
        okButtonProps={{ 'data-testid': 'reveal-submit' }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('reveal.hint')}</Typography.Paragraph>
        {reveal.error ? (
          <Alert
            type="error"
            showIcon
            title={apiErrorMessage(reveal.error, i18n)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={async ({ reason }) => {
            try {
              onRevealed(await reveal.mutateAsync(reason.trim()));
              close();
            } catch {
              // Shown above the reason box from reveal.error.
            }
          }}
        >
          <Form.Item
            name="reason"
            label={t('reveal.reason')}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  if ((value ?? '').trim().length < 2) throw new Error(t('reveal.reasonRequired'));
                },
              },
            ]}
          >
            <Input.TextArea
              rows={2}
              maxLength={200}
              placeholder={t('reveal.reasonPlaceholder')}
              data-testid="reveal-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
