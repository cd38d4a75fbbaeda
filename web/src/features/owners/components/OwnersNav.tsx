import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

const PAGES = { compounds: '/owners', board: '/owners/formations', watch: '/owners/watch' } as const;
type OwnersPageKey = keyof typeof PAGES;

export type OwnersNavProps = Record<string, never>;

/** The three owners pages side by side; the chosen place goes along. */
export function OwnersNav(_props: OwnersNavProps) {
  const { t } = useTranslation('owners');
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const current =
    (Object.keys(PAGES) as OwnersPageKey[]).find((k) => PAGES[k] === location.pathname) ?? 'compounds';
  const area = params.get('area');
  return (
    <Segmented<OwnersPageKey>
      data-testid="owners-nav"
      value={current}
      options={(Object.keys(PAGES) as OwnersPageKey[]).map((page) => ({
        value: page,
        label: t(`nav.${page}`),
      }))}
      onChange={(page) => navigate(area ? `${PAGES[page]}?area=${area}` : PAGES[page])}
    />
  );
}
