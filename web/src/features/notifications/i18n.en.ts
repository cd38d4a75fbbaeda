import type { notificationsZhCN } from './i18n.zh-CN';

/** English strings of the notifications namespace: the same keys as zh-CN. */
export const notificationsEn: typeof notificationsZhCN = {
  bell: 'Messages',
  bellWithCount: 'Messages, {{count}} unread',
  title: 'My messages',
  readAll: 'Mark all read',
  readAllDone: 'All marked read',
  empty: 'No messages',
  emptyHint: 'You will be told here when your demands move on.',
  more: 'Load more',
  unread: 'Unread',
  loadFailed: 'The messages could not be loaded',
  inAppOnly: 'In-app only; no text messages are sent',
  kinds: {
    demand: {
      registered: {
        title: 'Demand registered',
        body: 'Your demand No.{{number}} ({{category}}) has been registered and will be dispatched soon.',
      },
      declined: {
        title: 'Demand not accepted',
        body: 'Your demand No.{{number}} ({{category}}) was not accepted. Reason: {{reason}}',
      },
      merged: {
        title: 'Demand merged',
        body: 'Your demand No.{{number}} ({{category}}) was merged into No.{{intoNumber}} and is handled with it; follow its progress on that demand’s page.',
      },
      dispatched: {
        title: 'Demand dispatched',
        body: 'Your demand No.{{number}} ({{category}}) was dispatched to {{responsible}}, due by {{due}}.',
      },
      extended: {
        title: 'Time limit extended',
        body: 'The time limit of your demand No.{{number}} ({{category}}) was extended to {{due}}. Reason: {{reason}}',
      },
      replied: {
        title: 'Demand answered',
        body: 'Your demand No.{{number}} ({{category}}) was answered: {{reply}}',
      },
      closed: {
        title: 'Demand closed: please rate it',
        body: 'Your demand No.{{number}} ({{category}}) has been closed. Please rate how it was handled.',
      },
      assigned: {
        title: 'A demand was assigned to you',
        body: 'Demand No.{{number}} ({{category}}) was assigned to you, due by {{due}}.',
      },
      reassigned: {
        title: 'A demand was reassigned to you',
        body: 'Demand No.{{number}} ({{category}}) was reassigned to you, due by {{due}}.',
      },
      rework: {
        title: 'Check failed: please handle it again',
        body: 'Demand No.{{number}} ({{category}}) failed its check; please handle it again. Reason: {{reason}}',
      },
      due_soon: {
        title: 'Demand due soon',
        body: 'Demand No.{{number}} ({{category}}) is due by {{due}}; please finish handling it in time.',
      },
      overdue: {
        title: 'Demand overdue',
        body: 'Demand No.{{number}} ({{category}}) was due by {{due}} and is overdue; please handle it and reply as soon as possible.',
      },
      contact_late: {
        title: 'First contact overdue',
        body: 'Demand No.{{number}} ({{category}}): the resident should have been contacted by {{contactDue}} and has not been yet; please contact them now.',
      },
    },
    unknown: { title: 'New message', body: 'Demand No.{{number}} has moved on.' },
  },
  fallback: { responsible: 'the responsible party', due: 'not set', note: '(none)' },
};
