import { Alert, App, type ButtonProps, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemandAction, DemandDetail } from '../../api';
import { ACTION_FORMS, type ActionFormValues, buildActionBody } from '../actions';
import { type DemandProblem, describeDemandError, formErrors } from '../errors';
import { useDemandAction } from '../hooks';
import { ActionFields } from './ActionFields';

/** Server body fields → this dialog's form fields. */
const FORM_FIELD: Record<string, string> = { extension: 'limit' };
const FORM_FIELDS = [
  'note',
  'responsible',
  'handlerUserId',
  'intoId',
  'limit',
  'unitId',
  'whistleId',
  'rating',
  'resolved',
  'photos',
];

export type ActionDialogProps = {
  demand: DemandDetail;
  /** The step being taken; `null` closes the dialog. */
  action: DemandAction | null;
  onClose: () => void;
};

/** One handling step: its fields, the note (required where the step needs a reason), submit, refetch. */
export function ActionDialog({ demand, action, onClose }: ActionDialogProps) {
  const { t, i18n } = useTranslation('demands');
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionFormValues>();
  const [problem, setProblem] = useState<DemandProblem | null>(null);
  const take = useDemandAction(demand.id);
  const spec = action ? ACTION_FORMS[action] : null;

  const close = () => {
    setProblem(null);
    take.reset();
    onClose();
  };

  const submit = (values: ActionFormValues) => {
    if (!action) return;
    setProblem(null);
    take.mutate(buildActionBody(action, values), {
      onSuccess: () => {
        message.success(t('actions.done', { action: t(`actions.${action}`) }));
        close();
      },
      onError: (error) => {
        const described = describeDemandError(error, i18n);
        const mapped = formErrors(
          {
            ...described,
            fields: described.fields.map((f) => ({ ...f, field: FORM_FIELD[f.field] ?? f.field })),
          },
          FORM_FIELDS,
        );
        form.setFields(mapped.fields as Parameters<typeof form.setFields>[0]);
        setProblem({ message: described.message, fields: mapped.other });
      },
    });
  };

  return (
    <Modal
      open={Boolean(action)}
      title={action ? `${t(`actions.${action}`)} · ${demand.number}` : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('actions.submit')}
      cancelText={t('actions.cancel')}
      okButtonProps={
        { loading: take.isPending, danger: spec?.danger, 'data-testid': 'action-submit' } as ButtonProps
      }
      destroyOnHidden
      width={560}
      data-testid="action-dialog"
    >
      {action && spec ? (
        <Form<ActionFormValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
          {spec.fields.map((field) => (
            <ActionFields key={field} field={field} demand={demand} open={Boolean(action)} />
          ))}
          <Form.Item
            name="note"
            label={t(`dialog.${spec.noteLabel}`)}
            rules={
              spec.noteRequired ? [{ required: true, whitespace: true, message: t('dialog.required') }] : []
            }
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="action-note-text" />
          </Form.Item>
          {problem ? (
            <Alert
              type="error"
              showIcon
              title={problem.message}
              description={
                problem.fields.length
                  ? problem.fields.map((f) => `${f.label} — ${f.message}`).join('; ')
                  : undefined
              }
              data-testid="action-error"
            />
          ) : null}
        </Form>
      ) : null}
    </Modal>
  );
}
