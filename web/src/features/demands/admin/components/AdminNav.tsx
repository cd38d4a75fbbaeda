import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

export const ADMIN_PAGES = {
  categories: '/demands/admin/categories',
  calendar: '/demands/admin/calendar',
  settings: '/demands/admin/settings',
  units: '/demands/admin/units',
} as const;
type AdminPage = keyof typeof ADMIN_PAGES;

export type AdminNavProps = Record<string, never>;

/** The four demands admin pages side by side. */
export function AdminNav(_props: AdminNavProps) {
  const { t } = useTranslation('demandsAdmin');
  const location = useLocation();
  const navigate = useNavigate();
  const pages = Object.keys(ADMIN_PAGES) as AdminPage[];
  const current = pages.find((p) => location.pathname.startsWith(ADMIN_PAGES[p])) ?? 'categories';
  return (
    <Segmented<AdminPage>
      data-testid="demands-admin-nav"
      value={current}
      options={pages.map((page) => ({ value: page, label: t(`nav.${page}`) }))}
      onChange={(page) => navigate(ADMIN_PAGES[page])}
    />
  );
}
