import { SettingOutlined } from '@ant-design/icons';
import { Layout, Menu, type MenuProps, Space, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../features/iam/hooks/useSession';
import { ConsoleNotificationBell } from '../features/notifications/components/ConsoleNotificationBell';
import { navIcons } from './navIcons';
import { type NavItem, navItemForPath, visibleNavItems } from './navigation';
import { UserMenu } from './UserMenu';

const CHANGE_PASSWORD_PATH = '/account/password';

export type ConsoleLayoutProps = Record<string, never>;

/** The console frame: side navigation filtered by permission, header with the user menu, page outlet. */
export function ConsoleLayout(_props: ConsoleLayoutProps) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  // An account with an initial or reset password may do nothing else until it is changed.
  if (session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }

  const toMenuItem = (item: NavItem) => {
    const Icon = navIcons[item.key];
    return { key: item.key, icon: <Icon />, label: <Link to={item.path}>{t(`nav:items.${item.key}`)}</Link> };
  };
  const visible = visibleNavItems(session.permissions);
  const systemItems = visible.filter((item) => item.group === 'system').map(toMenuItem);
  const menuItems: MenuProps['items'] = [
    ...visible.filter((item) => item.group === 'main').map(toMenuItem),
    ...(systemItems.length > 0
      ? [{ key: 'system', icon: <SettingOutlined />, label: t('nav:groups.system'), children: systemItems }]
      : []),
  ];
  const selected = navItemForPath(location.pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={220}
        aria-label={t('layout.navigation')}
      >
        <div
          style={{
            height: 64,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 16,
            lineHeight: 1.3,
            textAlign: 'center',
            overflow: 'hidden',
            paddingInline: 12,
          }}
        >
          {collapsed ? t('productShortTitle') : t('productTitle')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={menuItems}
          selectedKeys={selected ? [selected.key] : []}
          defaultOpenKeys={selected?.group === 'system' ? ['system'] : []}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            paddingInline: 24,
          }}
        >
          <Typography.Text strong>{selected ? t(`nav:items.${selected.key}`) : ''}</Typography.Text>
          <Space size={4}>
            <ConsoleNotificationBell />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
