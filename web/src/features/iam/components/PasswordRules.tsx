import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPasswordStrength, PASSWORD_MIN_CLASSES, PASSWORD_MIN_LENGTH } from '../passwordStrength';

export type PasswordRulesProps = { password: string };

/** The strength rule spelled out, each part ticked off as the new password meets it. */
export function PasswordRules({ password }: PasswordRulesProps) {
  const { t } = useTranslation('iam');
  const { token } = theme.useToken();
  const check = checkPasswordStrength(password);

  const mark = (met: boolean, text: string) => (
    <Flex gap={8} align="center">
      {met ? (
        <CheckCircleFilled style={{ color: token.colorSuccess }} />
      ) : (
        <CloseCircleOutlined style={{ color: token.colorTextQuaternary }} />
      )}
      <Typography.Text type={met ? undefined : 'secondary'}>{text}</Typography.Text>
    </Flex>
  );

  return (
    <Flex vertical gap={4} style={{ marginBottom: 24 }} aria-live="polite">
      <Typography.Text strong>{t('password.strengthTitle')}</Typography.Text>
      {mark(check.longEnough, t('password.ruleLength', { min: PASSWORD_MIN_LENGTH }))}
      {mark(
        check.classCount >= PASSWORD_MIN_CLASSES,
        t('password.ruleClasses', { min: PASSWORD_MIN_CLASSES }),
      )}
      <Flex vertical gap={2} style={{ paddingInlineStart: 24 }}>
        {mark(check.classes.lower, t('password.classLower'))}
        {mark(check.classes.upper, t('password.classUpper'))}
        {mark(check.classes.digit, t('password.classDigit'))}
        {mark(check.classes.symbol, t('password.classSymbol'))}
      </Flex>
    </Flex>
  );
}
