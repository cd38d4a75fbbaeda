// Error factories of the notifications module (codes `notifications.<reason>`).
import { AppError } from '../../server/errors';

export const notificationsErrors = {
  /** Also for another user's message: whether it exists is not the caller's business. */
  notificationNotFound: () =>
    new AppError({
      code: 'notifications.notification_not_found',
      status: 404,
      title: { zh: '消息不存在', en: 'No such message' },
    }),
  /** An API token is a system, not a person: it has no messages. */
  usersOnly: () =>
    new AppError({
      code: 'notifications.users_only',
      status: 403,
      title: { zh: '只有登录用户才有站内消息', en: 'Only a signed-in user has messages' },
    }),
};
