import { NavBar, TabBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PhoneColumn, PhoneLanguageButton, useDocumentTitle } from '../../common/PhonePage';
import { useHasPermission } from '../../iam/hooks/useSession';
import { MobileNotificationBell } from '../../notifications/components/MobileNotificationBell';
import './antdMobileRender';
import { mobilePaths } from './paths';

export type DemandsMobileShellProps = {
  title: string;
  testId: string;
  /** Where the back arrow goes; none on the tab pages. */
  back?: string;
  children: ReactNode;
};

type Tab = { key: string; path: string; permission: string };

const TABS: Tab[] = [
  { key: 'new', path: mobilePaths.newDemand, permission: 'demands.create' },
  { key: 'mine', path: mobilePaths.myDemands, permission: 'demands.create' },
  { key: 'tasks', path: mobilePaths.tasks, permission: 'demands.handle' },
];

function activeTab(pathname: string): string | null {
  if (pathname.startsWith(mobilePaths.tasks)) return 'tasks';
  if (pathname === mobilePaths.newDemand) return 'new';
  if (pathname.startsWith(mobilePaths.myDemands)) return 'mine';
  return null;
}

/** The frame of the demands pages on a phone: a bar with the title, the page, the tabs, the language. */
export function DemandsMobileShell({ title, testId, back, children }: DemandsMobileShellProps) {
  const { t } = useTranslation(['demandsMobile', 'common']);
  const navigate = useNavigate();
  const location = useLocation();
  const mayCreate = useHasPermission('demands.create');
  const mayHandle = useHasPermission('demands.handle');
  const tabs = TABS.filter((tab) => (tab.permission === 'demands.create' ? mayCreate : mayHandle));

  useDocumentTitle(`${title} · ${t('common:productShortTitle')}`);

  return (
    <PhoneColumn testId={testId} paddingBottom={72}>
      <NavBar
        back={back ? t('shell.back') : null}
        backIcon={Boolean(back)}
        onBack={back ? () => navigate(back) : undefined}
        right={<MobileNotificationBell />}
        style={{ background: '#1677ff', color: '#fff', '--border-bottom': '0' }}
      >
        <span style={{ color: '#fff' }}>{title}</span>
      </NavBar>
      {children}
      <PhoneLanguageButton testId="demands-mobile-language" marginTop={16} />
      {tabs.length > 1 ? (
        <div
          style={{
            position: 'fixed',
            left: 0,
            right: 0,
            bottom: 0,
            background: '#fff',
            borderTop: '1px solid #eee',
            zIndex: 10,
          }}
        >
          <div style={{ maxWidth: 480, margin: '0 auto' }}>
            <TabBar activeKey={activeTab(location.pathname)} safeArea>
              {tabs.map((tab) => (
                <TabBar.Item
                  key={tab.key}
                  title={t(`shell.tabs.${tab.key}`)}
                  // A tap navigates even on its own tab's inner pages (a demand → the list).
                  onClick={() => {
                    if (location.pathname !== tab.path) navigate(tab.path);
                  }}
                  data-testid={`demands-tab-${tab.key}`}
                />
              ))}
            </TabBar>
          </div>
        </div>
      ) : null}
    </PhoneColumn>
  );
}
