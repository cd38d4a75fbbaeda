import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUnreadCount } from '../hooks';
import { NOTIFICATIONS_MOBILE_PATH } from '../paths';

export type MobileNotificationBellProps = Record<string, never>;

/** The phone pages' bell in the bar: the unread count; a tap opens the messages. */
export function MobileNotificationBell(_props: MobileNotificationBellProps) {
  const { t } = useTranslation('notifications');
  const navigate = useNavigate();
  const count = useUnreadCount().data?.count ?? 0;
  return (
    <button
      type="button"
      onClick={() => navigate(NOTIFICATIONS_MOBILE_PATH)}
      aria-label={count > 0 ? t('bellWithCount', { count }) : t('bell')}
      data-testid="notifications-bell"
      data-unread={count}
      style={{ background: 'none', border: 0, padding: 4, color: '#fff', fontSize: 20, cursor: 'pointer' }}
    >
      <Badge content={count > 0 ? (count > 99 ? '99+' : String(count)) : null}>
        <BellOutlined />
      </Badge>
    </button>
  );
}
