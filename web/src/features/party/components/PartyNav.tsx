import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { PARTY_PAGES, type PartyPageKey, partyPageOf, partyPath } from '../paths';

export type PartyNavProps = Record<string, never>;

/** The four party pages side by side; the chosen place goes along. */
export function PartyNav(_props: PartyNavProps) {
  const { t } = useTranslation('party');
  const location = useLocation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const area = searchParams.get('area');
  return (
    <Segmented<PartyPageKey>
      data-testid="party-nav"
      value={partyPageOf(location.pathname)}
      options={PARTY_PAGES.map((page) => ({ value: page, label: t(`nav.${page}`) }))}
      onChange={(page) => navigate(partyPath(page, page === 'transfers' ? null : area))}
    />
  );
}
