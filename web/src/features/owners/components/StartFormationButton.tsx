import { App as AntApp, Button, type ButtonProps, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useStartFormation } from '../hooks/useOwners';
import { type CommonValues, commonPayload } from '../stepPayload';
import { CommonStepFields } from './CommonStepFields';

export type StartFormationButtonProps = {
  code: string;
  reelection: boolean;
  onStarted?: (id: string) => void;
};

/** Starts a formation (first-meeting trigger, art. 20) or a re-election (art. 33) with its papers. */
export function StartFormationButton({ code, reelection, onStarted }: StartFormationButtonProps) {
  const { t, i18n } = useTranslation('owners');
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CommonValues>();
  const start = useStartFormation();
  const kind = reelection ? 'reelection' : 'first';
  const submit = (values: CommonValues) =>
    start.mutate(
      { code, body: commonPayload(values) },
      {
        onSuccess: (f) => {
          void message.success(t('step.saved'));
          setOpen(false);
          form.resetFields();
          onStarted?.(f.id);
        },
        onError: (error) => void message.error(apiErrorMessage(error, i18n)),
      },
    );
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="start-formation">
        {reelection ? t('committee.startReelection') : t('committee.startFormation')}
      </Button>
      <Modal
        open={open}
        title={t('step.startTitle', { kind: t(`kinds.${kind}`) })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('step.submit')}
        okButtonProps={{ loading: start.isPending, 'data-testid': 'start-formation-submit' } as ButtonProps}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} data-testid="start-formation-form">
          <CommonStepFields />
        </Form>
      </Modal>
    </>
  );
}
