import { DownOutlined, GlobalOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Dropdown, type MenuProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isSessionEnded } from '../api/client';
import { logout } from '../features/iam/api';
import { useSession } from '../features/iam/hooks/useSession';
import { apiErrorMessage } from '../i18n/apiErrorMessage';
import { changeLanguage } from '../i18n/i18n';
import { LANGUAGES, pickLocalized, toLanguage } from '../i18n/language';
import { useLanguage } from '../i18n/useLanguage';

export type UserMenuProps = Record<string, never>;

/** Header menu: who is signed in, their roles and scopes, language, password and logout. */
export function UserMenu(_props: UserMenuProps) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const language = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();

  const signOut = async () => {
    try {
      await logout();
    } catch (error) {
      // If the server did not end the session, say so rather than pretend the user is logged out.
      if (!isSessionEnded(error)) {
        void message.error(apiErrorMessage(error, i18n));
        return;
      }
    }
    queryClient.clear();
    navigate('/login', { replace: true });
  };

  const assignmentItems: NonNullable<MenuProps['items']> =
    session.assignments.length === 0
      ? [{ key: 'assignment:none', label: t('userMenu.noAssignments'), disabled: true }]
      : session.assignments.map((assignment, index) => ({
          key: `assignment:${index}`,
          label: (
            <div>
              <div>{pickLocalized(assignment.roleName, language)}</div>
              <Typography.Text type="secondary">
                {assignment.scopeName ?? assignment.scopePath}
              </Typography.Text>
            </div>
          ),
        }));

  const items: MenuProps['items'] = [
    { type: 'group', key: 'assignments', label: t('userMenu.assignments'), children: assignmentItems },
    { type: 'divider' },
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: t('language.label'),
      children: LANGUAGES.map((value) => ({ key: `language:${value}`, label: t(`language.${value}`) })),
    },
    { key: 'password', icon: <LockOutlined />, label: t('userMenu.changePassword') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('userMenu.logout'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key.startsWith('language:')) void changeLanguage(toLanguage(key.slice('language:'.length)));
    else if (key === 'password') navigate('/account/password');
    else if (key === 'logout') void signOut();
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{ items, onClick, selectable: true, selectedKeys: [`language:${language}`] }}
    >
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
        {session.user.displayName}
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
