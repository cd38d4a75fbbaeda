import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

const PAGES = { rates: '/demands/rates', ranking: '/demands/rates/ranking' } as const;
type RatesPageKey = keyof typeof PAGES;

export type RatesNavProps = Record<string, never>;

/** The rates page and the ranking page side by side; the chosen place goes along. */
export function RatesNav(_props: RatesNavProps) {
  const { t } = useTranslation('demandsRates');
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const current: RatesPageKey = location.pathname === PAGES.ranking ? 'ranking' : 'rates';
  const area = params.get('area');
  return (
    <Segmented<RatesPageKey>
      data-testid="rates-nav"
      value={current}
      options={(Object.keys(PAGES) as RatesPageKey[]).map((page) => ({
        value: page,
        label: <span data-testid={`rates-nav-${page}`}>{t(`nav.${page}`)}</span>,
      }))}
      onChange={(page) => navigate(area ? `${PAGES[page]}?area=${area}` : PAGES[page])}
    />
  );
}
