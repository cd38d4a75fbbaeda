import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage, formFieldErrors } from '../../../i18n/apiErrorMessage';
import { useLanguage } from '../../../i18n/useLanguage';
import { changePassword, sessionQueryKey } from '../api';
import { PasswordRules } from '../components/PasswordRules';
import { useSession } from '../hooks/useSession';
import { checkPasswordStrength } from '../passwordStrength';

type ChangePasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };
const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** Errors the server reports about one field of this form, by code. */
const FIELD_OF_CODE: Record<string, keyof ChangePasswordValues> = {
  'iam.password_mismatch': 'currentPassword',
  'iam.weak_password': 'newPassword',
};

export type ChangePasswordPageProps = Record<string, never>;

export function ChangePasswordPage(_props: ChangePasswordPageProps) {
  const { t, i18n } = useTranslation('iam');
  const language = useLanguage();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';

  const save = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      form.resetFields();
      void message.success(t('password.success'));
      // The session now says mustChangePassword: false; the layout lets the user go on from there.
      await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      navigate('/', { replace: true });
    },
    onError: (error) => {
      const { fields } = formFieldErrors(error, language, PASSWORD_FIELDS);
      const field = isApiError(error) ? FIELD_OF_CODE[error.code] : undefined;
      if (field && !fields.some((entry) => entry.name === field)) {
        fields.push({ name: field, errors: [apiErrorMessage(error, i18n)] });
      }
      form.setFields(fields);
    },
  });

  // A form-level alert only for what the fields do not already show.
  const error = save.error;
  const showAlert = error && !(isApiError(error) && Object.hasOwn(FIELD_OF_CODE, error.code));
  const otherErrors = formFieldErrors(error, language, PASSWORD_FIELDS).other;

  return (
    <Card title={t('password.title')} style={{ maxWidth: 520 }}>
      {session.user.mustChangePassword ? (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 24 }} />
      ) : null}
      {showAlert ? (
        <Alert
          type="error"
          showIcon
          title={apiErrorMessage(error, i18n)}
          description={
            otherErrors.length > 0 ? otherErrors.map((line) => <div key={line}>{line}</div>) : undefined
          }
          style={{ marginBottom: 24 }}
        />
      ) : null}
      <Form<ChangePasswordValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={save.isPending}
        onFinish={(values) =>
          save.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword })
        }
      >
        <Form.Item
          name="currentPassword"
          label={t('password.currentPassword')}
          rules={[{ required: true, message: t('password.currentPasswordRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.newPassword')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('password.newPasswordRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (!value) return;
                if (!checkPasswordStrength(value).acceptable) throw new Error(t('password.tooWeak'));
                if (value === getFieldValue('currentPassword')) throw new Error(t('password.sameAsCurrent'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <PasswordRules password={newPassword} />
        <Form.Item
          name="confirmPassword"
          label={t('password.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmPasswordRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword'))
                  throw new Error(t('password.confirmMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
