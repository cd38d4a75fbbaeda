import { Card, Col, Empty, Flex, Row, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { navIcons } from '../../../app/navIcons';
import { visibleNavItems } from '../../../app/navigation';
import { pickLocalized } from '../../../i18n/language';
import { useLanguage } from '../../../i18n/useLanguage';
import { useSession } from '../../iam/hooks/useSession';

export type HomePageProps = Record<string, never>;

/** Welcome and a launcher for the modules this user may open. No figures until the dashboard provides real ones. */
export function HomePage(_props: HomePageProps) {
  const { t } = useTranslation(['home', 'nav', 'common']);
  const session = useSession();
  const language = useLanguage();
  const { token } = theme.useToken();
  const modules = visibleNavItems(session.permissions).filter((item) => item.key !== 'home');

  return (
    <Flex vertical gap={24}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('welcome', { name: session.user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('assignments')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          {session.assignments.length === 0 ? (
            <Typography.Text>{t('noAssignments')}</Typography.Text>
          ) : (
            <Flex wrap gap={8}>
              {session.assignments.map((assignment) => (
                <Tag key={`${assignment.role}@${assignment.scopePath}`} color="blue">
                  {pickLocalized(assignment.roleName, language)} ·{' '}
                  {assignment.scopeName ?? assignment.scopePath}
                </Tag>
              ))}
            </Flex>
          )}
        </div>
      </Card>

      <Card title={t('modules')}>
        {modules.length === 0 ? (
          <Empty description={t('noModules')} />
        ) : (
          <Row gutter={[16, 16]}>
            {modules.map((item) => {
              const Icon = navIcons[item.key];
              return (
                <Col key={item.key} xs={24} sm={12} lg={8} xxl={6}>
                  <Link to={item.path}>
                    <Card hoverable size="small" style={{ height: '100%' }}>
                      <Card.Meta
                        avatar={<Icon style={{ fontSize: 24, color: token.colorPrimary }} />}
                        title={t(`nav:items.${item.key}`)}
                        description={t(`nav:descriptions.${item.key}`)}
                      />
                    </Card>
                  </Link>
                </Col>
              );
            })}
          </Row>
        )}
      </Card>
    </Flex>
  );
}
