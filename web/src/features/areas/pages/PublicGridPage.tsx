import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, ConfigProvider, ErrorBlock, List, Skeleton, Tag } from 'antd-mobile';
import mobileEnUS from 'antd-mobile/es/locales/en-US';
import mobileZhCN from 'antd-mobile/es/locales/zh-CN';
import { type CSSProperties, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { formatDateTime } from '../../../i18n/format';
import { changeLanguage } from '../../../i18n/i18n';
import { useLanguage } from '../../../i18n/useLanguage';
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

const page = {
  maxWidth: 480,
  margin: '0 auto',
  minHeight: '100vh',
  background: '#f5f5f5',
  paddingBottom: 24,
} as const;
const section = { margin: '12px 12px 0', borderRadius: 12 } as const;

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

  // The title a resident sees in the tab or when sharing the link.
  useEffect(() => {
    if (!gridName) return;
    const previous = document.title;
    document.title = t('public.documentTitle', { name: gridName });
    return () => {
      document.title = previous;
    };
  }, [gridName, t]);

  const body = (() => {
    if (grid.isPending) {
      return (
        <div style={{ padding: 16 }}>
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={6} animated />
        </div>
      );
    }
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
        <header style={{ padding: '20px 16px 8px', background: '#1677ff', color: '#fff' }}>
          <div style={{ fontSize: 13, opacity: 0.85 }}>{t('public.kicker')}</div>
          <h1 style={{ margin: '4px 0', fontSize: 24, lineHeight: 1.3 }} data-testid="public-grid-name">
            {data.name}
          </h1>
          {place ? <div style={{ fontSize: 14, opacity: 0.9 }}>{place}</div> : null}
        </header>

        <Card style={section} title={t('public.supervisionPhone')}>
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

        <Card style={section} title={t('public.staff')} bodyStyle={{ padding: 0 }}>
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

        <Card style={section} title={t('profile.boundary')} bodyStyle={{ padding: 4 }}>
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

        <Card style={section}>
          <List style={{ '--border-top': 'none', '--border-bottom': 'none' } as CSSProperties}>
            <List.Item extra={new Intl.NumberFormat(language).format(data.households)}>
              {t('map.households')}
            </List.Item>
            <List.Item extra={formatDateTime(data.updatedAt, language)}>{t('public.updatedAt')}</List.Item>
          </List>
        </Card>

        <p style={{ margin: '16px 16px 0', color: '#999', fontSize: 12, lineHeight: 1.6 }}>
          {t('public.basis')}
        </p>
      </>
    );
  })();

  return (
    <ConfigProvider locale={language === 'en' ? mobileEnUS : mobileZhCN}>
      <main style={page} data-testid="public-grid-page">
        {body}
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button
            size="mini"
            fill="none"
            onClick={() => void changeLanguage(language === 'en' ? 'zh-CN' : 'en')}
          >
            {language === 'en' ? t('common:language.zh-CN') : t('common:language.en')}
          </Button>
        </div>
      </main>
    </ConfigProvider>
  );
}
