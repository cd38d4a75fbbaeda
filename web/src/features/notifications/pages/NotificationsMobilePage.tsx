import { Button, ErrorBlock, List, Skeleton, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { formatDateTime } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { DemandsMobileShell } from '../../demands/mobile/DemandsMobileShell';
import { mobilePaths } from '../../demands/mobile/paths';
import { useHasPermission } from '../../iam/hooks/useSession';
import { useMessageList } from '../hooks';
import { notificationText } from '../messageText';

export type NotificationsMobilePageProps = Record<string, never>;

/** /m/notifications — the caller's messages on a phone, unread in bold; a tap reads it and opens its demand. */
export function NotificationsMobilePage(_props: NotificationsMobilePageProps) {
  const { t, i18n } = useTranslation('notifications');
  const language = useLanguage();
  // Back to where this user works on a phone: a resident's demands, else a handler's tasks.
  const back = useHasPermission('demands.create') ? mobilePaths.myDemands : mobilePaths.tasks;
  const { list, items, count, markAllRead, openItem } = useMessageList({
    surface: 'mobile',
    onError: (error) => Toast.show({ content: apiErrorMessage(error, i18n) }),
  });

  const readAll = async () => {
    try {
      await markAllRead.mutateAsync();
      Toast.show({ content: t('readAllDone') });
    } catch (error) {
      Toast.show({ content: apiErrorMessage(error, i18n) });
    }
  };

  const body = (() => {
    if (list.isPending) return <Skeleton.Paragraph lineCount={6} animated style={{ padding: 16 }} />;
    if (list.isError)
      return <ErrorBlock status="default" title={apiErrorMessage(list.error, i18n)} description="" />;
    if (items.length === 0)
      return <ErrorBlock status="empty" title={t('empty')} description={t('emptyHint')} />;
    return (
      <List data-testid="notifications-list">
        {items.map((item) => {
          const text = notificationText(item, i18n, language);
          const unread = item.readAt === null;
          return (
            <List.Item
              key={item.id}
              onClick={() => void openItem(item)}
              description={
                <>
                  <div style={{ fontWeight: unread ? 600 : 400, color: unread ? '#333' : undefined }}>
                    {text.body}
                  </div>
                  <div style={{ fontSize: 12, marginTop: 4 }}>{formatDateTime(item.createdAt, language)}</div>
                </>
              }
              data-testid="notification-item"
              data-kind={item.kind}
              data-unread={unread}
            >
              <span style={{ fontWeight: unread ? 700 : 400 }} data-testid="notification-title">
                {text.title}
              </span>
            </List.Item>
          );
        })}
      </List>
    );
  })();

  return (
    <DemandsMobileShell title={t('title')} testId="notifications-mobile" back={back}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          padding: '8px 12px',
          fontSize: 12,
          color: '#999',
        }}
      >
        <span>{t('inAppOnly')}</span>
        <Button
          size="mini"
          color="primary"
          fill="outline"
          disabled={count === 0}
          loading={markAllRead.isPending}
          onClick={() => void readAll()}
          data-testid="notifications-read-all"
        >
          {t('readAll')}
        </Button>
      </div>
      {body}
      {list.hasNextPage ? (
        <div style={{ margin: 12 }}>
          <Button block loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('more')}
          </Button>
        </div>
      ) : null}
    </DemandsMobileShell>
  );
}
