import { Card, ErrorBlock, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { useLanguage } from '../../../i18n/useLanguage';
import {
  PublicHeader,
  PublicLoading,
  PublicMobileFrame,
  publicSection,
} from '../../common/PublicMobileFrame';
import type { PublicCompound } from '../api';
import { usePublicCompound } from '../hooks/useOwners';

const POST_COLORS = { chair: 'danger', vice_chair: 'warning', member: 'default' } as const;

type DisclosureListProps = { items: PublicCompound['decisions']; testId: string };

function DisclosureList({ items, testId }: DisclosureListProps) {
  const { t } = useTranslation('owners');
  if (items.length === 0) return <div style={{ padding: 16, color: '#999' }}>{t('public.none')}</div>;
  return (
    <List data-testid={testId}>
      {items.map((d) => (
        <List.Item key={d.id} description={d.body} extra={d.publishedOn}>
          <Tag color="primary" fill="outline" style={{ marginRight: 6 }}>
            {t(`disclosureKinds.${d.kind}`)}
          </Tag>
          {d.title}
        </List.Item>
      ))}
    </List>
  );
}

export type PublicCompoundPageProps = Record<string, never>;

/**
 * 小区业委会公示 (/m/compounds/:code, no sign-in): the committee's members with their posts, term and
 * filing, its decisions and the meeting results, and the recurring reports with a flag when overdue.
 * Whether a member is a party member is not shown here (see publicCompoundSchema).
 */
export function PublicCompoundPage(_props: PublicCompoundPageProps) {
  const { t, i18n } = useTranslation(['owners', 'common']);
  const _language = useLanguage();
  const { code } = useParams<{ code: string }>();
  const compound = usePublicCompound(code);
  const name = compound.data?.name;
  const body = (() => {
    if (compound.isPending) return <PublicLoading />;
    if (compound.isError) {
      const notFound = isApiError(compound.error) && compound.error.status === 404;
      return (
        <ErrorBlock
          status={notFound ? 'empty' : 'default'}
          fullPage
          title={notFound ? t('public.notFound') : t('errors.loadFailed')}
          description={notFound ? t('public.notFoundHint') : apiErrorMessage(compound.error, i18n)}
        />
      );
    }
    const d = compound.data;
    const c = d.committee;
    return (
      <>
        <PublicHeader
          kicker={t('public.kicker')}
          title={d.name}
          subtitle={[d.street, d.community].filter(Boolean).join(' · ')}
          titleTestId="public-compound-name"
          color="#c41d1d"
        />
        <Card style={publicSection} title={t('public.committee')} data-testid="public-committee">
          {c ? (
            <>
              <div style={{ fontSize: 14 }}>{t('public.term', { start: c.termStart, end: c.termEnd })}</div>
              {!c.inTerm ? <Tag color="danger">{t('public.termEnded')}</Tag> : null}
              <div style={{ fontSize: 13, color: '#666', marginTop: 4 }}>
                {c.filedOn
                  ? t('public.filed', { date: c.filedOn, authority: c.filingAuthority ?? '' })
                  : t('public.notFiled')}
              </div>
              <List style={{ marginTop: 8 }} data-testid="public-members">
                {c.members.map((m) => (
                  <List.Item
                    key={`${m.post}-${m.name}`}
                    extra={<Tag color={POST_COLORS[m.post]}>{t(`posts.${m.post}`)}</Tag>}
                  >
                    {m.name}
                  </List.Item>
                ))}
              </List>
            </>
          ) : (
            <span style={{ color: '#999' }}>{t('public.noCommittee')}</span>
          )}
        </Card>
        <Card style={publicSection} title={t('public.reports')} data-testid="public-reports">
          <List>
            {d.reports.map((r) => (
              <List.Item
                key={r.kind}
                data-overdue={r.overdue}
                description={
                  r.latest ? `${r.latest.title} · ${r.latest.publishedOn}` : t('disclosures.never')
                }
                extra={
                  r.overdue ? (
                    <Tag color="danger">{t('disclosures.overdue')}</Tag>
                  ) : r.dueBy ? (
                    <Tag color="primary">{t('disclosures.dueBy', { date: r.dueBy })}</Tag>
                  ) : null
                }
              >
                {t(`disclosureKinds.${r.kind}`)}（{t('disclosures.every', { months: r.cadenceMonths })}）
              </List.Item>
            ))}
          </List>
        </Card>
        <Card style={publicSection} title={t('public.decisions')}>
          <DisclosureList items={d.decisions} testId="public-decisions" />
        </Card>
        <Card style={publicSection} title={t('public.others')}>
          <DisclosureList items={d.others} testId="public-others" />
        </Card>
      </>
    );
  })();

  return (
    <PublicMobileFrame
      testId="public-compound-page"
      documentTitle={name ? `${name} · ${t('public.kicker')}` : undefined}
      basis={compound.data ? t('public.basis') : undefined}
    >
      {body}
    </PublicMobileFrame>
  );
}
