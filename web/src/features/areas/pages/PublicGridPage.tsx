import { PhoneOutlined } from '@ant-design/icons';
import { Card, ErrorBlock, List, Tag } from 'antd-mobile';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { formatDateTime } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import {
  PublicHeader,
  PublicLoading,
  PublicMobileFrame,
  publicSection,
} from '../../common/PublicMobileFrame';
import type { PublicGrid } from '../api';
import { GridBoundarySketch } from '../components/GridBoundarySketch';
import { usePublicGrid } from '../hooks/useAreas';

export type PublicGridPageProps = Record<string, never>;

const DUTY_COLORS: Record<PublicGrid['staff'][number]['duty'], string> = {
  leader: 'warning',
  full_time: 'primary',
  part_time: 'default',
};

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/**
 * 网格公示: what every resident may know about their grid without signing in — its place, boundary,
 * grid workers with their work phones and the supervision phone (grid regulation art. 6). No personal data.
 */
export function PublicGridPage(_props: PublicGridPageProps) {
  const { t, i18n } = useTranslation(['areas', 'common']);
  const language = useLanguage();
  const { code } = useParams<{ code: string }>();
  const grid = usePublicGrid(code);
  const gridName = grid.data?.name;

  const body = (() => {
    if (grid.isPending) return <PublicLoading />;
    if (grid.isError) {
      const notFound = isApiError(grid.error) && grid.error.status === 404;
      return (
        <ErrorBlock
          status={notFound ? 'empty' : 'default'}
          fullPage
          title={notFound ? t('public.notFound') : t('loadFailed')}
          description={notFound ? t('public.notFoundHint') : apiErrorMessage(grid.error, i18n)}
          data-testid="public-grid-error"
        />
      );
    }
    const data = grid.data;
    const place = [data.district, data.street, data.community].filter(Boolean).join(' · ');
    return (
      <>
        <PublicHeader
          kicker={t('public.kicker')}
          title={data.name}
          subtitle={place}
          titleTestId="public-grid-name"
        />

        <Card style={publicSection} title={t('public.supervisionPhone')}>
          {data.supervisionPhone ? (
            <a
              href={telHref(data.supervisionPhone)}
              style={{ fontSize: 22, fontWeight: 600, display: 'inline-flex', gap: 8, alignItems: 'center' }}
              data-testid="public-supervision-phone"
            >
              <PhoneOutlined /> {data.supervisionPhone}
            </a>
          ) : (
            <span style={{ color: '#999' }}>{t('profile.noSupervisionPhone')}</span>
          )}
          <div style={{ color: '#888', fontSize: 12, marginTop: 6 }}>{t('public.supervisionHint')}</div>
        </Card>

        <Card style={publicSection} title={t('public.staff')} bodyStyle={{ padding: 0 }}>
          {data.staff.length === 0 ? (
            <div style={{ padding: 16, color: '#999' }}>{t('profile.noStaff')}</div>
          ) : (
            <List>
              {data.staff.map((member) => (
                <List.Item
                  key={`${member.name}-${member.workPhone}`}
                  description={<Tag color={DUTY_COLORS[member.duty]}>{t(`duty.${member.duty}`)}</Tag>}
                  extra={
                    <a
                      href={telHref(member.workPhone)}
                      style={{ fontSize: 16 }}
                      aria-label={t('public.call', { name: member.name })}
                    >
                      <PhoneOutlined /> {member.workPhone}
                    </a>
                  }
                >
                  {member.name}
                </List.Item>
              ))}
            </List>
          )}
        </Card>

        <Card style={publicSection} title={t('profile.boundary')} bodyStyle={{ padding: 4 }}>
          {data.boundary ? (
            <GridBoundarySketch
              grid={{ code: data.code, name: data.name, boundary: data.boundary }}
              height={220}
              still
              testId="public-grid-sketch"
            />
          ) : (
            <div style={{ padding: 16, color: '#999' }}>{t('profile.noBoundary')}</div>
          )}
        </Card>

        <Card style={publicSection}>
          <List style={{ '--border-top': 'none', '--border-bottom': 'none' } as CSSProperties}>
            <List.Item extra={new Intl.NumberFormat(language).format(data.households)}>
              {t('map.households')}
            </List.Item>
            <List.Item extra={formatDateTime(data.updatedAt, language)}>{t('public.updatedAt')}</List.Item>
          </List>
        </Card>
      </>
    );
  })();

  return (
    <PublicMobileFrame
      testId="public-grid-page"
      // The title a resident sees in the tab or when sharing the link.
      documentTitle={gridName ? t('public.documentTitle', { name: gridName }) : undefined}
      basis={grid.data ? t('public.basis') : undefined}
    >
      {body}
    </PublicMobileFrame>
  );
}
