import { BellOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, Button, Drawer, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { formatDateTime } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { useMessageList } from '../hooks';
import { notificationText } from '../messageText';

export type ConsoleNotificationBellProps = Record<string, never>;

/** The console header's bell: the unread count, and a drawer with the messages (站内消息, in-app only). */
export function ConsoleNotificationBell(_props: ConsoleNotificationBellProps) {
  const { t, i18n } = useTranslation('notifications');
  const language = useLanguage();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const { list, items, count, markAllRead, openItem } = useMessageList({
    surface: 'console',
    enabled: open,
    onError: (error) => void message.error(apiErrorMessage(error, i18n)),
    onOpen: () => setOpen(false),
  });

  return (
    <>
      <Badge count={count} size="small" offset={[-6, 6]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={count > 0 ? t('bellWithCount', { count }) : t('bell')}
          onClick={() => setOpen(true)}
          data-testid="notifications-bell"
          data-unread={count}
        />
      </Badge>
      <Drawer
        title={t('title')}
        open={open}
        onClose={() => setOpen(false)}
        size={420}
        extra={
          <Button
            size="small"
            disabled={count === 0}
            loading={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
            data-testid="notifications-read-all"
          >
            {t('readAll')}
          </Button>
        }
        data-testid="notifications-drawer"
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('inAppOnly')}
        </Typography.Paragraph>
        <List
          loading={list.isPending && open}
          dataSource={items}
          locale={{ emptyText: list.isError ? t('loadFailed') : t('empty') }}
          renderItem={(item) => {
            const text = notificationText(item, i18n, language);
            const unread = item.readAt === null;
            return (
              <List.Item
                key={item.id}
                onClick={() => void openItem(item)}
                style={{ cursor: 'pointer' }}
                data-testid="notification-item"
                data-kind={item.kind}
                data-unread={unread}
              >
                <List.Item.Meta
                  title={
                    <Typography.Text strong={unread}>
                      {unread ? <Badge status="processing" style={{ marginRight: 6 }} /> : null}
                      {text.title}
                    </Typography.Text>
                  }
                  description={
                    <>
                      <div style={{ fontWeight: unread ? 600 : 400 }}>{text.body}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(item.createdAt, language)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
        {list.hasNextPage ? (
          <Button block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('more')}
          </Button>
        ) : null}
      </Drawer>
    </>
  );
}
