import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage, formFieldErrors } from '../../../i18n/apiErrorMessage';
import { formatDateTime } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { LanguageSwitch } from '../../common/LanguageSwitch';
import { login, sessionQueryKey } from '../api';
import { safeNextPath } from '../redirect';

type LoginValues = { username: string; password: string };
const LOGIN_FIELDS = ['username', 'password'] as const;

export type LoginPageProps = Record<string, never>;

export function LoginPage(_props: LoginPageProps) {
  const { t, i18n } = useTranslation(['iam', 'common']);
  const language = useLanguage();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LoginValues>();
  const { token } = theme.useToken();

  const signIn = useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // Nothing cached for a previous user may show up for this one.
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, session);
      navigate(safeNextPath(searchParams.get('next')), { replace: true });
    },
    onError: (error) => {
      form.setFields(formFieldErrors(error, language, LOGIN_FIELDS).fields);
      if (isApiError(error) && error.code === 'iam.invalid_credentials') form.resetFields(['password']);
    },
  });

  const error = signIn.error;
  const lockedUntil =
    isApiError(error) && typeof error.problem.lockedUntil === 'string'
      ? error.problem.lockedUntil
      : undefined;
  const details = [
    ...(lockedUntil ? [t('login.lockedUntil', { time: formatDateTime(lockedUntil, language) })] : []),
    ...formFieldErrors(error, language, LOGIN_FIELDS).other,
  ];

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 24, background: token.colorBgLayout }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch size="small" />
      </div>
      <Typography.Title level={2} style={{ marginBottom: 4, textAlign: 'center' }}>
        {t('common:productTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 32, textAlign: 'center' }}>
        {t('common:productSubtitle')}
      </Typography.Paragraph>
      <Card title={t('login.title')} style={{ width: '100%', maxWidth: 400 }}>
        {error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 24 }}
            title={apiErrorMessage(error, i18n)}
            description={details.length > 0 ? details.map((line) => <div key={line}>{line}</div>) : undefined}
          />
        ) : null}
        <Form<LoginValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={signIn.isPending}
          onFinish={(values) => signIn.mutate({ ...values, username: values.username.trim() })}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={signIn.isPending}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
